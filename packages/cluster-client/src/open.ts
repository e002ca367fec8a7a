// Opens a cluster as kubectl would (the CLI's dist/cluster-client.cjs chunk, the editor's refresh):
// kubeconfig and auth via @kubernetes/client-node, read-only GETs via node:http(s) so that every
// request is bounded in time and bytes and every failure becomes one ClusterError line naming its
// cause, never a credential.

import http from 'node:http';
import https from 'node:https';
import { X509Certificate } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { apiVersionOf, permissionOf, resourcePath } from '@l1vh/core';
import { listContexts, loadKubeConfig, prepareExec, secretsOf } from './kubeconfig.js';
import { REDACTED, redactUrl, urlSecrets } from './redact.js';
import { describeNetworkError, describeStatus, type RequestInfo } from './describe-failure.js';
import { MAX_PAGES, MAX_RESPONSE_BYTES, PAGE_SIZE } from './limits.js';
import { ClusterError, type ClusterClient, type ClusterOptions, type KubeObject, type ListScope, type ResourceRef } from './types.js';

interface Response {
  status: number;
  body: Buffer;
}

export async function openCluster(opts: ClusterOptions): Promise<ClusterClient> {
  const loaded = loadKubeConfig(opts);
  const rawServer = loaded.cluster.server;
  const secrets = [...secretsOf(loaded.user), ...urlSecrets(rawServer)];
  const scrub = (s: string): string => secrets.reduce((acc, sec) => acc.split(sec).join(REDACTED), s);
  const server = redactUrl(rawServer);
  let base: URL;
  try {
    base = new URL(rawServer);
  } catch {
    throw new ClusterError(`cluster "${loaded.cluster.name}" in ${loaded.origin} has an invalid server URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new ClusterError(`cluster "${loaded.cluster.name}" in ${loaded.origin}: server ${server} is neither https:// nor http://`);
  const problem = opts.execPath !== undefined ? await prepareExec(loaded.user, opts.execPath) : undefined;
  if (problem) throw new ClusterError(problem);
  const requestOptions: https.RequestOptions = {};
  try {
    await plainHttpTolerant(loaded.kc, base).applyToHTTPSOptions(requestOptions);
  } catch (e) {
    throw new ClusterError(scrub(`cannot get credentials for user "${loaded.user.name}" from ${loaded.origin}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`));
  }
  if (base.protocol === 'https:' && requestOptions.ca) {
    const bad = notCertificates(requestOptions.ca);
    if (bad) throw new ClusterError(`the certificate-authority of cluster "${loaded.cluster.name}" (${loaded.cluster.caFile ?? 'certificate-authority-data'} in ${loaded.origin}) ${bad}`);
  }

  const fetchJson = async (info: RequestInfo, path: string): Promise<unknown | null> => {
    const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
    const started = Date.now();
    let res: Response;
    try {
      res = await get(url, requestOptions, opts.requestTimeoutMs);
    } catch (e) {
      if (opts.verbosity >= 6) opts.log(`GET ${redactUrl(url.href)} failed (${Date.now() - started} ms)`);
      throw new ClusterError(scrub(describeNetworkError(e, { ...info, server, timeoutMs: opts.requestTimeoutMs })));
    }
    if (opts.verbosity >= 6) opts.log(`GET ${redactUrl(url.href)} ${res.status} (${Date.now() - started} ms)`);
    if (res.status === 404) return null;
    if (res.status !== 200) throw new ClusterError(scrub(describeStatus(res.status, res.body, { ...info, server, user: loaded.user.name })));
    try {
      return JSON.parse(res.body.toString('utf8')) as unknown;
    } catch {
      throw new ClusterError(`malformed response from ${server} for ${info.permission}: not valid JSON (truncated body?)`);
    }
  };

  return {
    server,
    context: loaded.context,
    namespace: loaded.namespace,
    async get(ref: ResourceRef, namespace: string | undefined, name: string): Promise<KubeObject | null> {
      const body = await fetchJson({ permission: permissionOf('get', ref, namespace) }, resourcePath(ref, namespace, name));
      if (body === null) return null;
      if (!isObject(body)) throw new ClusterError(`malformed response from ${server}: expected a ${ref.kind} object`);
      return body as KubeObject;
    },
    async list(ref: ResourceRef, scope: ListScope): Promise<KubeObject[]> {
      const info = { permission: permissionOf('list', ref, scope.namespace) };
      const items: KubeObject[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
        if (scope.labelSelector) q.set('labelSelector', scope.labelSelector);
        if (token) q.set('continue', token);
        const body = await fetchJson(info, `${resourcePath(ref, scope.namespace)}?${q.toString()}`);
        if (body === null) {
          if (scope.optional && page === 0) return [];
          throw new ClusterError(`the API server does not serve ${ref.plural}.${ref.group || 'core'}/${ref.version} (404)${ref.kind === 'KubeVirt' ? ': is KubeVirt installed?' : ''}`);
        }
        if (!isObject(body) || !Array.isArray(body.items)) throw new ClusterError(`malformed response from ${server} for ${info.permission}: no items list`);
        for (const it of body.items as unknown[]) {
          if (isObject(it)) items.push({ apiVersion: apiVersionOf(ref), kind: ref.kind, ...(it as KubeObject) });
        }
        const meta = isObject(body.metadata) ? body.metadata : {};
        token = typeof meta.continue === 'string' && meta.continue ? meta.continue : undefined;
        if (!token) return items;
      }
      throw new ClusterError(`${info.permission}: more than ${MAX_PAGES} pages of ${PAGE_SIZE}; refused`);
    },
  };
}

export { listContexts };

/**
 * client-node refuses to build an agent for an http:// server unless TLS verification is off;
 * kubectl talks plain HTTP to such servers (kubectl proxy). TLS settings mean nothing there, so
 * the credentials are read from a copy that says so.
 */
function plainHttpTolerant(kc: KubeConfig, base: URL): KubeConfig {
  if (base.protocol !== 'http:') return kc;
  const current = kc.getCurrentCluster();
  const copy = Object.assign(Object.create(Object.getPrototypeOf(kc) as object) as KubeConfig, kc);
  copy.clusters = kc.clusters.map((c) => (c === current ? { ...c, skipTLSVerify: true } : c));
  return copy;
}

/** Why a CA bundle is unusable (no PEM certificate, or one that does not parse), else undefined. */
function notCertificates(ca: string | Buffer | (string | Buffer)[]): string | undefined {
  const text = (Array.isArray(ca) ? ca : [ca]).map((c) => c.toString()).join('\n');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return 'is not a PEM certificate (no BEGIN CERTIFICATE block)';
  for (const b of blocks) {
    try {
      new X509Certificate(b);
    } catch {
      return 'holds a PEM block that is not a valid certificate';
    }
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class TimeoutError extends Error {
  readonly code = 'L1VH_TIMEOUT';
}
class TooLargeError extends Error {
  readonly code = 'L1VH_TOO_LARGE';
}
class TruncatedError extends Error {
  readonly code = 'L1VH_TRUNCATED';
}

/** One GET with a whole-request deadline (connect, TLS, headers and body) and a byte cap. */
function get(url: URL, base: https.RequestOptions, timeoutMs: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'http:' ? http : https;
    const headers = { ...(base.headers ?? {}), Accept: 'application/json', 'User-Agent': 'kubectl-l1vh' };
    let settled = false;
    const finish = (err: Error | null, value?: Response): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const req = lib.request(url, { ...base, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const expected = res.headers['content-length'] !== undefined ? Number(res.headers['content-length']) : undefined;
      if (expected !== undefined && expected > MAX_RESPONSE_BYTES) return finish(new TooLargeError(String(expected)));
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE_BYTES) return finish(new TooLargeError(String(size)));
        chunks.push(c);
      });
      res.on('end', () => {
        if (expected !== undefined && size < expected) return finish(new TruncatedError(`${size} of ${expected} bytes`));
        finish(null, { status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      // Headers arrived, so any later error or early close means the body was cut short.
      const cut = (): void => finish(new TruncatedError(expected !== undefined ? `${size} of ${expected} bytes` : `${size} bytes`));
      res.on('error', cut);
      res.on('close', () => {
        if (!res.complete) cut();
      });
    });
    const timer = timeoutMs > 0 ? setTimeout(() => finish(new TimeoutError(`${timeoutMs}`)), timeoutMs) : undefined;
    req.on('error', (e) => finish(e));
    req.end();
  });
}
