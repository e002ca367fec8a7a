// `pnpm release` output, installed the way krew and npm install it. Expectations come from krew's
// manifest rules and install steps (krew.sigs.k8s.io developer guide: plugin manifest; installation:
// download `uri`, verify `sha256`, extract, apply `files` (from → to, relative to the archive root and
// the install dir), require `bin` in the install dir, then symlink ~/.krew/bin/kubectl-<name> to it),
// and from kubectl's plugin discovery (an executable `kubectl-<name>` on PATH).
// Needs the built CLI (packages/kubectl-l1vh/dist, made by scripts/setup.sh / pnpm run build).
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { startTestCluster, type TestCluster } from '../cluster/helpers/test-cluster.js';

const ROOT = join(__dirname, '../../../..');
const DIST = join(ROOT, 'packages/kubectl-l1vh/dist');
const run = promisify(execFile);

interface Platform {
  selector: { matchLabels: Record<string, string> };
  uri: string;
  sha256: string;
  bin: string;
  files: { from: string; to: string }[];
}
interface KrewPlugin {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: { version: string; homepage: string; shortDescription: string; description: string; platforms: Platform[] };
}

/** krew's manifest rules (pkg/index/validation): the checks `krew install --manifest` applies. */
function expectValidKrewManifest(m: KrewPlugin, fileName: string): void {
  expect(m.apiVersion).toBe('krew.googlecontainertools.github.com/v1alpha2');
  expect(m.kind).toBe('Plugin');
  expect(`${m.metadata.name}.yaml`).toBe(fileName); // the file is named after the plugin
  expect(m.metadata.name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  expect(m.metadata.name.startsWith('kubectl')).toBe(false);
  expect(m.spec.version).toMatch(/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/); // semver with a leading v
  expect(new URL(m.spec.homepage).protocol).toBe('https:');
  expect(m.spec.shortDescription.length).toBeGreaterThan(0);
  expect(m.spec.shortDescription.length).toBeLessThanOrEqual(80);
  expect(m.spec.platforms.length).toBeGreaterThan(0);
  for (const p of m.spec.platforms) {
    expect(Object.keys(p.selector.matchLabels).length).toBeGreaterThan(0);
    expect(new URL(p.uri).protocol).toBe('https:');
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.bin.length).toBeGreaterThan(0);
    for (const f of p.files) expect(f.from.length * f.to.length).toBeGreaterThan(0);
  }
}

let work: string;
let release: { archive: string; sha256: string; uri: string; manifest: string; npm: string; files: string[] };
let t: TestCluster;

