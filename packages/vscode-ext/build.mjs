// Bundles the extension into one CommonJS file, dist/extension.js (core included once, vscode external),
// and the mocha suite into out/test/ for the in-editor test runs.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', external: ['vscode'] };
// The banner stamps when the bundle starts loading, so activation time includes module evaluation.
await build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  banner: { js: '"use strict";globalThis.__l1vhLoadStart = performance.now();' },
});
if (!process.argv.includes('--no-tests')) {
  await build({
    ...common,
    entryPoints: ['test/suite/index.ts', 'test/run-electron.ts'],
    outdir: 'out/test',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
  });
}
