// The one verdict every surface shows (CodeLens, hover header, preview header, status bar):
// core's `item.verdict` and `item.causes`, read here only. No surface decides "runs or not".

import { positionOf, type ExplainItem, type SourceFiles, type SourceSpot, type Verdict } from '@l1vh/core';
import { md, SHORT_HYPERVISOR } from './format.js';

export type { Verdict };

/** One reason a VM does not run, at the field it is about when known. */
export interface VerdictCause {
  field?: string;
  message: string;
  /** Core's place of the cause (an offset). */
  source?: SourceSpot;
  /** Its 1-based line, when placed and verdictOf was given the files. */
  line?: number;
}

export interface VerdictView {
  verdict: Verdict;
  /** One line: "MSHV (L1VH)", "rejected: …", "unschedulable: …", "cannot launch: …". */
  headline: string;
  /** The headline after its verdict label ("…" of "rejected: …"); '' when it runs. */
  reason: string;
  /** Why it does not run (empty when it runs). */
  causes: VerdictCause[];
}

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  runs: 'runs',
  rejected: 'rejected',
  unschedulable: 'unschedulable',
  'launch-fails': 'cannot launch',
};

/** The verdict of an item; with the files its places point into, each cause gets its line. */
export function verdictOf(item: ExplainItem, files?: SourceFiles): VerdictView {
  const verdict = item.verdict;
  // Core gives KubeVirt's causes for `rejected`; the other verdicts say why in nodes and error.
  const causes: VerdictCause[] = item.causes.map((c) => ({
    ...(c.field ? { field: c.field } : {}),
    message: c.message,
    ...(c.source ? { source: c.source, ...(files ? { line: positionOf(c.source, files).line } : {}) } : {}),
  }));
  if (verdict !== 'runs' && causes.length === 0) causes.push(...fallbackCauses(item, verdict));
  if (verdict === 'runs') return { verdict, headline: item.hypervisor ? SHORT_HYPERVISOR[item.hypervisor] : 'runs (hypervisor unknown)', reason: '', causes };
  const first = causes[0];
  const reason = `${first ? causeText(first, { line: false }) : (item.error ?? item.decision.summary)}${causes.length > 1 ? ` (+${causes.length - 1} more)` : ''}`;
  return { verdict, headline: `${VERDICT_LABEL[verdict]}: ${reason}`, reason, causes };
}

/**
 * A cause as one line: "line 10: field: message". `line` (default on) adds its line when known;
 * `field` (default on) its field when the message does not name it; `markdown` escapes the text
 * and puts the field in code.
 */
export function causeText(c: VerdictCause, opts: { markdown?: boolean; field?: boolean; line?: boolean } = {}): string {
  const line = opts.line !== false && c.line !== undefined ? `line ${c.line}: ` : '';
  const field = opts.field !== false && c.field && !c.message.includes(c.field) ? (opts.markdown ? `\`${md(c.field)}\`: ` : `${c.field}: `) : '';
  return `${line}${field}${opts.markdown ? md(c.message) : c.message}`;
}

function fallbackCauses(item: ExplainItem, verdict: Verdict): VerdictCause[] {
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
