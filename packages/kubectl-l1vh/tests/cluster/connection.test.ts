// Reaching the API server as kubectl does: plain http:// servers and `kubectl proxy`, a CA that
// is not a certificate named as such, and credentials written into the server URL never printed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApiServer, type FakeApiServer } from './helpers/fake-apiserver.js';
import { closedPort, expectNoSecrets, fixtureObjects, startTestCluster, type TestCluster } from './helpers/test-cluster.js';
import { runCli } from './helpers/run-cli.js';

let t: TestCluster;
let plain: FakeApiServer;
let proxy: FakeApiServer;
beforeAll(async () => {
  t = await startTestCluster();
  const base = { key: '', cert: '', clientCa: '', token: t.spec.token, objects: fixtureObjects(), plain: true };
  plain = await startFakeApiServer(base);
  proxy = await startFakeApiServer({ ...base, anonymous: true });
});
afterAll(async () => {
  await plain?.close();
  await proxy?.close();
  await t?.close();
});

const b64 = (s: string): string => Buffer.from(s).toString('base64');

function kubeconfig(name: string, cluster: Record<string, unknown>, user: Record<string, unknown>): string {
  const path = join(t.dir, name);
  writeFileSync(path, stringify({ apiVersion: 'v1', kind: 'Config', 'current-context': 'c', clusters: [{ name: 'k', cluster }], users: [{ name: 'u', user }], contexts: [{ name: 'c', context: { cluster: 'k', user: 'u' } }] }), { mode: 0o600 });
  return path;
}

describe('plain HTTP servers', () => {
  it('reads an http:// server with a token, as kubectl does', async () => {
    plain.requests.length = 0;
    const kc = kubeconfig('plain', { server: plain.url }, { token: t.spec.token });
    const r = await t.cli(['cluster', '--kubeconfig', kc, '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toBe(`<cluster ${plain.url}>`);
    expect(plain.requests.every((q) => q.auth === 'token')).toBe(true);
  });

  it('reads through kubectl proxy (http://, no credentials)', async () => {
    proxy.requests.length = 0;
    const kc = kubeconfig('proxy', { server: proxy.url }, {});
    const snap = await runCli(['snapshot', '--kubeconfig', kc]);
    expect(snap.stderr).toBe('');
    expect(snap.code).toBe(0);
    expect(snap.stdout).toContain('kind: KubeVirt');
    const explain = await runCli(['explain', 'vm/vm-12003', '--kubeconfig', kc, '-o', 'json']);
    expect(explain.code).toBe(0);
    expect(proxy.requests.length).toBeGreaterThan(0);
  });
});

describe('certificate authority', () => {
  it('names a CA that is not a certificate (data), rather than calling the server self-signed', async () => {
    const kc = kubeconfig('bad-ca-data', { server: t.api.url, 'certificate-authority-data': b64('this is not a certificate\n') }, { token: t.spec.token });
    const r = await t.cli(['cluster', '--kubeconfig', kc]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/certificate-authority of cluster "k" \(certificate-authority-data in .*bad-ca-data\) is not a PEM certificate/);
    expect(r.stderr).not.toMatch(/self-signed/);
  });

  it('names a CA file that holds a damaged certificate', async () => {
    const ca = join(t.dir, 'damaged-ca.pem');
    writeFileSync(ca, t.pki.caCert.replace(/^(-----BEGIN CERTIFICATE-----\n)(.{20})/, '$1AAAAAAAAAAAAAAAAAAAA'));
    const kc = kubeconfig('bad-ca-file', { server: t.api.url, 'certificate-authority': ca }, { token: t.spec.token });
    const r = await t.cli(['cluster', '--kubeconfig', kc]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`(${ca} in `);
    expect(r.stderr).toContain('is not a valid certificate');
  });
});

describe('credentials in the server URL', () => {
  const PASSWORD = 'url-pass-Zq81xv';
  const withCredentials = (url: string): string => url.replace('://', `://admin:${PASSWORD}@`);

  it('are redacted in every output: profile line, JSON, snapshot, -v logs, errors', async () => {
    const kc = kubeconfig('url-creds', { server: withCredentials(t.api.url), 'certificate-authority-data': b64(t.pki.caCert) }, { token: t.spec.token });
    const down = kubeconfig('url-creds-down', { server: withCredentials(`https://127.0.0.1:${await closedPort()}`), 'certificate-authority-data': b64(t.pki.caCert) }, { token: t.spec.token });
    const runs = await Promise.all([
      runCli(['cluster', '--kubeconfig', kc]),
      runCli(['cluster', '--kubeconfig', kc, '-o', 'json', '-v', '8']),
      runCli(['verify', '--kubeconfig', kc, '-A', '-o', 'json']),
      runCli(['report', '--kubeconfig', kc, '-v', '6']),
      runCli(['snapshot', '--kubeconfig', kc, '-o', 'json']),
      runCli(['explain', 'vm/vm-12003', '--kubeconfig', kc, '-o', 'json', '-v', '6']),
      runCli(['lint', 'vm/vm-12003', '--kubeconfig', kc, '--no-config', '-o', 'json']),
      runCli(['cluster', '--kubeconfig', down, '-v', '6']),
    ]);
    for (const r of runs) expectNoSecrets(r, [PASSWORD, encodeURIComponent(PASSWORD), `admin:${PASSWORD}`, t.spec.token]);
    const [text, json, verify, report, , , , failed] = runs;
    expect(text!.stdout).toMatch(/^Profile: +<cluster https:\/\/\[redacted\]@127\.0\.0\.1:\d+\/?>$/m);
    expect(JSON.parse(json!.stdout).profile).toMatch(/\[redacted\]@127\.0\.0\.1/);
    expect(json!.stderr).toMatch(/GET https:\/\/\[redacted\]@127\.0\.0\.1:\d+\/apis\/kubevirt\.io\/v1\/kubevirts/);
    expect(verify!.code).toBeLessThan(2);
    expect(JSON.parse(verify!.stdout).server).toMatch(/^https:\/\/\[redacted\]@127\.0\.0\.1/);
    expect(report!.code).toBe(0);
    expect(failed!.code).toBe(3);
    expect(failed!.stderr).toMatch(/cannot reach the API server https:\/\/\[redacted\]@127\.0\.0\.1:\d+/);
  });
});
