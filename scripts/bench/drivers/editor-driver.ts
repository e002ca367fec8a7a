// Editor latency through the code paths the VS Code extension uses: a 2,000-line multi-document
// file, one-character edits, incremental re-parse of the edited document only, then hover (the
// VM at the cursor explained, the field under the cursor found, hover markdown rendered) and
// preview re-render (explain with domain XML, preview text). Prints p50/p95 in ms as JSON.
//   node .bench/editor-driver.cjs CORPUS_DIR [iterations]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdit, explainObject, isVmLike, loadObjects, loadProfile, parseIncremental, readObjects, type ClusterProfile, type Explained, type IncrementalParse, type ManifestObject, type ParsedDocument } from '../../../packages/core/src/index.js';
import { hoverMarkdown } from '../../../packages/vscode-ext/src/render/hover-markdown.js';
import { previewText } from '../../../packages/vscode-ext/src/render/preview-text.js';

const [dir = '.bench/corpus', iterArg = '300'] = process.argv.slice(2);
const ITER = Number(iterArg);

// A 2,000-line file from corpus documents.
const docs: string[] = [];
let lines = 0;
outer: for (const sub of readdirSync(dir).sort()) {
  for (const f of readdirSync(join(dir, sub)).sort()) {
    for (const d of readFileSync(join(dir, sub, f), 'utf8').split(/^---\n/m)) {
      docs.push(d);
      lines += d.split('\n').length - 1;
      if (lines >= 2000) break outer;
    }
  }
}
const text0 = docs.join('---\n');
const { profile } = loadProfile([], []);

/** Per-document caches keyed by the parsed value: untouched documents are never redone. */
const objectsCache = new WeakMap<object, ManifestObject[]>();
const explainCache = new WeakMap<object, Explained>();

function objectsOf(doc: ParsedDocument): ManifestObject[] {
  const key = doc.value as object;
  let objs = objectsCache.get(key);
  if (!objs) objectsCache.set(key, (objs = readObjects([doc]).objects));
  // Offsets moved: re-point the cached objects at the current document record.
  return objs.map((o) => (o.source.doc === doc ? o : { ...o, source: { ...o.source, doc } }));
}

function vmAt(parse: IncrementalParse, offset: number): ManifestObject | undefined {
  const doc = parse.docs.find((d) => d.start <= offset && offset < d.end);
  return doc ? objectsOf(doc).find((o) => isVmLike(o.kind)) : undefined;
}

function explain(obj: ManifestObject, p: ClusterProfile, withXml: boolean): Explained {
  const cached = withXml ? undefined : explainCache.get(obj.value);
  if (cached) return cached;
  const e = explainObject(obj, p, withXml ? {} : { domainXml: false });
  if (!withXml) explainCache.set(obj.value, e);
  return e;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

// Edits: toggle a digit of a memory/cores value, as a user typing would.
const targets: number[] = [];
for (const m of text0.matchAll(/(?:cores|memory): "?(\d)/g)) targets.push(m.index + m[0].length - 1);

let parse = parseIncremental('vms.yaml', text0);
// Warm-up: first explain of every VM as the editor does when the file opens.
for (const d of parse.docs) for (const o of objectsOf(d)) if (isVmLike(o.kind)) explain(o, profile, false);

const hover: number[] = [];
const render: number[] = [];
const fullReanalysis: number[] = [];
for (let i = 0; i < ITER; i++) {
  const at = targets[(i * 7919) % targets.length]!;
  const digit = parse.text[at] === '2' ? '3' : '2';
  let t0 = performance.now();
  parse = applyEdit(parse, { start: at, end: at + 1, text: digit });
  const vm = vmAt(parse, at);
  if (vm) {
    const e = explain(vm, profile, false);
    const doc = vm.source.doc;
    const field = doc.positions().pathAt(at);
    hoverMarkdown(e.item, 'embedded profile', field ? { label: field.path.join('.'), contains: () => false } : undefined, { preview: 'p', explain: 'e' });
  }
  hover.push(performance.now() - t0);

  const digit2 = parse.text[at] === '2' ? '3' : '2';
  t0 = performance.now();
  parse = applyEdit(parse, { start: at, end: at + 1, text: digit2 });
  const vm2 = vmAt(parse, at);
  if (vm2) previewText(explain(vm2, profile, true).item);
  render.push(performance.now() - t0);

  if (i < 30) {
    // For comparison: re-analysing the whole file on every edit (no incremental parse).
    t0 = performance.now();
    const all = loadObjects([{ path: 'vms.yaml', text: parse.text }]);
    for (const o of all.objects) if (isVmLike(o.kind)) explainObject(o, profile, { domainXml: false });
    fullReanalysis.push(performance.now() - t0);
  }
}
process.stdout.write(
  JSON.stringify({
    lines: text0.split('\n').length,
    documents: parse.docs.length,
    iterations: ITER,
    hover: { p50: percentile(hover, 50), p95: percentile(hover, 95) },
    render: { p50: percentile(render, 50), p95: percentile(render, 95) },
    fullReanalysis: { p50: percentile(fullReanalysis, 50), p95: percentile(fullReanalysis, 95) },
  }) + '\n',
);
