// dist/kubectl-l1vh: this launcher alone, so node reads and compiles a few KB before it runs. It
// reads dist/kubectl-l1vh.bundle beside it (build.mjs writes it: a line of JSON giving each text's
// [start, end] after that line, then the texts) and runs the bundle with a V8 code cache, which
// saves most of its compile time on every run (node 20 has no module.enableCompileCache). The
// cache file is named after the bundle's content hash, so a rebuilt bundle never meets a stale
// cache; it lives beside this file, or in the temp dir when that directory is read-only. Without
// a usable cache the bundle simply compiles as usual. Lint workers start this same file.
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
// ASCII as build.mjs writes it, so latin1 reads it exactly, one byte a character (nothing decoded).
// krew and npm link the executable from elsewhere; node resolves the link, so __dirname is the release's.
const BUNDLE = 'kubectl-l1vh.bundle';
let data;
try {
  data = fs.readFileSync(path.join(__dirname, BUNDLE), 'latin1');
} catch (e) {
  fs.writeSync(2, `kubectl-l1vh: cannot read ${BUNDLE} beside ${__filename} (${e.code ?? e.message}): install the whole release (krew, npm, or the archive's files side by side)\n`);
  process.exit(2);
}
const body = data.indexOf('\n') + 1;
const offsets = JSON.parse(data.slice(0, body));
const text = (name) => data.slice(body + offsets[name][0], body + offsets[name][1]);

// The texts build.mjs moved out of the bundle (core's embedded instancetypes).
globalThis[Symbol.for('l1vh.section')] = text;

// The source is what require('node:module').wrap returns (without loading the public module).
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${text('bundle')}\n});`, { filename: __filename, cachedData: cached });
// Lint workers never write it: a long lint changes V8's flags (src/v8-tuning.ts), so a worker's
// compile would make a cache that a normal run rejects; the main thread checks the same mark.
const LINT_WORKER_ARG = '--l1vh-lint-worker'; // src/parallel/protocol.ts WORKER_ARG
if ((!cached || script.cachedDataRejected) && !process.argv.includes(LINT_WORKER_ARG)) {
  process.once('beforeExit', () => {
    if (globalThis[Symbol.for('l1vh.v8-flags-changed')]) return;
    const cache = script.createCachedData();
    for (const candidate of candidates) {
      try {
        const c = candidate();
        const tmp = `${c}.${process.pid}`;
        fs.writeFileSync(tmp, cache);
        fs.renameSync(tmp, c);
        break;
      } catch {}
    }
  });
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, __filename, __dirname);
