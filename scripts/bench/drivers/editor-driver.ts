// Editor latency through the VS Code extension's own modules (no VS Code): a 2,000-line
// multi-document file, one-character edits fed to the extension's AnalysisCache as VS Code's
// change events (so only the edited document is re-parsed), then
//   hover   = AnalysisCache.get + hoverContent (what HoverProvider runs), and
//   render  = AnalysisCache.get + vmDocumentText(previewText) (what the preview provider runs).
// The document text itself is kept outside the timings: VS Code maintains it, not the extension.
// Prints p50/p95 in ms as JSON.
//   node .bench/editor-driver.cjs CORPUS_DIR [iterations]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainObject, isVmLike, lintParsed, loadObjects, resolveProfile } from '../../../packages/core/src/index.js';
import { AnalysisCache } from '../../../packages/vscode-ext/src/analysis/document-analysis.js';
import { editAndLook, OpenDocument, percentile } from './editor-measure.js';

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
const { profile } = resolveProfile({});
const target = { profile, objects: [] };
const LABEL = 'embedded profile';
const open = new OpenDocument('vms.yaml', text0);
const doc = open.doc;
// Edits: toggle a digit of a memory/cores value, as a user typing would.
const targets = open.digitTargets();

const cache = new AnalysisCache(() => target);
// Warm-up, as when the file opens: CodeLenses explain every VM.
for (const vm of cache.get(doc).vms) void vm.item;

const hover: number[] = [];
const render: number[] = [];
const lint: number[] = [];
const fullReanalysis: number[] = [];
let hovers = 0;
for (let i = 0; i < ITER; i++) {
  const at = targets[(i * 7919) % targets.length]!;
  const look = editAndLook(cache, open, at, LABEL);
  if (look.shown) hovers++;
  hover.push(look.hoverMs);
  render.push(look.renderMs);

  if (i < 30) {
    // The debounced diagnostics after typing pauses: lint of the whole file from the cached parse.
    let t0 = performance.now();
    lintParsed([cache.parsed(doc)], profile, {});
    lint.push(performance.now() - t0);
    // For comparison: re-analysing the whole file on every edit (what the extension did before).
    t0 = performance.now();
    const all = loadObjects([{ path: 'vms.yaml', text: open.text }]);
    for (const o of all.objects) if (isVmLike(o.kind)) explainObject(o, profile, { domainXml: false });
    fullReanalysis.push(performance.now() - t0);
  }
}
// Sanity: the incremental parse must equal a fresh parse of the final text.
if (cache.parsed(doc).text !== open.text) throw new Error('editor-driver: incremental text diverged');
process.stdout.write(
  JSON.stringify({
    lines: text0.split('\n').length,
    documents: cache.parsed(doc).docs.length,
    iterations: ITER,
    hoversShown: hovers,
    hover: { p50: percentile(hover, 50), p95: percentile(hover, 95) },
    render: { p50: percentile(render, 50), p95: percentile(render, 95) },
    diagnostics: { p50: percentile(lint, 50), p95: percentile(lint, 95) },
    fullReanalysis: { p50: percentile(fullReanalysis, 50), p95: percentile(fullReanalysis, 95) },
  }) + '\n',
);
