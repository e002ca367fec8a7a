// The worker side of the lint pool. bin.ts calls runLintWorker() when the bundle is started as
// a worker thread (the worker script is the bundle itself: one file to ship).

import { parentPort, workerData } from 'node:worker_threads';
import { isLintJob, type LintReply } from './protocol.js';
import { lintShare } from './lint-share.js';

export function isLintWorker(): boolean {
  return parentPort !== null && isLintJob(workerData);
}

export function runLintWorker(): void {
  const job: unknown = workerData;
  let reply: LintReply;
  if (!isLintJob(job)) {
    reply = { ok: false, message: 'lint worker started without a job' };
  } else {
    try {
      reply = { ok: true, ...lintShare(job.sources, job.contextSources, job.profileSources, job.config) };
    } catch (e) {
      reply = { ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  }
  parentPort?.postMessage(reply);
}
