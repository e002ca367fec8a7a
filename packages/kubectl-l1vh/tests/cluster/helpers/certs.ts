// Test PKI made with openssl at test time: the cluster CA with a server cert for 127.0.0.1 and
// a client cert, plus a rogue CA whose server cert the kubeconfig must not trust.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Pki {
  caCert: string;
  serverKey: string;
  serverCert: string;
  rogueServerKey: string;
  rogueServerCert: string;
  clientKey: string;
  clientCert: string;
}

const openssl = (dir: string, args: string[]): void => {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
};

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`]);
}

function issue(dir: string, ca: string, name: string, cn: string, ext: string): void {
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`]);
}

export function makePki(dir: string): Pki {
  makeCa(dir, 'ca');
  makeCa(dir, 'rogue-ca');
  const serverExt = 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n';
  issue(dir, 'ca', 'server', '127.0.0.1', serverExt);
  issue(dir, 'rogue-ca', 'rogue-server', '127.0.0.1', serverExt);
  issue(dir, 'ca', 'client', 'l1vh-test-user', 'extendedKeyUsage=clientAuth\n');
  const r = (f: string): string => readFileSync(join(dir, f), 'utf8');
  return {
    caCert: r('ca.crt'),
    serverKey: r('server.key'),
    serverCert: r('server.crt'),
    rogueServerKey: r('rogue-server.key'),
    rogueServerCert: r('rogue-server.crt'),
    clientKey: r('client.key'),
    clientCert: r('client.crt'),
  };
}