beforeAll(async () => {
  for (const f of ['kubectl-l1vh', 'kubectl-l1vh.bundle', 'cluster-client.cjs']) {
    if (!existsSync(join(DIST, f))) throw new Error(`packages/kubectl-l1vh/dist/${f} is missing: run pnpm run build (scripts/setup.sh does)`);
  }
  work = mkdtempSync(join(tmpdir(), 'l1vh-release-'));
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts/release.mjs'), '--no-build', '--out', join(work, 'out'), '--manifest', join(work, 'out/l1vh.yaml')], { encoding: 'utf8' });
  release = JSON.parse(out);
  t = await startTestCluster();
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs `kubectl l1vh …` (or the command given) with only `binDir` and node's directory on PATH. */
async function kubectl(binDir: string, args: string[], cmd = 'kubectl'): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: `${binDir}:${join(process.execPath, '..')}:/usr/bin:/bin`, HOME: join(work, 'home'), KUBECONFIG: join(work, 'no-kubeconfig') };
  try {
    const r = await run(cmd, args, { env, encoding: 'utf8', cwd: work, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('pnpm release: the krew archive and manifest', () => {
  it('names the archive kubectl-l1vh-vX.Y.Z.tar.gz after package.json and holds the launcher, its bundle, the cluster chunk and LICENSE', () => {
    expect(basename(release.archive)).toBe(`kubectl-l1vh-v${pkg.version}.tar.gz`);
    const entries = execFileSync('tar', ['tzf', release.archive], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(entries).toEqual(['LICENSE', 'cluster-client.cjs', 'kubectl-l1vh', 'kubectl-l1vh.bundle', 'package.json']);
    const license = execFileSync('tar', ['xzOf', release.archive, 'LICENSE'], { encoding: 'utf8' });
    expect(license).toContain('Apache License');
    expect(license).toContain('Version 2.0, January 2004');
    expect(pkg.license).toBe('Apache-2.0');
  });

  it('writes a manifest krew accepts, with the archive\'s real sha256 and the release download URL', () => {
    const m = parse(readFileSync(release.manifest, 'utf8')) as KrewPlugin;
    expectValidKrewManifest(m, 'l1vh.yaml');
    expect(m.spec.version).toBe(`v${pkg.version}`);
    const digest = createHash('sha256').update(readFileSync(release.archive)).digest('hex');
    for (const p of m.spec.platforms) {
      expect(p.sha256).toBe(digest);
      expect(p.uri).toBe(`${pkg.homepage}/releases/download/v${pkg.version}/kubectl-l1vh-v${pkg.version}.tar.gz`);
    }
    expect(m.spec.platforms.map((p) => p.selector.matchLabels.os).sort()).toEqual(['darwin', 'linux']);
  });

  it('is reproducible: a second build gives the same sha256', () => {
    const again = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts/release.mjs'), '--no-build', '--no-npm', '--out', join(work, 'again'), '--manifest', join(work, 'again/l1vh.yaml')], { encoding: 'utf8' })) as { sha256: string };
    expect(again.sha256).toBe(release.sha256);
  });

  it('installs as krew does: verify, extract, copy files, symlink bin; kubectl finds and runs it, cluster commands included', async () => {
    const m = parse(readFileSync(release.manifest, 'utf8')) as KrewPlugin;
    const p = m.spec.platforms.find((x) => x.selector.matchLabels.os === 'linux')!;
    // "Download": the uri's last segment is the archive we built; krew refuses a sha256 mismatch.
    const downloaded = join(work, 'out', basename(new URL(p.uri).pathname));
    expect(createHash('sha256').update(readFileSync(downloaded)).digest('hex')).toBe(p.sha256);
    const extracted = join(work, 'extract');
    mkdirSync(extracted);
    execFileSync('tar', ['xzf', downloaded, '-C', extracted]);
    const installDir = join(work, 'krew/store/l1vh', m.spec.version);
    mkdirSync(installDir, { recursive: true });
    for (const f of p.files) cpSync(join(extracted, f.from), join(installDir, f.to, basename(f.from)));
    const bin = join(installDir, p.bin);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const binDir = join(work, 'krew/bin');
    mkdirSync(binDir, { recursive: true });
    symlinkSync(bin, join(binDir, `kubectl-${m.metadata.name}`));

    const list = await kubectl(binDir, ['plugin', 'list']);
    expect(list.stdout).toContain(join(binDir, 'kubectl-l1vh'));
    const version = await kubectl(binDir, ['l1vh', '--version']);
    expect(version).toMatchObject({ code: 0, stdout: `kubectl-l1vh v${pkg.version}\n` });
    writeFileSync(join(work, 'vm.yaml'), readFileSync(join(ROOT, 'examples/vm-fedora.yaml')));
    const explain = await kubectl(binDir, ['l1vh', 'explain', 'vm.yaml']);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('MSHV');
    // The cluster chunk is found beside the real file, through the symlink.
    const cluster = await kubectl(binDir, ['l1vh', 'cluster', '--kubeconfig', t.kubeconfig]);
    expect(cluster.stderr).not.toMatch(/internal error|Cannot find module|cluster-client\.cjs is missing/);
    expect(cluster.stdout).toMatch(/^KubeVirt:/m);
    expect([0, 1]).toContain(cluster.code);
  }, 120_000);

  it('a bundle without its chunk says so in one line (exit 2), not with a require stack', async () => {
    const lone = join(work, 'lone');
    mkdirSync(lone);
    for (const f of ['kubectl-l1vh', 'kubectl-l1vh.bundle']) cpSync(join(DIST, f), join(lone, f));
    chmodSync(join(lone, 'kubectl-l1vh'), 0o755);
    const r = await kubectl(lone, ['l1vh', 'cluster', '--kubeconfig', t.kubeconfig]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^kubectl-l1vh: cluster-client\.cjs is missing beside .*lone\/kubectl-l1vh/)]);
  }, 60_000);

  it('an executable without its bundle says so in one line (exit 2), for every command', async () => {
    const bare = join(work, 'bare');
    mkdirSync(bare);
    cpSync(join(DIST, 'kubectl-l1vh'), join(bare, 'kubectl-l1vh'));
    chmodSync(join(bare, 'kubectl-l1vh'), 0o755);
    for (const args of [['l1vh', '--version'], ['l1vh', 'explain', 'vm.yaml']]) {
      const r = await kubectl(bare, args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^kubectl-l1vh: cannot read kubectl-l1vh\.bundle beside .*bare\/kubectl-l1vh \(ENOENT\): install the whole release/)]);
    }
  }, 60_000);
});

describe('pnpm release: the npm package', () => {
  it('npm i -g <tarball> puts kubectl-l1vh on PATH, and it runs offline and cluster commands', async () => {
    const prefix = join(work, 'npm-global');
    execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, release.npm], { stdio: 'ignore', env: { ...process.env, npm_config_loglevel: 'error' } });
    const binDir = join(prefix, 'bin');
    expect(readdirSync(binDir)).toContain('kubectl-l1vh');
    const version = await kubectl(binDir, ['l1vh', '--version']);
    expect(version.stdout).toBe(`kubectl-l1vh v${pkg.version}\n`);
    const cluster = await kubectl(binDir, ['l1vh', 'cluster', '--kubeconfig', t.kubeconfig]);
    expect(cluster.stdout).toMatch(/^KubeVirt:/m);
    const manifest = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/kubectl-l1vh/package.json'), 'utf8')) as { dependencies?: object; license: string };
    expect(manifest.dependencies).toBeUndefined(); // everything is bundled
    expect(manifest.license).toBe('Apache-2.0');
  }, 120_000);
});

describe('plugins/l1vh.yaml as committed', () => {
  it('is a manifest krew accepts, written by pnpm release for this version', () => {
    const m = parse(readFileSync(join(ROOT, 'plugins/l1vh.yaml'), 'utf8')) as KrewPlugin;
    expectValidKrewManifest(m, 'l1vh.yaml');
    expect(m.spec.version).toBe(`v${pkg.version}`);
    expect(m.spec.homepage).toBe(pkg.homepage);
    for (const p of m.spec.platforms) {
      expect(p.uri).toBe(`${pkg.homepage}/releases/download/v${pkg.version}/kubectl-l1vh-v${pkg.version}.tar.gz`);
      expect(p.files.map((f) => f.from).sort()).toEqual(['LICENSE', 'cluster-client.cjs', 'kubectl-l1vh', 'kubectl-l1vh.bundle', 'package.json']);
    }
  });
});
