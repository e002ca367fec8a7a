// Bundles the plugin into one executable file, dist/kubectl-l1vh (CommonJS, node 20), plus the
// cluster client as a separate chunk, dist/cluster-client.cjs, which the executable requires only
// when a command reads a cluster: offline runs never parse @kubernetes/client-node.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** src/cluster/connect.ts imports './client.js': in the bundle that is the chunk beside it. */
const CLIENT_CHUNK = './cluster-client.cjs';
const lazyClusterClient = {
  name: 'lazy-cluster-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/client\.js$/ }, (args) =>
      /[\\/]cluster[\\/]connect\.ts$/.test(args.importer) ? { path: CLIENT_CHUNK, external: true } : undefined,
    );
  },
};

/**
 * uuid's node build requires node:crypto at load (~10 ms of every cold start); its browser build
 * computes the v5 (SHA-1) UUIDs core needs in plain JS, with the same results.
 */
const UUID_PURE_JS = fileURLToPath(new URL('../core/node_modules/uuid/dist/esm-browser/index.js', import.meta.url));
const pureJsUuid = {
  name: 'pure-js-uuid',
  setup(b) {
    b.onResolve({ filter: /^uuid$/ }, () => ({ path: UUID_PURE_JS }));
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

mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
await build({
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/kubectl-l1vh',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
  plugins: [lazyClusterClient, pureJsUuid, lazyYaml],
  metafile: true,
}).then((result) => {
  const leaked = Object.keys(result.metafile.inputs).filter((p) => p.includes('@kubernetes/client-node') || p.includes('src/cluster/client.ts'));
  if (leaked.length > 0) throw new Error(`the cluster client leaked into dist/kubectl-l1vh: ${leaked[0]}`);
});
chmodSync('dist/kubectl-l1vh', 0o755);

await build({
  entryPoints: ['src/cluster/client.ts'],
  outfile: 'dist/cluster-client.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
