// One share of a lint run, as a worker (or the main thread) executes it: the files are read and
// linted a batch at a time, and only the located findings of a batch are kept, so memory stays
// bounded by a batch whatever the size of the tree. The profile (plus the cross-file context) is
// built once per thread; core caches the built-in instancetypes per thread too.

import { lintSources, loadObjects, resolveProfile, type Finding, type LintConfig, type ProfileRequest, type SourceText } from '@l1vh/core';
import { locateFindings, type LocatedFinding } from '../lint-report.js';
import type { InputFile, InputProblem } from '../read-inputs.js';

/** Bytes of YAML linted at a time (~190 manifests of the bench corpus: smaller batches promote less garbage to the old generation, so each thread's heap grows less). */
export const BATCH_BYTES = 256 * 1024;

export interface ShareResult {
  /** Findings with 1-based positions, in input order. */
  findings: LocatedFinding[];
  objects: number;
  profileFindings: Finding[];
  /** Files that could not be read again when their batch came (changed since they were listed). */
  problems: InputProblem[];
}

export interface ShareJob {
  files: readonly InputFile[];
  /** Sources whose objects every VM resolves against (instancetypes, PVCs, … of any file). */
  context: readonly SourceText[];
  profileSources: Omit<ProfileRequest, 'inputs'>;
  config: LintConfig;
  namespace?: string | undefined;
  /** Bytes per batch; Infinity lints all files at once, exactly as core's lintSources. */
  batchBytes: number;
}

/**
 * Lints `job.files` batch by batch. Each batch is linted by core's lintSources against the
 * profile plus the objects of `job.context` (every file of the run that may hold context, in
 * input order), so a VM resolves an instancetype defined in another batch or share, and a name
 * defined twice resolves to its last definition, as when all files are linted at once.
 */
export function lintShare(job: ShareJob, read: (path: string) => SourceText | InputProblem): ShareResult {
  const { context, config, namespace } = job;
  const contextObjects = context.length > 0 ? loadObjects(context, { namespace }).objects : [];
  const { profile, findings: profileFindings } = resolveProfile({ ...job.profileSources, inputs: contextObjects });
  const out: ShareResult = { findings: [], objects: 0, profileFindings, problems: [] };
  let batch: SourceText[] = [];
  let bytes = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const r = lintSources(batch, profile, { config, namespace, profileHasInputs: context.length > 0 || job.batchBytes !== Infinity });
    out.objects += r.objects;
    // A copy: a message may be a slice of the file's text, which would keep the whole text alive.
    for (const f of structuredClone(locateFindings(r.findings, context.length > 0 ? [...batch, ...context] : batch))) out.findings.push(f);
    batch = [];
    bytes = 0;
  };
  for (const f of job.files) {
    const s = f.source ?? read(f.path);
    if ('file' in s) {
      out.problems.push(s);
      continue;
    }
    batch.push(s);
    bytes += f.bytes;
    if (bytes >= job.batchBytes) flush();
  }
  flush();
  return out;
}
