// The one verdict every surface shows (CodeLens, hover header, preview header, status bar):
// core's `item.verdict` and `item.causes`, read here only. No surface decides "runs or not".

import type { SourcePosition, SourceSpot, Verdict } from '@l1vh/core';
import { SHORT_HYPERVISOR, type AnyItem } from './format.js';

export type { Verdict };

/** One reason a VM does not run, at the field it is about when known (an offset, or a line once located). */
export interface VerdictCause {
  field?: string;
  message: string;
  source?: SourceSpot | SourcePosition;
}

/** The 1-based line of a cause, when its item was located (locateItem). */
export function causeLine(c: VerdictCause): number | undefined {
  return c.source && 'line' in c.source ? c.source.line : undefined;
}

/** The offset of a cause, when its item is core's own (not located). */
export function causeSpot(c: VerdictCause): SourceSpot | undefined {
  return c.source && 'offset' in c.source ? c.source : undefined;
}

export interface VerdictView {
  verdict: Verdict;
  /** One line: "MSHV (L1VH)", "rejected: …", "unschedulable: …", "cannot launch: …". */
  headline: string;
  /** Why it does not run (empty when it runs). */
  causes: VerdictCause[];
}

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  runs: 'runs',
  rejected: 'rejected',
  unschedulable: 'unschedulable',
  'launch-fails': 'cannot launch',
};

export function verdictOf(item: AnyItem): VerdictView {
  const verdict = item.verdict;
  // Core gives KubeVirt's causes for `rejected`; the other verdicts say why in nodes and error.
  const causes: VerdictCause[] = item.causes.map((c) => ({ ...(c.field ? { field: c.field } : {}), message: c.message, ...(c.source ? { source: c.source } : {}) }));
  if (verdict !== 'runs' && causes.length === 0) causes.push(...fallbackCauses(item, verdict));
  return { verdict, headline: headline(item, verdict, causes), causes };
}

function headline(item: AnyItem, verdict: Verdict, causes: readonly VerdictCause[]): string {
  if (verdict === 'runs') return item.hypervisor ? SHORT_HYPERVISOR[item.hypervisor] : 'runs (hypervisor unknown)';
  const first = causes[0];
  const why = first ? (first.field && !first.message.includes(first.field) ? `${first.field}: ${first.message}` : first.message) : (item.error ?? item.decision.summary);
  return `${VERDICT_LABEL[verdict]}: ${why}${causes.length > 1 ? ` (+${causes.length - 1} more)` : ''}`;
}

function fallbackCauses(item: AnyItem, verdict: Verdict): VerdictCause[] {
  // unschedulable: each node's reasons, when the nodes say why (an out-of-range value says it in error)
  const nodes = verdict === 'unschedulable' ? item.nodes.filter((n) => !n.eligible && n.reasons.length > 0) : [];
  if (nodes.length > 0) return nodes.map((n) => ({ message: `${n.node}: ${n.reasons.join(', ')}` }));
  return [{ message: item.error ?? item.decision.summary }];
}

/** Shortens a one-line text to `max` characters (the full text goes to a tooltip). */
export function shorten(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** Wraps text at word boundaries to lines of at most `width` characters (long words stay whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
