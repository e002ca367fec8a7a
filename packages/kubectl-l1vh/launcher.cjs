// dist/kubectl-l1vh: one file holding this launcher and, after it, the bundle's source in a
// comment (build.mjs appends it, every `*/` in it written as `*\x7f/`; scanning a comment costs
// the compile of this file nothing, where a string literal cost ~4 ms). The bundle runs with a
// V8 code cache, which saves most of its compile time on every run (node 20 has no
// module.enableCompileCache). The cache file is named after the bundle's content hash, so a
// rebuilt bundle never meets a stale cache; it lives beside this file, or in the temp dir when
// that directory is read-only. Without a usable cache the bundle simply compiles as usual. Lint
// workers start this same file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const HASH = '__BUNDLE_HASH__';
// The temp dir candidate is computed only when the first is missing: node:os is not loaded otherwise.
const candidates = [() => path.join(__dirname, `.kubectl-l1vh.${HASH}.cache`), () => path.join(require('node:os').tmpdir(), `kubectl-l1vh.${HASH}.cache`)];

let cached;
for (const c of candidates) {
  try {
    cached = fs.readFileSync(c());
    break;
  } catch {}
}
// This file, as written by build.mjs: ASCII, so latin1 reads it exactly, one byte a character.
const self = fs.readFileSync(__filename, 'latin1');

// The texts build.mjs moved out of the bundle (core's embedded instancetypes): slices of `self`.
globalThis[Symbol.for('l1vh.section')] = (name) => {
  const mark = `/*@l1vh-section:${name}@\n`;
  const start = self.indexOf(mark) + mark.length;
  return self.slice(start, self.indexOf('*/', start));
};

/** The bundle: the comment at the end of this file. */
function bundleSource() {
  const mark = '/*' + '@l1vh-bundle@\n';
  const body = self.slice(self.lastIndexOf(mark) + mark.length, self.lastIndexOf('*/'));
  return body.includes('*\x7f/') ? body.replaceAll('*\x7f/', '*/') : body;
}

// The source is what require('node:module').wrap returns (without loading the public module).
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${bundleSource()}\n});`, { filename: __filename, cachedData: cached });
// Lint workers never write it: a long lint changes V8's flags (src/v8-tuning.ts), so a worker's
// compile would make a cache that a normal run rejects; the main thread checks the same mark.
const LINT_WORKER_ARG = '--l1vh-lint-worker'; // src/parallel/protocol.ts WORKER_ARG
if ((!cached || script.cachedDataRejected) && !process.argv.includes(LINT_WORKER_ARG)) {
  process.once('beforeExit', () => {
    if (globalThis[Symbol.for('l1vh.v8-flags-changed')]) return;
    const data = script.createCachedData();
    for (const candidate of candidates) {
      try {
        const c = candidate();
        const tmp = `${c}.${process.pid}`;
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, c);
        break;
      } catch {}
    }
  });
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, __filename, __dirname);
