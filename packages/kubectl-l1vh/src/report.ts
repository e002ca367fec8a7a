// Messages about the run go to stderr, one line each: file:line:col: severity CODE: message.

import { createSourceFile, type Finding, type SourceText } from '@l1vh/core';
import type { CliIO } from './io.js';
import type { InputProblem } from './read-inputs.js';

/** Exit codes, listed in --help: see docs/cli.md. */
export const EXIT = {
  OK: 0,
  /** Findings at or above --fail-on, or invalid input manifests. */
  FINDINGS: 1,
  /** Usage, configuration, I/O or internal error. */
  USAGE: 2,
  /** The cluster could not be read (unreachable, TLS, 401/403, timeout, bad kubeconfig). */
  CLUSTER: 3,
} as const;

export function printProblems(problems: readonly InputProblem[], io: CliIO): void {
  for (const p of problems) io.stderr(`${p.file}: error IO_ERROR: ${p.message}\n`);
}

export function findingLine(f: Finding, sources: readonly SourceText[]): string {
  const where = f.range ? locationOf(f.range.file, f.range.start, sources) : undefined;
  const rule = f.ruleId ?? f.code;
  return `${where ? where + ': ' : ''}${f.severity} ${rule}: ${f.message}`;
}

export function printFindings(findings: readonly Finding[], sources: readonly SourceText[], io: CliIO): void {
  for (const f of findings) io.stderr(findingLine(f, sources) + '\n');
}

const lineIndexCache = new WeakMap<SourceText, ReturnType<typeof createSourceFile>>();

/** 1-based line and column of an offset in one of the sources (the edge where offsets become positions). */
export function linePosOf(file: string, offset: number, sources: readonly SourceText[]): { line: number; col: number } | undefined {
  const src = sources.find((s) => s.path === file);
  if (!src) return undefined;
  let sf = lineIndexCache.get(src);
  if (!sf) lineIndexCache.set(src, (sf = createSourceFile(src.path, src.text)));
  return sf.lines.linePos(offset);
}

export function locationOf(file: string, offset: number, sources: readonly SourceText[]): string {
  const pos = linePosOf(file, offset, sources);
  return pos ? `${file}:${pos.line}:${pos.col}` : file;
}
