// Messages between the lint pool and its workers (structured-clone plain data only).

import type { LintConfig, ProfileRequest, SourceText } from '@l1vh/core';
import type { InputFile } from '../read-inputs.js';
import type { ShareResult } from './lint-share.js';

export const WORKER_TAG = 'l1vh-lint-worker';
/** argv of a lint worker: lets the bundle tell it is a worker without loading worker_threads. */
export const WORKER_ARG = '--l1vh-lint-worker';

/** workerData of a lint worker: one share of the files, linted once, then the worker exits. */
export interface LintJob {
  tag: typeof WORKER_TAG;
  /** The files this worker lints, in input order; a file without `source` is read by the worker. */
  files: InputFile[];
  /** Every input file that may hold instancetypes, PVCs, … (any share's VMs resolve against them). */
  context: SourceText[];
  profileSources: Omit<ProfileRequest, 'inputs'>;
  config: LintConfig;
  /** Bytes of files linted at a time: a batch's parse trees are dropped before the next is read. */
  batchBytes: number;
  /** -n NS for objects without metadata.namespace. */
  namespace?: string;
}

export type LintReply = ({ ok: true } & ShareResult) | { ok: false; message: string };

export function isLintJob(data: unknown): data is LintJob {
  return typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === WORKER_TAG;
}
