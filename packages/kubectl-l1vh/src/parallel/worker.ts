// The worker side of the lint pool. bin.ts calls runLintWorker() when the bundle is started as
// a worker thread (the worker script is the bundle itself: one file to ship).

import { isLintJob, WORKER_ARG, type LintReply } from './protocol.js';
import { lintShare } from './lint-share.js';
import { readFromDisk } from './pool.js';

/** Loaded on demand: importing node:worker_threads costs ~5 ms of every cold start. */
export function workerThreads(): typeof import('node:worker_threads') {
  return process.getBuiltinModule('node:worker_threads');
}

/** Cheap on the main thread: only a worker started by the pool carries WORKER_ARG. */
export function isLintWorker(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  const wt = workerThreads();
  return wt.parentPort !== null && isLintJob(wt.workerData);
}

export function runLintWorker(): void {
  const { parentPort, workerData } = workerThreads();
  const job: unknown = workerData;
  let reply: LintReply;
  if (!isLintJob(job)) {
    reply = { ok: false, message: 'lint worker started without a job' };
  } else {
    try {
      reply = { ok: true, ...lintShare(job, readFromDisk) };
    } catch (e) {
      reply = { ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  }
  parentPort?.postMessage(reply);
}
