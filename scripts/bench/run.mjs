// Benchmarks (never timed tests) of issue 14: lint throughput against the bare `yaml` parse, cold
// start against `node -e 0`, peak RSS of a 100,000-manifest lint, editor latency with the
// 5,000-file workspace index loaded. Prints a table; writes .bench/results.json. Every figure is
// a median (or percentile) over runs made in this same invocation, beside its baseline.
//   node scripts/bench/run.mjs [--quick]   (--quick: fewer runs, same figures)

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateCorpus, generateTree } from './gen-corpus.mjs';
import { generateWorkspace } from './gen-workspace.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, '.bench');
const CORPUS = join(OUT, 'corpus');
const CLI = join(ROOT, 'packages/kubectl-l1vh/dist/kubectl-l1vh');
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 3 : 5;
const COLD_RUNS = QUICK ? 10 : 30;

const loadBefore = loadavg()[0];
const TARGETS = { lintVsParse: 0.1, manifestsPerSecond: 10_000, coldStart: 1.3, treeRssMiB: 400, hoverP95: 15, renderP95: 20, indexBlockMs: 100 };

mkdirSync(OUT, { recursive: true });

// --- corpus (regenerated when the generator changes) -----------------------------------------
const genStamp = join(OUT, 'corpus.stamp');
const genSource = readFileSync(fileURLToPath(new URL('./gen-corpus.mjs', import.meta.url)), 'utf8');
const stamp = String(genSource.length) + ':' + hash(genSource);
if (!existsSync(genStamp) || readFileSync(genStamp, 'utf8') !== stamp) {
  const c = generateCorpus(CORPUS, 1000, 10);
  writeFileSync(genStamp, stamp);
  console.error(`corpus: ${c.files} files, ${c.manifests} manifests`);
}

// --- the 100,000-manifest tree: ten copies of the corpus (regenerated with it) ------------------
const TREE = join(OUT, 'tree-100k');
const treeStamp = join(OUT, 'tree-100k.stamp');
if (!existsSync(treeStamp) || readFileSync(treeStamp, 'utf8') !== stamp) {
  const t = generateTree(TREE, CORPUS, 10);
  writeFileSync(treeStamp, stamp);
  console.error(`tree: ${t.files} files, 100,000 manifests`);
}

// --- editor workspace of 5,000 YAML files (regenerated with the corpus) -------------------------
const WORKSPACE = join(OUT, 'workspace');
const wsStamp = join(OUT, 'workspace.stamp');
const wsSource = readFileSync(fileURLToPath(new URL('./gen-workspace.mjs', import.meta.url)), 'utf8');
const wsHash = `${stamp}:${hash(wsSource)}`;
if (!existsSync(wsStamp) || readFileSync(wsStamp, 'utf8') !== wsHash) {
  const w = generateWorkspace(WORKSPACE, 5000);
  writeFileSync(wsStamp, wsHash);
  console.error(`workspace: ${w.files} files, ${w.vms} VMs`);
}

