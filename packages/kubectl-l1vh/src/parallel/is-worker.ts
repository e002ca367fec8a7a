// Tells a lint worker apart from the main thread, cheaply: bin.ts asks before it loads anything
// else, so the main thread never evaluates the lint modules just to start.

import { isLintJob, WORKER_ARG } from './protocol.js';

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
