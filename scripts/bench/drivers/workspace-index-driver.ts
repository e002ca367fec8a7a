// The VS Code extension's workspace index on a generated 5,000-file workspace, through its own
// modules (no VS Code): ContextIndex + inSlices (what WorkspaceIndex runs after findFiles), the
// merged target profile, then the workspace lint as WorkspaceDiagnostics runs it (file by file,
// yielding between files). "Without freezing" is measured as the extension host sees it: the
// longest stretch the event loop was blocked (a 5 ms interval timer's worst delay) and hovers
// requested every 25 ms on an open 2,000-line file while the index builds. Then, with the index
// loaded (the merged profile of 500 context objects), the editor figures of issue 14: hover and
// preview re-render after one-character edits of that open file, as editor-driver measures them.
// Prints JSON.   node .bench/workspace-index-driver.cjs WORKSPACE_DIR [edits=300]
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lintSources, loadProfile } from '../../../packages/core/src/index.js';
import { AnalysisCache } from '../../../packages/vscode-ext/src/analysis/document-analysis.js';
import { hoverContent } from '../../../packages/vscode-ext/src/analysis/hover-content.js';
import { ContextIndex, inSlices } from '../../../packages/vscode-ext/src/workspace/context-index.js';
import { WorkspaceTarget } from '../../../packages/vscode-ext/src/workspace/workspace-target.js';
import { editAndLook, links, OpenDocument, percentile } from './editor-measure.js';

const [dir = '.bench/workspace', editsArg = '300'] = process.argv.slice(2);
const EDITS = Number(editsArg);

function list(d: string, out: string[] = []): string[] {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) list(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Worst delay of a 5 ms interval timer while `body` runs: how long the event loop was blocked. */
async function blocked<T>(body: () => Promise<T>): Promise<{ result: T; worstMs: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  try {
    return { result: await body(), worstMs: worst };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const { profile } = loadProfile([], []);
  const base = { profile };
  const index = new ContextIndex();
  const combined = new WorkspaceTarget(() => base, () => ({ version: index.version, objects: index.objects() }));

  // An open 2,000-line file the user hovers in while the workspace indexes.
  const files = list(dir);
  const open = files.filter((f) => f.includes('/team-')).slice(0, 60);
  const opened = new OpenDocument('open.yaml', (await Promise.all(open.map((f) => readFile(f, 'utf8')))).join('---\n'));
  const doc = opened.doc;
  const cache = new AnalysisCache(() => combined.current());
  const offsets = [...opened.text.matchAll(/^kind:/gm)].map((m) => m.index);
  // Opened before the index starts: its CodeLenses explained every VM of it.
  for (const vm of cache.get(doc).vms) void vm.item;

  // 1. index build, with hovers every 25 ms
  const hoverMs: number[] = [];
  let hoverTimer: ReturnType<typeof setInterval> | undefined;
  let h = 0;
  const t0 = performance.now();
  const slices: number[] = [];
  const perFileIndex: number[] = [];
  const build = await blocked(async () => {
    hoverTimer = setInterval(() => {
      const s = performance.now();
      hoverContent(cache.get(doc), offsets[h++ % offsets.length]!, 'bench', links);
      hoverMs.push(performance.now() - s);
    }, 25);
    await inSlices(files, async (f) => {
      const t = await readFile(f, 'utf8');
      const s = performance.now();
      index.set(f, f, t);
      perFileIndex.push(performance.now() - s);
    }, 8, (ms) => slices.push(ms));
    clearInterval(hoverTimer);
  });
  const indexMs = performance.now() - t0;
  const contextObjects = index.objects().length;

  // 1b. editing an open file with the index loaded: hover, then preview re-render, after each
  // one-character edit (VS Code's change event applied by AnalysisCache, as editor-driver does),
  // on a ~2,000-line file as editor-driver's, so the two differ only by the index.
  const parts: string[] = [];
  for (let i = 0, lines = 0; lines < 2000 && i < open.length; i++) {
    const part = await readFile(open[i]!, 'utf8');
    parts.push(part);
    lines += part.split('\n').length;
  }
  opened.replace(parts.join('---\n'));
  const digits = opened.digitTargets();
  const editHover: number[] = [];
  const editRender: number[] = [];
  for (const vm of cache.get(doc).vms) void vm.item; // the file opened: CodeLenses explain its VMs
  for (let i = 0; i < EDITS; i++) {
    const look = editAndLook(cache, opened, digits[(i * 7919) % digits.length]!, 'bench');
    editHover.push(look.hoverMs);
    editRender.push(look.renderMs);
  }
  if (cache.parsed(doc).text !== opened.text) throw new Error('workspace-index-driver: incremental text diverged');

  // 2. the workspace lint that follows (file by file, as WorkspaceDiagnostics.checkAll)
  const lintProfile = combined.current().profile;
  const perFile: number[] = [];
  const t1 = performance.now();
  const lint = await blocked(async () => {
    let findings = 0;
    for (const f of files) {
      const source = { path: f, text: await readFile(f, 'utf8') };
      const s = performance.now();
      findings += lintSources([source], lintProfile).findings.length;
      perFile.push(performance.now() - s);
    }
    return findings;
  });
  const lintMs = performance.now() - t1;

  // 3. incremental: one context file edited (re-index it, find dependents, new merged profile)
  const contextFile = files.find((f) => f.includes('/context/'))!;
  const contextText = await readFile(contextFile, 'utf8');
  const edits: number[] = [];
  const dependents: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    const change = index.set(contextFile, contextFile, contextText.replace(/guest: \d+Gi/, `guest: ${(i % 7) + 1}Gi`));
    dependents.push(index.dependents(change).length);
    void combined.current();
    edits.push(performance.now() - s);
  }
  // one VM file edited: re-indexed alone, no context change
  const vmFile = files.find((f) => f.includes('/team-'))!;
  const vmText = await readFile(vmFile, 'utf8');
  const vmEdits: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    index.set(vmFile, vmFile, `${vmText}# ${i}\n`);
    vmEdits.push(performance.now() - s);
  }

  console.log(JSON.stringify({
    files: files.length,
    contextObjects,
    index: { ms: indexMs, slices: slices.length, perFileP95: percentile(perFileIndex, 95), perFileMax: Math.max(...perFileIndex), eventLoopWorstBlockMs: build.worstMs },
    hoverDuringIndex: { count: hoverMs.length, p50: percentile(hoverMs, 50), p95: percentile(hoverMs, 95), max: Math.max(...hoverMs) },
    withIndex: {
      lines: opened.text.split('\n').length,
      edits: EDITS,
      hover: { p50: percentile(editHover, 50), p95: percentile(editHover, 95) },
      render: { p50: percentile(editRender, 50), p95: percentile(editRender, 95) },
    },
    lint: { ms: lintMs, findings: lint.result, perFileP95: percentile(perFile, 95), perFileMax: Math.max(...perFile), eventLoopWorstBlockMs: lint.worstMs },
    contextEdit: { p50: percentile(edits, 50), p95: percentile(edits, 95), dependents: Math.max(...dependents) },
    vmEdit: { p50: percentile(vmEdits, 50), p95: percentile(vmEdits, 95) },
  }));
}

void main();
