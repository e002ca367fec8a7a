// dist/kubectl-l1vh: starts the bundle (dist/l1vh-main.cjs) with a V8 code cache, which saves
// most of its compile time on every run (node 20 has no module.enableCompileCache). The cache
// file is named after the bundle's content hash (set by build.mjs), so a rebuilt bundle never
// meets a stale cache; it lives beside the bundle, or in the temp dir when dist/ is read-only.
// Without a usable cache the bundle simply compiles as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const HASH = '__BUNDLE_HASH__';
const main = path.join(__dirname, 'l1vh-main.cjs');
const candidates = [path.join(__dirname, `.l1vh-main.${HASH}.cache`), path.join(require('node:os').tmpdir(), `kubectl-l1vh.${HASH}.cache`)];

let cached;
for (const c of candidates) {
  try {
    cached = fs.readFileSync(c);
    break;
  } catch {}
}
const script = new vm.Script(Module.wrap(fs.readFileSync(main, 'utf8')), { filename: main, cachedData: cached });
if (!cached || script.cachedDataRejected) {
  process.once('beforeExit', () => {
    const data = script.createCachedData();
    for (const c of candidates) {
      try {
        const tmp = `${c}.${process.pid}`;
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, c);
        break;
      } catch {}
    }
  });
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(main), mod, main, __dirname);
