// The worker side of the lint pool. bin.ts calls runLintWorker() when the bundle is started as
// a worker thread (the worker script is the executable itself: nothing more to ship).

import { isLintJob, type LintReply } from './protocol.js';
import { workerThreads } from './is-worker.js';
import { lintShare } from './lint-share.js';
import { readFromDisk } from '../read-inputs.js';

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
