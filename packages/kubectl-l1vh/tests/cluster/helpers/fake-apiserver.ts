// A loopback Kubernetes API server for tests: serves fixture objects as real list/get JSON
// (paging with limit/continue, label selectors, Status bodies) on 127.0.0.1, checks a bearer
// token or a client certificate, and misbehaves on request.
import { createServer, type Server } from 'node:https';
import { createServer as createPlainServer, type IncomingMessage, type Server as PlainServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface FixtureObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [k: string]: unknown;
}

/** Which plural serves which kind: the API's own naming, written out independently of src/. */
const PLURALS: Record<string, { kind: string; groupVersion: string }> = {
  kubevirts: { kind: 'KubeVirt', groupVersion: 'kubevirt.io/v1' },
  virtualmachines: { kind: 'VirtualMachine', groupVersion: 'kubevirt.io/v1' },
  virtualmachineinstances: { kind: 'VirtualMachineInstance', groupVersion: 'kubevirt.io/v1' },
  nodes: { kind: 'Node', groupVersion: 'v1' },
  namespaces: { kind: 'Namespace', groupVersion: 'v1' },
  persistentvolumeclaims: { kind: 'PersistentVolumeClaim', groupVersion: 'v1' },
  resourcequotas: { kind: 'ResourceQuota', groupVersion: 'v1' },
  pods: { kind: 'Pod', groupVersion: 'v1' },
  datavolumes: { kind: 'DataVolume', groupVersion: 'cdi.kubevirt.io/v1beta1' },
  virtualmachineinstancetypes: { kind: 'VirtualMachineInstancetype', groupVersion: 'instancetype.kubevirt.io/v1beta1' },
  virtualmachineclusterinstancetypes: { kind: 'VirtualMachineClusterInstancetype', groupVersion: 'instancetype.kubevirt.io/v1beta1' },
  virtualmachinepreferences: { kind: 'VirtualMachinePreference', groupVersion: 'instancetype.kubevirt.io/v1beta1' },
  virtualmachineclusterpreferences: { kind: 'VirtualMachineClusterPreference', groupVersion: 'instancetype.kubevirt.io/v1beta1' },
};

export type Fault =
  | { kind: 'status'; code: number; path?: RegExp }
  | { kind: 'slow'; ms: number; path?: RegExp }
  | { kind: 'truncate'; path?: RegExp }
  | { kind: 'reset'; path?: RegExp }
  | { kind: 'huge'; path?: RegExp }
  | { kind: 'endless-continue'; path?: RegExp };

export interface FakeApiServer {
  url: string;
  objects: FixtureObject[];
  fault: Fault | null;
  requests: { method: string; url: string; auth: 'token' | 'cert' | 'none' }[];
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Plain HTTP (no TLS) on http://127.0.0.1:PORT, like `kubectl proxy`. */
  plain?: boolean;
  /** Every request is authenticated (what `kubectl proxy` does on the client's behalf). */
  anonymous?: boolean;
  key: string;
  cert: string;
  /** Client certificates signed by this CA authenticate. */
  clientCa: string;
  token: string;
  objects: FixtureObject[];
}

const status = (res: ServerResponse, code: number, reason: string, message: string): void => {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }));
};

export async function startFakeApiServer(opts: ServerOptions): Promise<FakeApiServer> {
  const sockets = new Set<Socket>();
  const state: FakeApiServer = { url: '', objects: opts.objects, fault: null, requests: [], close: async () => undefined };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const certOk = (req.socket as TLSSocket).authorized === true;
    const tokenOk = req.headers.authorization === `Bearer ${opts.token}` || opts.anonymous === true;
    state.requests.push({ method: req.method ?? '', url: req.url ?? '', auth: tokenOk ? 'token' : certOk ? 'cert' : 'none' });
    if (req.method !== 'GET') return status(res, 405, 'MethodNotAllowed', 'read-only test server');
    if (!tokenOk && !certOk) return status(res, 401, 'Unauthorized', 'Unauthorized');
    const fault = state.fault && (!state.fault.path || state.fault.path.test(url.pathname)) ? state.fault : null;
    if (fault?.kind === 'status') return status(res, fault.code, fault.code === 403 ? 'Forbidden' : 'InternalError', fault.code === 403 ? `forbidden: User "l1vh-test-user" cannot list resource at ${url.pathname}` : 'etcdserver: request timed out\nsecond line');
    if (fault?.kind === 'slow') {
      const t = setTimeout(() => serve(url, res, null), fault.ms);
      res.on('close', () => clearTimeout(t));
      return;
    }
    serve(url, res, fault);
  };

  const serve = (url: URL, res: ServerResponse, fault: Fault | null): void => {
    const m = /^\/(?:api\/v1|apis\/([^/]+\/[^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(url.pathname);
    const def = m ? PLURALS[m[3]!] : undefined;
    if (!m || !def || (m[1] ?? 'v1') !== def.groupVersion) return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const [ns, name] = [m[2], m[4]];
    let items = state.objects.filter((o) => o.kind === def.kind && (ns === undefined || o.metadata.namespace === ns));
    if (name !== undefined) {
      const found = items.find((o) => o.metadata.name === name);
      return found ? json(res, found) : status(res, 404, 'NotFound', `${m[3]} "${name}" not found`);
    }
    const selector = url.searchParams.get('labelSelector');
    if (selector) {
      const [k, v] = selector.split('=');
      items = items.filter((o) => o.metadata.labels?.[k!] === v);
    }
    const limit = Number(url.searchParams.get('limit') ?? '0') || items.length;
    const offset = Number(Buffer.from(url.searchParams.get('continue') ?? '', 'base64').toString() || '0');
    const page = items.slice(offset, offset + limit).map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
    const next = offset + limit < items.length ? Buffer.from(String(offset + limit)).toString('base64') : '';
    const body = { apiVersion: def.groupVersion, kind: `${def.kind}List`, metadata: { resourceVersion: '999', ...(next || fault?.kind === 'endless-continue' ? { continue: next || Buffer.from('0').toString('base64') } : {}) }, items: page };
    if (fault?.kind === 'truncate') {
      const text = JSON.stringify(body);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      res.socket?.end();
      return;
    }
    if (fault?.kind === 'reset') {
      res.writeHead(200, { 'Content-Type': 'application/json' }); // chunked
      res.write(JSON.stringify(body).slice(0, 40));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (fault?.kind === 'huge') return streamHuge(res);
    json(res, body);
  };

  const server: Server | PlainServer = opts.plain ? createPlainServer(handle) : createServer({ key: opts.key, cert: opts.cert, ca: opts.clientCa, requestCert: true, rejectUnauthorized: false }, handle);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `${opts.plain ? 'http' : 'https'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

function json(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** A list that never ends (chunked, no length): up to 96 MiB, stopping when the client hangs up. */
function streamHuge(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"kind":"NodeList","apiVersion":"v1","metadata":{},"items":[');
  const item = JSON.stringify({ metadata: { name: 'n', labels: { pad: 'x'.repeat(1000) } } }) + ',';
  const chunk = item.repeat(1024); // ~1 MiB
  let sent = 0;
  const pump = (): void => {
    while (!res.destroyed && sent < 96) {
      sent++;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(']}');
  };
  res.on('close', () => {
    sent = 96;
  });
  pump();
}