// --- drivers ----------------------------------------------------------------------------------
const drivers = join(dirname(fileURLToPath(import.meta.url)), 'drivers');
for (const name of ['lint-driver', 'editor-driver', 'workspace-index-driver']) {
  await build({ entryPoints: [join(drivers, `${name}.ts`)], outfile: join(OUT, `${name}.cjs`), bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning' });
}

const hasLintCommand = existsSync(CLI) && spawnSync(process.execPath, [CLI, 'lint', '--help'], { encoding: 'utf8' }).status === 0;
const lintCmd = hasLintCommand ? [CLI, 'lint', '--no-config', '-o', 'json', CORPUS] : [join(OUT, 'lint-driver.cjs'), CORPUS];

/** Wall time of one run, plus peak RSS of the process and its threads (GNU time, else a preload). */
function timed(args, { rss = false } = {}) {
  const useTime = rss && existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-f', '%M', process.execPath, ...args] : rss ? ['-r', join(drivers, 'max-rss.cjs'), ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const rssKiB = rss ? Number(r.stderr.trim().split('\n').pop()) : undefined;
  return { ms, rssKiB, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// --- lint throughput vs bare parse (interleaved runs) -----------------------------------------
const lintMs = [];
const parseMs = [];
const singleMs = [];
let rssKiB = 0;
let lintOut = '';
for (let i = 0; i < RUNS; i++) {
  parseMs.push(timed([join(drivers, 'parse-baseline.mjs'), CORPUS]).ms);
  const l = timed(lintCmd, { rss: true });
  lintMs.push(l.ms);
  rssKiB = Math.max(rssKiB, l.rssKiB ?? 0);
  lintOut = l.stdout;
  if (i < 2) singleMs.push(timed([join(OUT, 'lint-driver.cjs'), CORPUS, '1']).ms);
}
const manifests = 10_000;
const lint = median(lintMs);
const bare = median(parseMs);

// --- 100,000 manifests: peak RSS and time of one lint (files stream through the threads) -------
const treeRun = timed([CLI, 'lint', '--no-config', '-o', 'json', TREE], { rss: true });
const treeFindings = (treeRun.stdout.match(/"ruleId"/g) ?? []).length;

// --- cold start ---------------------------------------------------------------------------------
const one = join(OUT, 'one.yaml');
writeFileSync(one, readFileSync(join(ROOT, '../shared/golden/generated/mshv-amd64/cases/vm-12000.yaml'), 'utf8'));
const coldCli = [];
const coldNode = [];
for (let i = 0; i < COLD_RUNS; i++) {
  coldNode.push(timed(['-e', '0']).ms);
  coldCli.push(timed([CLI, 'explain', one]).ms);
}

// --- editor latency ------------------------------------------------------------------------------
const editor = JSON.parse(execFileSync(process.execPath, [join(OUT, 'editor-driver.cjs'), CORPUS, QUICK ? '100' : '300'], { encoding: 'utf8' }));

// --- workspace index (the extension's, on 5,000 files) ----------------------------------------
const workspaceIndex = JSON.parse(execFileSync(process.execPath, [join(OUT, 'workspace-index-driver.cjs'), WORKSPACE, QUICK ? '100' : '300'], { encoding: 'utf8' }));

// --- report ----------------------------------------------------------------------------------
const results = {
  date: new Date().toISOString(),
  machine: { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: [loadBefore, loadavg()[0]] },
  lint: {
    command: hasLintCommand ? 'kubectl-l1vh lint' : 'lint-driver (readInputs + lintInParallel; lint command not built yet)',
    output: lintOut.trim().slice(0, 300),
    manifests,
    runs: RUNS,
    medianMs: lint,
    bareParseMedianMs: bare,
    ratio: lint / bare,
    manifestsPerSecond: (manifests / lint) * 1000,
    singleThreadMedianMs: singleMs.length ? median(singleMs) : null,
    peakRssMiB: rssKiB / 1024,
  },
  tree: { manifests: 100_000, files: 10_000, ms: treeRun.ms, peakRssMiB: (treeRun.rssKiB ?? 0) / 1024, findings: treeFindings },
  coldStart: { runs: COLD_RUNS, cliMedianMs: median(coldCli), nodeMedianMs: median(coldNode), ratio: median(coldCli) / median(coldNode) },
  editor,
  workspaceIndex,
  targets: TARGETS,
};
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');

const ok = (b) => (b ? 'met' : 'MISSED');
const f = (n, d = 0) => n.toFixed(d);
const rows = [
  ['lint 10,000 manifests (median ms)', f(lint), `bare yaml parse ${f(bare)} ms → ${f(lint / bare, 2)}×`, `≤ ${TARGETS.lintVsParse}×`, ok(lint / bare <= TARGETS.lintVsParse)],
  ['lint throughput (manifests/s)', f(results.lint.manifestsPerSecond), results.lint.singleThreadMedianMs ? `1 thread (driver): ${f(results.lint.singleThreadMedianMs)} ms` : '', `≥ ${TARGETS.manifestsPerSecond}`, ok(results.lint.manifestsPerSecond >= TARGETS.manifestsPerSecond)],
  ['lint 100,000 manifests: peak RSS (MiB)', f(results.tree.peakRssMiB), `10,000-manifest lint above: ${f(results.lint.peakRssMiB)} MiB; 100,000 took ${f(results.tree.ms / 1000, 1)} s (${f(100_000 / (results.tree.ms / 1000))}/s)`, `< ${TARGETS.treeRssMiB}`, ok(results.tree.peakRssMiB < TARGETS.treeRssMiB)],
  ['cold start explain one.yaml (ms)', f(results.coldStart.cliMedianMs, 1), `node -e 0 ${f(results.coldStart.nodeMedianMs, 1)} ms → ${f(results.coldStart.ratio, 2)}×`, `≤ ${TARGETS.coldStart}×`, ok(results.coldStart.ratio <= TARGETS.coldStart)],
  ['hover after 1-char edit, 5,000-file index loaded (p95 ms)', f(workspaceIndex.withIndex.hover.p95, 2), `p50 ${f(workspaceIndex.withIndex.hover.p50, 2)}; ${workspaceIndex.withIndex.lines} lines; without the index: p95 ${f(editor.hover.p95, 2)}; full re-analysis p95 ${f(editor.fullReanalysis.p95, 1)}`, `≤ ${TARGETS.hoverP95}`, ok(workspaceIndex.withIndex.hover.p95 <= TARGETS.hoverP95)],
  ['preview re-render, 5,000-file index loaded (p95 ms)', f(workspaceIndex.withIndex.render.p95, 2), `p50 ${f(workspaceIndex.withIndex.render.p50, 2)}; without the index: p95 ${f(editor.render.p95, 2)} (${editor.lines} lines, ${editor.documents} docs)`, `≤ ${TARGETS.renderP95}`, ok(workspaceIndex.withIndex.render.p95 <= TARGETS.renderP95)],
  ['index 5,000-file workspace (ms)', f(workspaceIndex.index.ms), `event loop blocked ≤ ${f(workspaceIndex.index.eventLoopWorstBlockMs)} ms; hover during it p95 ${f(workspaceIndex.hoverDuringIndex.p95, 1)} ms; ${workspaceIndex.contextObjects} context objects`, `block ≤ ${TARGETS.indexBlockMs} ms`, ok(workspaceIndex.index.eventLoopWorstBlockMs <= TARGETS.indexBlockMs)],
  ['workspace lint after the index (ms)', f(workspaceIndex.lint.ms), `per file p95 ${f(workspaceIndex.lint.perFileP95, 1)} ms, max ${f(workspaceIndex.lint.perFileMax)} ms`, '', ''],
];
const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c].length), 6));
console.log(`machine: ${results.machine.nproc} cores, ${results.machine.cpu}, node ${results.machine.node}, load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}; lint via ${results.lint.command}`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
console.log(`results: ${join(OUT, 'results.json')}`);

function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}
