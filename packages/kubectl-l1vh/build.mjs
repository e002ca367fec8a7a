// Bundles the plugin into one executable file, dist/kubectl-l1vh (CommonJS, node 20), plus the
// cluster client as a separate chunk, dist/cluster-client.cjs, which the executable requires only
// when a command reads a cluster: offline runs never parse @kubernetes/client-node.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';

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
  plugins: [lazyClusterClient],
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
