// Lint on all cores: large inputs are cut into contiguous shares by bytes; the main thread lints
// the first share while worker threads lint the others; findings are concatenated in share
// order, which is input order. Every thread reads and lints its files a batch at a time (see
// lint-share.ts), so no thread holds the whole tree. Small inputs, one-core machines and runs
// without the bundle (tests from source) lint inline: same result, no thread start-up cost.

import type { Worker } from 'node:worker_threads';
import type { LintConfig, ProfileRequest, SourceText } from '@l1vh/core';
import { readFromDisk, type InputFile, type InputProblem } from '../read-inputs.js';
import { BATCH_BYTES, lintShare, type ShareJob, type ShareResult } from './lint-share.js';
import { WORKER_ARG, WORKER_TAG, type LintJob, type LintReply } from './protocol.js';
import { workerThreads } from './is-worker.js';
import { mayHoldContext, splitByBytes } from './split.js';
import { tuneForThroughput } from '../v8-tuning.js';

/** Below this many files a worker's start-up (~40 ms) costs more than it saves. */
const PARALLEL_MIN_FILES = 200;
/** Threads used at most (main thread included). */
const MAX_THREADS = 4;

export interface ParallelOptions {
  /** Threads including the main one; default: available cores, at most MAX_THREADS. */
  threads?: number;
  /** Minimum files before threads and batches are used (default PARALLEL_MIN_FILES). */
  minFiles?: number;
  /** Script a worker runs; default: the running bundle (dist/kubectl-l1vh). */
  workerFile?: string;
  /** -n NS for objects without metadata.namespace. */
  namespace?: string;
  /** Bytes a thread lints at a time (default BATCH_BYTES). */
  batchBytes?: number;
  /** Reads a file the listing did not keep, on the main thread (default: from disk). */
  read?: (path: string) => SourceText | InputProblem;
}

export interface ParallelLintResult extends ShareResult {
  /** Threads that linted (1 = inline). */
  threads: number;
}

/** The running bundle, when this code runs from it (CommonJS); undefined from ESM sources. */
function bundleFile(): string | undefined {
  return typeof __filename === 'string' && !__filename.endsWith('.ts') ? __filename : undefined;
}

/**
 * Lints `files` (from listInputs: a file without its text is read when its batch comes) against
 * the profile made of `profileSources` (files and/or live objects; the embedded default when
 * none) plus the objects of the files themselves. The files whose kept text may hold context
 * (split.ts) are every thread's context. Never rejects on bad input; a worker that fails has its
 * share linted inline instead.
 */
export async function lintFiles(
  files: readonly InputFile[],
  profileSources: Omit<ProfileRequest, 'inputs'>,
  config: LintConfig = {},
  opts: ParallelOptions = {},
): Promise<ParallelLintResult> {
  const read = opts.read ?? readFromDisk;
  tuneForThroughput({ bytes: files.reduce((n, f) => n + f.bytes, 0) });
  const base = { profileSources, config, namespace: opts.namespace };
  if (files.length < (opts.minFiles ?? PARALLEL_MIN_FILES)) {
    // Small: everything at once, exactly core's lintSources over all the files.
    return { ...lintShare({ ...base, files, context: [], batchBytes: Infinity }, read), threads: 1 };
  }
  const context = files.flatMap((f) => (f.source && mayHoldContext(f.source) ? [f.source] : []));
  const batchBytes = opts.batchBytes ?? BATCH_BYTES;
  const threads = Math.max(1, Math.min(opts.threads ?? process.getBuiltinModule('node:os').availableParallelism(), MAX_THREADS));
  const workerFile = opts.workerFile ?? bundleFile();
  const jobOf = ([start, end]: [number, number]): ShareJob => ({ ...base, files: files.slice(start, end), context, batchBytes });
  if (threads < 2 || !workerFile) return { ...lintShare(jobOf([0, files.length]), read), threads: 1 };

  const ranges = splitByBytes(
    files.map((f) => f.bytes),
    threads,
  );
  // Workers first, so they start while the main thread lints share 0.
  const pending = ranges.slice(1).map((range) => runWorker(workerFile, { ...jobOf(range), tag: WORKER_TAG }));
  const results: ShareResult[] = [lintShare(jobOf(ranges[0]!), read)];
  for (const [i, p] of pending.entries()) {
    const reply = await p;
    if (reply.ok) results.push(reply);
    else results.push(lintShare(jobOf(ranges[i + 1]!), read));
  }
  return {
    findings: results.flatMap((r) => r.findings),
    objects: results.reduce((n, r) => n + r.objects, 0),
    profileFindings: results[0]!.profileFindings,
    problems: results.flatMap((r) => r.problems),
    threads: ranges.length,
  };
}

function runWorker(file: string, job: LintJob): Promise<LintReply> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: LintReply): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    let worker: Worker;
    try {
      worker = new (workerThreads().Worker)(file, { workerData: job, argv: [WORKER_ARG], execArgv: [], stdout: true, stderr: true });
    } catch (e) {
      done({ ok: false, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    worker.once('message', (m: LintReply) => done(m));
    worker.once('error', (e) => done({ ok: false, message: e.message }));
    worker.once('exit', (code) => done({ ok: false, message: `lint worker exited with code ${code}` }));
  });
}
