// Messages between the lint pool and its workers (structured-clone plain data only).

import type { Finding, LintConfig, SourceText } from '@l1vh/core';

export const WORKER_TAG = 'l1vh-lint-worker';
/** argv of a lint worker: lets the bundle tell it is a worker without loading worker_threads. */
export const WORKER_ARG = '--l1vh-lint-worker';

/** workerData of a lint worker: one share of the files, linted once, then the worker exits. */
export interface LintJob {
  tag: typeof WORKER_TAG;
  /** The files this worker lints, in input order. */
  sources: SourceText[];
  /** Files of other shares that may hold instancetypes, PVCs, … the share's VMs resolve against. */
  contextSources: SourceText[];
  profileSources: SourceText[];
  config: LintConfig;
  /** -n NS for objects without metadata.namespace. */
  namespace?: string;
}

export type LintReply =
  | { ok: true; findings: Finding[]; objects: number; profileFindings: Finding[] }
  | { ok: false; message: string };

export function isLintJob(data: unknown): data is LintJob {
  return typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === WORKER_TAG;
}
