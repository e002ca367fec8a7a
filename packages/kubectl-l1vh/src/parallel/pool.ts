// Lint on all cores: large inputs are cut into contiguous shares by bytes; the main thread lints
// the first share while worker threads lint the others; findings are concatenated in share
// order, which is input order. Small inputs, one-core machines and runs without the bundle
// (tests from source) lint inline: same result, no thread start-up cost.

import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { LintConfig, SourceText } from '@l1vh/core';
import { lintShare, type ShareResult } from './lint-share.js';
import { WORKER_ARG, WORKER_TAG, type LintJob, type LintReply } from './protocol.js';
import { workerThreads } from './worker.js';
import { mayHoldContext, splitByBytes } from './split.js';

/** Below this many files a worker's start-up (~40 ms) costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;
/** Threads used at most (main thread included). */
export const MAX_THREADS = 4;

export interface ParallelOptions {
  /** Threads including the main one; default: available cores, at most MAX_THREADS. */
  threads?: number;
  /** Minimum files before threads are used (default PARALLEL_MIN_FILES). */
  minFiles?: number;
  /** Script a worker runs; default: the running bundle (dist/kubectl-l1vh). */
  workerFile?: string;
  /** -n NS for objects without metadata.namespace. */
  namespace?: string;
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
 * Lints `sources` against the profile made of `profileSources` (embedded default when empty)
 * plus the objects of the sources themselves. Never rejects on bad input; a worker that fails
 * has its share linted inline instead.
 */
export async function lintInParallel(
  sources: readonly SourceText[],
  profileSources: readonly SourceText[],
  config: LintConfig = {},
  opts: ParallelOptions = {},
): Promise<ParallelLintResult> {
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), MAX_THREADS));
  const workerFile = opts.workerFile ?? bundleFile();
  if (threads < 2 || !workerFile || sources.length < (opts.minFiles ?? PARALLEL_MIN_FILES)) {
    return { ...lintShare(sources, [], profileSources, config, opts.namespace), threads: 1 };
  }
  const ranges = splitByBytes(sources, threads);
  const hints = sources.map(mayHoldContext);
  const jobOf = ([start, end]: [number, number]): LintJob => ({
    tag: WORKER_TAG,
    sources: sources.slice(start, end),
    contextSources: sources.filter((_, i) => hints[i] && (i < start || i >= end)),
    profileSources: [...profileSources],
    config,
    ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
  });
  // Workers first, so they start while the main thread lints share 0.
  const pending = ranges.slice(1).map((range) => runWorker(workerFile, jobOf(range)));
  const first = jobOf(ranges[0]!);
  const results: ShareResult[] = [lintShare(first.sources, first.contextSources, profileSources, config, opts.namespace)];
  for (const [i, p] of pending.entries()) {
    const reply = await p;
    if (reply.ok) results.push(reply);
    else {
      const job = jobOf(ranges[i + 1]!);
      results.push(lintShare(job.sources, job.contextSources, profileSources, config, opts.namespace));
    }
  }
  return {
    findings: results.flatMap((r) => r.findings),
    objects: results.reduce((n, r) => n + r.objects, 0),
    profileFindings: results[0]!.profileFindings,
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
