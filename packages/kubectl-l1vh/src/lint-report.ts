// The lint report every formatter renders: findings with 1-based positions (resolved here, at
// the edge, from core's offsets), the files linted and the rule table.

import { RULES, type Finding, type Rule, type Severity, type SourceText } from '@l1vh/core';
import { linePosOf } from './report.js';

export interface LocatedFinding {
  /** The rule id, or the input code (YAML_SYNTAX, …) for problems found while reading. */
  ruleId: string;
  messageId?: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endCol?: number;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
  /** Repository path of the rule's documentation. */
  doc: string;
}

export interface LintReport {
  findings: LocatedFinding[];
  /** Every file linted, in input order (clean ones included). */
  files: string[];
  /** VM-like objects checked. */
  objects: number;
  rules: RuleInfo[];
  /** The absolute working directory relative file paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export function ruleTable(): RuleInfo[] {
  return (Object.values(RULES) as Rule[]).map((r) => ({ id: r.id, severity: r.meta.severity, description: r.meta.description, doc: `docs/rules/${r.id}.md` }));
}

export function locateFindings(findings: readonly Finding[], sources: readonly SourceText[]): LocatedFinding[] {
  return findings.map((f) => {
    const base: LocatedFinding = { ruleId: f.ruleId ?? f.code, ...(f.messageId ? { messageId: f.messageId } : {}), severity: f.severity, message: f.message };
    if (!f.range) return base;
    const start = linePosOf(f.range.file, f.range.start, sources);
    const end = linePosOf(f.range.file, Math.max(f.range.end, f.range.start), sources);
    if (!start || !end) return { ...base, file: f.range.file };
    return { ...base, file: f.range.file, line: start.line, col: start.col, endLine: end.line, endCol: end.col };
  });
}

/** `file:line:col` (or less, when unknown). */
export function whereOf(f: LocatedFinding): string | undefined {
  if (!f.file) return undefined;
  return f.line === undefined ? f.file : `${f.file}:${f.line}:${f.col}`;
}

/** A lint finding as explain shows it on its item. */
export interface ItemFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  col: number;
}

/** Groups lint findings by the explain item (VM) they are about, in item order. */
export function findingsPerItem(items: readonly { source: { file: string; offset: number } }[], findings: readonly Finding[], sources: readonly SourceText[]): ItemFinding[][] {
  const key = (p: { file: string; offset: number }): string => `${p.file}\u0000${p.offset}`;
  const byItem = new Map(items.map((it, i) => [key(it.source), i]));
  const out: ItemFinding[][] = items.map(() => []);
  const withSubject = findings.filter((f) => f.ruleId && f.subject && byItem.has(key(f.subject)));
  const located = locateFindings(withSubject, sources);
  withSubject.forEach((f, i) => {
    const l = located[i]!;
    if (l.file === undefined || l.line === undefined) return;
    out[byItem.get(key(f.subject!))!]!.push({ ruleId: l.ruleId, severity: l.severity, message: l.message, file: l.file, line: l.line, col: l.col! });
  });
  return out;
}
