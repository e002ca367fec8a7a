// Messages between the lint pool and its workers (structured-clone plain data only).

import type { ShareJob, ShareResult } from './lint-share.js';

export const WORKER_TAG = 'l1vh-lint-worker';
/** argv of a lint worker: lets the bundle tell it is a worker without loading worker_threads. */
export const WORKER_ARG = '--l1vh-lint-worker';

/** workerData of a lint worker: one share of the files (ShareJob), linted once, then the worker exits. */
export type LintJob = ShareJob & { tag: typeof WORKER_TAG };

export type LintReply = ({ ok: true } & ShareResult) | { ok: false; message: string };

export function isLintJob(data: unknown): data is LintJob {
  return typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === WORKER_TAG;
}
