// The built executable as kubectl runs it: plugin discovery, --help through kubectl, a live
// command through the lazily required cluster chunk, and offline runs without that chunk.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, startTestCluster, type TestCluster } from './helpers/test-cluster.js';

const run = promisify(execFile);
const PKG = resolve(__dirname, '../..');
const DIST = join(PKG, 'dist');

let t: TestCluster;
beforeAll(async () => {
  await run(process.execPath, ['build.mjs'], { cwd: PKG });
  t = await startTestCluster();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Async (never execFileSync): the fake API server lives in this process's event loop. */
async function sh(file: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(file, args, { env: { PATH: `${DIST}:${process.env.PATH}`, HOME: join(t.dir, 'home'), ...env }, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('with the real kubectl', () => {
  it('kubectl plugin list finds kubectl-l1vh on PATH', async () => {
    const r = await sh('kubectl', ['plugin', 'list']);
    expect(r.stdout).toContain(join(DIST, 'kubectl-l1vh'));
  });

  it('kubectl l1vh --help prints the commands and exit codes', async () => {
    const r = await sh('kubectl', ['l1vh', '--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['explain', 'cluster', 'snapshot', 'verify', 'report']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    expect(r.stdout).toContain('3  the cluster could not be read');
  });

  it('kubectl l1vh cluster reads the cluster through dist/cluster-client.cjs, and failures exit 3', async () => {
    const ok = await sh('kubectl', ['l1vh', 'cluster', '--kubeconfig', t.kubeconfig, '-o', 'json', '-v', '9']);
    expectNoSecrets(ok, t.secrets);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { ready: boolean }).ready).toBe(true);
    t.api.fault = { kind: 'status', code: 401 };
    const denied = await sh(join(DIST, 'kubectl-l1vh'), ['report', '--kubeconfig', t.kubeconfig, '-v', '9']);
    t.api.fault = null;
    expectNoSecrets(denied, t.secrets);
    expect(denied.code).toBe(3);
  });
});

describe('lazy cluster chunk', () => {
  it('offline commands run without dist/cluster-client.cjs (launcher and bundle only); cluster commands need it', async () => {
    const bare = join(t.dir, 'bare-dist');
    mkdirSync(bare, { recursive: true });
    for (const f of ['kubectl-l1vh', 'kubectl-l1vh.bundle']) copyFileSync(join(DIST, f), join(bare, f));
    writeFileSync(join(bare, 'package.json'), '{ "type": "commonjs" }\n');
    const vm = join(t.dir, 'vm.yaml');
    writeFileSync(vm, 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: a\nspec:\n  runStrategy: Always\n  template:\n    spec:\n      domain:\n        devices: {}\n        memory:\n          guest: 1Gi\n');
    const offline = await sh(process.execPath, [join(bare, 'kubectl-l1vh'), 'explain', vm, '-o', 'json']);
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    const live = await sh(process.execPath, [join(bare, 'kubectl-l1vh'), 'cluster', '--kubeconfig', t.kubeconfig]);
    expect(live.code).not.toBe(0);
    expect(live.stderr).toContain('cluster-client.cjs');
  });
});
