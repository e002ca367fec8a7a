// Writes test kubeconfigs: token and client-certificate users for the fake API server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Pki } from './certs.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

export interface KubeconfigSpec {
  server: string;
  /** Another server under the cluster name "rogue" (for --cluster). */
  rogueServer?: string;
  token: string;
  pki: Pki;
  currentContext?: string;
  namespace?: string;
}

export function kubeconfigYaml(spec: KubeconfigSpec): string {
  const cluster = (name: string, server: string) => ({ name, cluster: { server, 'certificate-authority-data': b64(spec.pki.caCert) } });
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': spec.currentContext ?? 'token',
    clusters: [cluster('test', spec.server), ...(spec.rogueServer ? [cluster('rogue', spec.rogueServer)] : [])],
    users: [
      { name: 'token-user', user: { token: spec.token } },
      { name: 'cert-user', user: { 'client-certificate-data': b64(spec.pki.clientCert), 'client-key-data': b64(spec.pki.clientKey) } },
    ],
    contexts: [
      { name: 'token', context: { cluster: 'test', user: 'token-user', ...(spec.namespace ? { namespace: spec.namespace } : {}) } },
      { name: 'cert', context: { cluster: 'test', user: 'cert-user' } },
    ],
  });
}

export function writeKubeconfig(dir: string, file: string, spec: KubeconfigSpec): string {
  const path = join(dir, file);
  writeFileSync(path, kubeconfigYaml(spec), { mode: 0o600 });
  return path;
}

/** Every credential string a test kubeconfig holds, as it might leak (raw, base64, PEM lines). */
export function credentialStrings(spec: KubeconfigSpec): string[] {
  const keyLines = spec.pki.clientKey.split('\n').filter((l) => l.length > 16 && !l.startsWith('-----'));
  return [spec.token, b64(spec.pki.clientKey), ...keyLines];
}
