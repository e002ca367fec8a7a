// The bare cost the lint is compared with: read the same files and parse them with the `yaml`
// library (parseAllDocuments), nothing else.   node parse-baseline.mjs DIR
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../../../packages/core/package.json', import.meta.url));
const { parseAllDocuments } = require('yaml');

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.ya?ml$/.test(name)) yield p;
  }
}

let docs = 0;
let n = 0;
for (const p of files(process.argv[2] ?? '.')) {
  const all = parseAllDocuments(readFileSync(p, 'utf8'));
  docs += Array.isArray(all) ? all.length : 0;
  n++;
}
process.stdout.write(JSON.stringify({ files: n, documents: docs }) + '\n');
