// One fake cluster per test file: PKI, a good and a rogue API server, kubeconfigs, and the
// credential strings no output may contain.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { makePki, type Pki } from './certs.js';
import { startFakeApiServer, type FakeApiServer, type FixtureObject } from './fake-apiserver.js';
import { credentialStrings, writeKubeconfig, type KubeconfigSpec } from './kubeconfig.js';
import { runCli, type CliResult } from './run-cli.js';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'cluster.json');

export function fixtureObjects(): FixtureObject[] {
  return JSON.parse(readFileSync(FIXTURES, 'utf8')) as FixtureObject[];
}

export interface TestCluster {
  dir: string;
  pki: Pki;
  api: FakeApiServer;
  rogue: FakeApiServer;
  spec: KubeconfigSpec;
  /** Token context current; a "cert" context; cluster "rogue" available for --cluster. */
  kubeconfig: string;
  secrets: string[];
  /** runCli with the kubeconfig, asserting that no credential appears in the output. */
  cli(argv: string[], env?: Record<string, string | undefined>): Promise<CliResult>;
  close(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'l1vh-cluster-test-'));
  const pki = makePki(dir);
  const token = `l1vh-test-token-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const api = await startFakeApiServer({ key: pki.serverKey, cert: pki.serverCert, clientCa: pki.caCert, token, objects: fixtureObjects() });
  const rogue = await startFakeApiServer({ key: pki.rogueServerKey, cert: pki.rogueServerCert, clientCa: pki.caCert, token, objects: fixtureObjects() });
  const spec: KubeconfigSpec = { server: api.url, rogueServer: rogue.url, token, pki };
  const kubeconfig = writeKubeconfig(dir, 'kubeconfig', spec);
  const secrets = credentialStrings(spec);
  const t: TestCluster = {
    dir,
    pki,
    api,
    rogue,
    spec,
    kubeconfig,
    secrets,
    async cli(argv, env = {}) {
      const r = await runCli(argv, env);
      expectNoSecrets(r, secrets);
      return r;
    },
    async close() {
      await api.close();
      await rogue.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

export function expectNoSecrets(r: { stdout: string; stderr: string }, secrets: readonly string[]): void {
  for (const s of secrets) {
    expect(r.stdout.includes(s), 'a credential leaked to stdout').toBe(false);
    expect(r.stderr.includes(s), 'a credential leaked to stderr').toBe(false);
  }
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
