// A stand-in Kubernetes API server on 127.0.0.1 for the cluster tests: serves the objects of a
// profile file to requests bearing the expected token, and an exec-auth plugin reachable only
// through a stand-in login shell's PATH (not through the editor's).

import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TOKEN = 'l1vh-e2e-token';
export const PLUGIN = 'l1vh-test-auth-plugin';

/** Route → object kind it lists. */
const ROUTES: Readonly<Record<string, string>> = {
  '/apis/kubevirt.io/v1/kubevirts': 'KubeVirt',
  '/api/v1/nodes': 'Node',
  '/api/v1/namespaces': 'Namespace',
  '/api/v1/persistentvolumeclaims': 'PersistentVolumeClaim',
  '/api/v1/resourcequotas': 'ResourceQuota',
};

export interface FakeCluster {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startFakeCluster(items: readonly Record<string, unknown>[]): Promise<FakeCluster> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    requests.push(path);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"kind":"Status","code":401,"message":"Unauthorized"}');
      return;
    }
    const kind = ROUTES[path];
    if (!kind) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(`{"kind":"Status","code":404,"message":"${path} not found"}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ apiVersion: 'v1', kind: `${kind}List`, metadata: {}, items: items.filter((i) => i.kind === kind) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

/** Writes the plugin, a login shell whose PATH has it, and a kubeconfig using both. */
export function writeExecAuthSetup(serverUrl: string): { shell: string; kubeconfig: string; pluginDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'l1vh-exec-'));
  const pluginDir = join(dir, 'auth-bin');
  mkdirSync(pluginDir);
  const plugin = join(pluginDir, PLUGIN);
  writeFileSync(plugin, `#!/bin/sh\nprintf '%s' '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"${TOKEN}"}}'\n`);
  chmodSync(plugin, 0o755);
  const shell = join(dir, 'login-shell');
  // Called as `login-shell -lc CMD`, like a real login shell whose profile adds the plugin's folder.
  writeFileSync(shell, `#!/bin/sh\n[ "$1" = -lc ] && shift\nPATH="$PATH:${pluginDir}"\nexport PATH\nexec /bin/sh -c "$1"\n`);
  chmodSync(shell, 0o755);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config',
    // client-node accepts a plain-http server only with insecure-skip-tls-verify
    'clusters:', '- name: fake', '  cluster:', `    server: ${serverUrl}`, '    insecure-skip-tls-verify: true',
    'contexts:', '- name: fake-ctx', '  context:', '    cluster: fake', '    user: exec-user',
    'current-context: fake-ctx',
    'users:', '- name: exec-user', '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1beta1',
    `      command: ${PLUGIN}`, '      interactiveMode: Never', '',
  ].join('\n'));
  return { shell, kubeconfig, pluginDir };
}
