#!/usr/bin/env node
// `pnpm release`: builds the release artefacts of kubectl-l1vh from packages/kubectl-l1vh/dist.
//   release/kubectl-l1vh-vX.Y.Z.tar.gz  the krew archive: kubectl-l1vh (the launcher), the bundle it runs
//                                       (kubectl-l1vh.bundle), the lazily loaded cluster chunk
//                                       cluster-client.cjs, package.json, LICENSE
//   release/kubectl-l1vh-X.Y.Z.tgz      the same files as an npm package (`npm i -g` puts kubectl-l1vh on PATH)
//   plugins/l1vh.yaml                   the krew manifest, with the archive's sha256 and its download URL
// The archive is reproducible: sorted entries, root-owned, fixed mtime (SOURCE_DATE_EPOCH, default
// 1980-01-01), gzip without name or time. Version and URLs come from packages/kubectl-l1vh/package.json
// (`version`, `homepage`); the archive is downloaded from <homepage>/releases/download/vX.Y.Z/.
//
// Options: --no-build (use dist as it is), --out DIR (default release/), --manifest FILE
// (default plugins/l1vh.yaml), --no-npm (skip the npm package).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PKG_DIR = join(ROOT, 'packages/kubectl-l1vh');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const OUT = option('--out', join(ROOT, 'release'));
const MANIFEST = option('--manifest', join(ROOT, 'plugins/l1vh.yaml'));

const pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));
const VERSION = `v${pkg.version}`;
const ARCHIVE = `kubectl-l1vh-${VERSION}.tar.gz`;
const URI = `${pkg.homepage}/releases/download/${VERSION}/${ARCHIVE}`;
/** The built files, from packages/kubectl-l1vh/dist. */
const BUILT = ['kubectl-l1vh', 'kubectl-l1vh.bundle', 'cluster-client.cjs'];
/** What the archive holds, at its root; krew copies each to the plugin's directory. */
const FILES = [...BUILT, 'package.json', 'LICENSE'];
const MTIME = Number(process.env.SOURCE_DATE_EPOCH ?? 315532800);

const fail = (msg) => {
  process.stderr.write(`release: ${msg}\n`);
  process.exit(1);
};

if (!flag('--no-build')) execFileSync('pnpm', ['--filter', 'kubectl-l1vh', 'run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
for (const f of BUILT) if (!existsSync(join(PKG_DIR, 'dist', f))) fail(`packages/kubectl-l1vh/dist/${f} is missing: run pnpm run build`);
if (!existsSync(join(ROOT, 'LICENSE'))) fail('LICENSE is missing at the repository root');

// Stage: the files, and a package.json that is both the bundle's CommonJS marker and an npm
// manifest with no dependencies (everything is bundled).
const stage = join(OUT, 'stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const f of BUILT) copyFileSync(join(PKG_DIR, 'dist', f), join(stage, f));
chmodSync(join(stage, 'kubectl-l1vh'), 0o755);
copyFileSync(join(ROOT, 'LICENSE'), join(stage, 'LICENSE'));
const npmManifest = {
  name: 'kubectl-l1vh',
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  homepage: pkg.homepage,
  repository: pkg.repository,
  type: 'commonjs',
  bin: { 'kubectl-l1vh': 'kubectl-l1vh' },
  files: FILES.filter((f) => f !== 'package.json'),
  engines: { node: '>=20.19' },
  os: ['linux', 'darwin'],
};
writeFileSync(join(stage, 'package.json'), JSON.stringify(npmManifest, null, 2) + '\n');

// The krew archive.
mkdirSync(OUT, { recursive: true });
const archivePath = join(OUT, ARCHIVE);
const tar = execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', `--mtime=@${MTIME}`, '--mode=go-w', '-cf', '-', '-C', stage, ...FILES], { maxBuffer: 256 * 1024 * 1024 });
writeFileSync(archivePath, execFileSync('gzip', ['-n', '-9'], { input: tar, maxBuffer: 256 * 1024 * 1024 }));
const sha256 = createHash('sha256').update(readFileSync(archivePath)).digest('hex');

// The krew manifest (https://krew.sigs.k8s.io/docs/developer-guide/plugin-manifest/).
const platform = (os) => `  - selector:
      matchLabels:
        os: ${os}
    uri: ${URI}
    sha256: ${sha256}
    bin: kubectl-l1vh
    files:
${FILES.map((f) => `    - from: ${f}\n      to: .`).join('\n')}
`;
const manifest = `# krew plugin manifest (https://krew.sigs.k8s.io/docs/developer-guide/plugin-manifest/).
# Written by \`pnpm release\` (scripts/release.mjs): do not edit by hand. The sha256 is that of the
# archive built from this commit; publish ${ARCHIVE} as the asset of the GitHub release ${VERSION}.
apiVersion: krew.googlecontainertools.github.com/v1alpha2
kind: Plugin
metadata:
  name: l1vh
spec:
  version: ${VERSION}
  homepage: ${pkg.homepage}
  shortDescription: Preview the hypervisor (Hyper-V L1VH, KVM, QEMU) of KubeVirt VMs
  description: |
    Shows what a KubeVirt VirtualMachine becomes on a cluster before it is deployed: the
    hypervisor it gets and why (MSHV = Hyper-V L1VH direct virtualization, KVM, or QEMU
    emulation, or a launch failure such as "MSHV not present"), the libvirt domain XML
    virt-launcher would generate, the memory overhead and the virt-launcher pod resources.
    \`kubectl l1vh cluster\` checks whether a cluster is ready for L1VH, \`snapshot\` captures it
    for offline use, \`verify\` compares predictions with running VMIs and \`report\` counts VMIs
    by hypervisor in OpenMetrics. Read-only; requires Node.js 20 or later on PATH.
  caveats: |
    kubectl l1vh needs Node.js 20+ (\`node\` on PATH).
    Cluster commands need read access; see docs/rbac.md for a ClusterRole.
  platforms:
${platform('linux')}${platform('darwin')}`;
mkdirSync(dirname(MANIFEST), { recursive: true });
writeFileSync(MANIFEST, manifest);

// The npm package: npm pack of the same staged files.
let npmTarball = null;
if (!flag('--no-npm')) {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], { cwd: stage, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } }));
  npmTarball = join(OUT, packed[0].filename);
}

process.stdout.write(
  JSON.stringify({ version: VERSION, archive: archivePath, sha256, uri: URI, manifest: MANIFEST, npm: npmTarball, files: FILES }, null, 2) + '\n',
);
