// Bundles the plugin for node 20 (CommonJS): dist/kubectl-l1vh, the executable (launcher.cjs), runs
// dist/kubectl-l1vh.bundle (the bundle and core's embedded texts) with a V8 code cache for fast
// cold starts; the cluster client is a separate chunk, dist/cluster-client.cjs, which the bundle
// requires only when a command reads a cluster: offline runs never parse @kubernetes/client-node.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { embeddedTexts } from '../core/scripts/embed-data.mjs';

/** src/cluster/connect.ts imports '@l1vh/cluster-client/open': in the bundle that is the chunk beside it. */
const CLIENT_CHUNK = './cluster-client.cjs';
const lazyClusterClient = {
  name: 'lazy-cluster-client',
  setup(b) {
    b.onResolve({ filter: /^@l1vh\/cluster-client\/open$/ }, () => ({ path: CLIENT_CHUNK, external: true }));
  },
};

/**
 * `yaml` is needed only off the common path (anchors, directives, YAML output, config files), yet
 * evaluating it costs ~8 ms of every cold start: importers get a shim that loads it on first call.
 */
const YAML_FUNCTIONS = ['parse', 'parseDocument', 'parseAllDocuments', 'stringify', 'isMap', 'isPair', 'isScalar', 'isSeq'];
const lazyYaml = {
  name: 'lazy-yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) => (args.namespace === 'lazy-yaml' ? undefined : { path: 'yaml', namespace: 'lazy-yaml' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({
      resolveDir: process.cwd(),
      contents: `let m;\nconst y = () => (m ??= require('yaml'));\n${YAML_FUNCTIONS.map((f) => `export const ${f} = (...a) => y().${f}(...a);`).join('\n')}\n`,
    }));
  },
};

/**
 * core's embedded common-instancetypes/preferences YAML (150 KB) rides beside the bundle in
 * dist/kubectl-l1vh.bundle, not in it: the bundle and its code cache are that much smaller to load
 * on every run, and the launcher hands the texts over as slices of the file it has already read.
 */
const BUILTIN_DATA = /[\\/]core[\\/]src[\\/]profile[\\/]builtin-data\.ts$/;
const sections = new Map();
const builtinDataOutside = {
  name: 'builtin-data-outside',
  setup(b) {
    // The texts come from core's own generator (the committed module is checked to match it).
    b.onLoad({ filter: BUILTIN_DATA }, () => {
      const exports = [];
      for (const [name, text] of embeddedTexts()) {
        // ASCII only (checked, so a change of the data cannot slip through): the launcher reads latin1.
        if (/[^\x00-\x7f]/.test(text)) throw new Error(`core's embedded ${name} is not plain ASCII`);
        sections.set(name, text);
        exports.push(`export const ${name} = section(${JSON.stringify(name)});`);
      }
      return { loader: 'js', contents: `const section = globalThis[Symbol.for('l1vh.section')];\n${exports.join('\n')}\n` };
    });
  },
};

mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
/** The bundle, built here then folded into dist/kubectl-l1vh.bundle (see launcher.cjs). */
const MAIN = 'dist/l1vh-main.cjs';
/** Both outputs: one CommonJS file each, for node 20. */
const NODE_CJS = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, legalComments: 'none', logLevel: 'warning' };
await build({
  ...NODE_CJS,
  entryPoints: ['src/bin.ts'],
  outfile: MAIN,
  plugins: [lazyClusterClient, lazyYaml, builtinDataOutside],
  metafile: true,
}).then((result) => {
  const leaked = Object.keys(result.metafile.inputs).filter((p) => p.includes('@kubernetes/client-node') || p.includes('cluster-client/src/open.ts'));
  if (leaked.length > 0) throw new Error(`the cluster client leaked into ${MAIN}: ${leaked[0]}`);
});
// The launcher runs the bundle as a vm.Script, where import() needs an experimental flag:
// load the cluster chunk with require() instead (it is CommonJS).
let main = readFileSync(MAIN, 'utf8');
main = main.replaceAll(`import("${CLIENT_CHUNK}")`, `Promise.resolve().then(()=>require("${CLIENT_CHUNK}"))`);
if (main.includes('import(')) throw new Error(`${MAIN} still uses import(), which the launcher cannot run`);
// ASCII only, so the launcher can read it as latin1 (one byte a character, no UTF-8 decoding).
main = main.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(MAIN, main);
const hash = createHash('sha256').update(main).digest('hex').slice(0, 16);
for (const f of readdirSync('dist')) if (/^\.(?:kubectl-l1vh|l1vh-main)\..*\.cache$/.test(f)) rmSync(join('dist', f), { force: true });
// The executable is the launcher alone, so node reads and compiles 3 KB before it runs; the
// bundle file is one line of JSON (name → [start, end] of each text after that line), then the
// texts, the bundle last. Node never parses it: the launcher reads it once and compiles the bundle.
const launcher = readFileSync('launcher.cjs', 'utf8').replace('__BUNDLE_HASH__', hash);
const parts = [...sections, ['bundle', main]];
const index = {};
let at = 0;
for (const [name, text] of parts) index[name] = [at, (at += text.length)];
writeFileSync('dist/kubectl-l1vh.bundle', `${JSON.stringify(index)}\n${parts.map(([, text]) => text).join('')}`);
writeFileSync('dist/kubectl-l1vh', `#!/usr/bin/env node\n${launcher}`);
rmSync(MAIN, { force: true });
chmodSync('dist/kubectl-l1vh', 0o755);
// Warm the code cache on the common offline path (explain of one VM), so it holds the functions
// a cold `explain` needs rather than whatever command happened to run first.
const sample = join(mkdtempSync(join(tmpdir(), 'l1vh-build-')), 'vm.yaml');
writeFileSync(sample, 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: warm\nspec:\n  runStrategy: Always\n  template:\n    spec:\n      domain:\n        devices:\n          disks:\n          - name: root\n        resources:\n          requests:\n            memory: 1Gi\n      volumes:\n      - name: root\n        containerDisk:\n          image: quay.io/containerdisks/fedora:41\n');
spawnSync(process.execPath, ['dist/kubectl-l1vh', 'explain', '--show-xml', sample], { stdio: 'ignore' });
rmSync(dirname(sample), { recursive: true, force: true });

await build({
  ...NODE_CJS,
  entryPoints: ['../cluster-client/src/open.ts'],
  outfile: 'dist/cluster-client.cjs',
});
