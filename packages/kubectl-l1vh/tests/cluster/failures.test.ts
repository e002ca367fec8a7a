// Every way reading the cluster can fail: exit 3, one line on stderr naming the cause, nothing
// on stdout, bounded time, and never a credential (even with -v 9).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/report.js';
import { writeKubeconfig } from './helpers/kubeconfig.js';
import { closedPort, startTestCluster, type TestCluster } from './helpers/test-cluster.js';
import type { CliResult } from './helpers/run-cli.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  t.api.fault = null;
});

function expectClusterFailure(r: CliResult, pattern: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  // -v 9 adds request log lines ("l1vh: GET …"); the failure itself is one line.
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('l1vh: GET '));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^kubectl-l1vh \w+: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.code).toBe(EXIT.CLUSTER);
}

const kc = (): string[] => ['--kubeconfig', t.kubeconfig, '-v', '9'];

describe('network and TLS', () => {
  it('names an unreachable API server (connection refused)', async () => {
    const port = await closedPort();
    const file = writeKubeconfig(t.dir, 'refused', { ...t.spec, server: `https://127.0.0.1:${port}` });
    const r = await t.cli(['cluster', '--kubeconfig', file]);
    expectClusterFailure(r, new RegExp(`cannot reach the API server https://127\\.0\\.0\\.1:${port}: connection refused \\(ECONNREFUSED\\)`));
  });

  it('names a server certificate not signed by the kubeconfig CA', async () => {
    const file = writeKubeconfig(t.dir, 'rogue', { ...t.spec, server: t.rogue.url });
    const r = await t.cli(['cluster', '--kubeconfig', file, '-v', '9']);
    expectClusterFailure(r, /TLS failure talking to https:\/\/127\.0\.0\.1:\d+: .*certificate-authority/);
    expect(t.rogue.requests).toHaveLength(0); // nothing was sent to the untrusted server
  });

  it('honours --cluster (a kubeconfig cluster name) for the current context', async () => {
    const r = await t.cli(['snapshot', ...kc(), '--cluster', 'rogue']);
    expectClusterFailure(r, new RegExp(`TLS failure talking to ${t.rogue.url.replace(/\./g, '\\.')}`));
  });

  it('honours --request-timeout on a slow server', async () => {
    t.api.fault = { kind: 'slow', ms: 10_000 };
    const r = await t.cli(['cluster', ...kc(), '--request-timeout', '1s']);
    expectClusterFailure(r, /timed out after 1s \(--request-timeout\)/);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('rejects a malformed --request-timeout as a usage error', async () => {
    const r = await t.cli(['cluster', ...kc(), '--request-timeout', 'soon']);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toContain('invalid --request-timeout "soon"');
  });
});

describe('API errors', () => {
  it('401: the credentials were rejected, without printing them', async () => {
    const file = writeKubeconfig(t.dir, 'badtoken', { ...t.spec, token: `${t.spec.token}-wrong` });
    const r = await t.cli(['cluster', '--kubeconfig', file, '-v', '9']);
    expectClusterFailure(r, /unauthorized \(401\).*user "token-user"/);
    expect(r.stderr).not.toContain(`${t.spec.token}-wrong`);
  });

  it('403 names the missing permission: verb, resource, group, namespace', async () => {
    t.api.fault = { kind: 'status', code: 403, path: /virtualmachineinstances/ };
    const r = await t.cli(['verify', '-n', 'default', ...kc()]);
    expectClusterFailure(r, /forbidden \(403\): user "token-user" may not list virtualmachineinstances\.kubevirt\.io in namespace "default"/);
    t.api.fault = { kind: 'status', code: 403, path: /\/nodes/ };
    const r2 = await t.cli(['cluster', ...kc()]);
    expectClusterFailure(r2, /may not list nodes \(cluster-scoped\)/);
  });

  it('404 on the KubeVirt resource: KubeVirt is not installed', async () => {
    t.api.fault = { kind: 'status', code: 404, path: /kubevirts/ };
    const r = await t.cli(['cluster', ...kc()]);
    expectClusterFailure(r, /does not serve kubevirts\.kubevirt\.io\/v1 \(404\): is KubeVirt installed\?/);
  });

  it('no KubeVirt CR in the cluster', async () => {
    const before = t.api.objects;
    t.api.objects = before.filter((o) => o.kind !== 'KubeVirt');
    try {
      const r = await t.cli(['snapshot', ...kc()]);
      expectClusterFailure(r, /no KubeVirt CR found/);
    } finally {
      t.api.objects = before;
    }
  });

  it('500: the status and the first line of its message', async () => {
    t.api.fault = { kind: 'status', code: 500, path: /persistentvolumeclaims/ };
    const r = await t.cli(['snapshot', ...kc()]);
    expectClusterFailure(r, /answered 500 to list persistentvolumeclaims in all namespaces: etcdserver: request timed out$/m);
  });
});

describe('broken responses', () => {
  it('a body cut short of its Content-Length', async () => {
    t.api.fault = { kind: 'truncate', path: /\/nodes/ };
    const r = await t.cli(['cluster', ...kc()]);
    expectClusterFailure(r, /response from https:\/\/127\.0\.0\.1:\d+ to list nodes \(cluster-scoped\) was cut short \(\d+ of \d+ bytes received\)/);
  });

  it('a connection reset in the middle of a list', async () => {
    t.api.fault = { kind: 'reset', path: /\/pods/ };
    const r = await t.cli(['report', ...kc()]);
    expectClusterFailure(r, /to list pods in all namespaces was cut short|connection to .* was reset while trying to list pods/);
  });

  it('a runaway list response is refused at the byte limit, in bounded time', async () => {
    t.api.fault = { kind: 'huge', path: /\/nodes/ };
    const r = await t.cli(['cluster', ...kc()]);
    expectClusterFailure(r, /response from .* to list nodes \(cluster-scoped\) is over 64 MiB; refused/);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('a server that never stops paging is cut off after a bounded number of requests', async () => {
    t.api.fault = { kind: 'endless-continue', path: /\/namespaces$/ };
    t.api.requests.length = 0;
    const r = await t.cli(['cluster', ...kc()]);
    expectClusterFailure(r, /list namespaces \(cluster-scoped\): more than 200 pages of 500; refused/);
    expect(t.api.requests.filter((q) => /\/namespaces\?/.test(q.url)).length).toBe(200);
  });
});

describe('kubeconfig', () => {
  it('a malformed kubeconfig exits 3 with the file and the parse error', async () => {
    const file = join(t.dir, 'malformed');
    writeFileSync(file, 'apiVersion: v1\nclusters: [ {name: x\n');
    const r = await t.cli(['cluster', '--kubeconfig', file]);
    expectClusterFailure(r, new RegExp(`malformed kubeconfig ${file.replace(/[/.]/g, '\\$&')}: `));
  });

  it('an unknown --context', async () => {
    const r = await t.cli(['cluster', ...kc(), '--context', 'nope']);
    expectClusterFailure(r, /context "nope" not found in /);
  });

  it('no kubeconfig anywhere', async () => {
    const r = await t.cli(['cluster'], { KUBECONFIG: undefined, HOME: join(t.dir, 'no-home') });
    expectClusterFailure(r, /no kubeconfig: pass --kubeconfig, set KUBECONFIG, or create ~\/\.kube\/config/);
  });

  it('KUBECONFIG with several paths: missing ones are skipped and the first file wins', async () => {
    const bad = writeKubeconfig(t.dir, 'second', { ...t.spec, token: 'not-the-token' });
    const r = await t.cli(['cluster', '-o', 'json'], { KUBECONFIG: [join(t.dir, 'absent'), t.kubeconfig, bad].join(':') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
