// The hovers. On a VM's `kind` or `metadata.name`: the full card (verdict, nodes, overhead, pod,
// a short trace). On any field below `spec`: a few lines about that field only — what it does to
// the domain XML, overhead or pod, the overhead terms and decisions it caused, and the problems
// reported on it — under the same verdict line.

import type { ExplainItem, SourceFiles, SourceSpot } from '@l1vh/core';
import { md, mebibytes, vmTitle } from './format.js';
import { shorten, verdictOf } from './verdict.js';
import { causeLines, nodeSummary, outcomeHeadline, overheadLine, resourcesLine } from './vm-facts.js';

export interface FieldFocus {
  /** Dotted path of the hovered field, relative to the object. */
  label: string;
  /** What the field does (field-effects.ts), when known. */
  effect: string | undefined;
  /** Whether a core source position lies inside the hovered field. */
  contains: (spot: SourceSpot) => boolean;
  /** Problems (diagnostics) reported inside the hovered field. */
  problems: readonly FieldProblem[];
}

/** A diagnostic as the field hover shows it, with the lint rule (or input code) behind it. */
export interface FieldProblem {
  text: string;
  rule: string | undefined;
}

/**
 * Findings that restate a KubeVirt cause at its field: admission-rejected's own, and the stages it
 * leaves to other rules (see core's admission-rejected rule). Under a cause they add nothing.
 */
const CAUSE_RULES: ReadonlySet<string> = new Set(['admission-rejected', 'unknown-field', 'WRONG_TYPE', 'instancetype-conflict', 'unknown-instancetype']);

export interface CommandLinks {
  preview: string;
  explain: string;
}

const TOP_TERMS = 3;
const TRACE_STEPS = 3;
/** Characters of the verdict line in a field hover. */
const FIELD_VERDICT_CHARS = 90;
/** Steps shown elsewhere (headline, node summary, status bar). */
const HIDDEN_STEPS = new Set(['node', 'outcome', 'kubevirt-version']);

/** The full card, on `kind` and `metadata.name` (causes with their lines in `files`). */
export function hoverMarkdown(item: ExplainItem, files: SourceFiles, targetLabel: string, links: CommandLinks): string {
  const out: string[] = [`**l1vh** · ${md(vmTitle(item))} · ${md(targetLabel)}`, ''];
  const nodes = nodeSummary(item);
  out.push(`${outcomeHeadline(item)}${nodes ? ` — ${nodes}` : ''}`, '');
  const causes = causeLines(item, files);
  if (causes.length > 1) out.push(...causes, '');
  out.push(`${overheadLine(item, TOP_TERMS)}  `, resourcesLine(item), '');
  // links before the trace: the hover widget scrolls, and the trace is the least needed part
  out.push(`[Open domain XML preview](${links.preview}) · [Explain in full](${links.explain})`, '');
  const steps = item.decision.steps.filter((s) => !HIDDEN_STEPS.has(s.rule)).slice(0, TRACE_STEPS);
  if (steps.length > 0) {
    out.push('Why:');
    for (const s of steps) out.push(`- \`${s.rule}\` → ${md(s.outcome)}: ${md(s.reason)}`);
  }
  return out.join('\n');
}

/** A few lines about one field, under the VM's verdict line. */
export function fieldHoverMarkdown(item: ExplainItem, focus: FieldFocus, links: CommandLinks): string {
  const v = verdictOf(item);
  const icon = v.verdict === 'runs' ? '$(pass)' : '$(error)';
  const out: string[] = [`**l1vh** · \`${md(focus.label)}\` · ${icon} ${md(shorten(v.headline, FIELD_VERDICT_CHARS))}`, ''];
  const lines: string[] = [];
  if (focus.effect) lines.push(focus.effect);
  const seen = new Set<string>();
  for (const c of v.causes) {
    if (c.source && focus.contains(c.source) && !seen.has(c.message)) {
      seen.add(c.message);
      lines.push(`- $(error) ${md(c.message)}`);
    }
  }
  const causeShown = seen.size > 0;
  for (const p of focus.problems) {
    if (seen.has(p.text) || (causeShown && p.rule !== undefined && CAUSE_RULES.has(p.rule))) continue;
    seen.add(p.text);
    lines.push(`- $(warning) ${md(p.text)}`);
  }
  for (const t of item.overheadTerms) {
    if (t.source && focus.contains(t.source)) lines.push(`- adds **${mebibytes(t.bytes)}** overhead: ${md(t.label)} (${md(t.cause)})`);
  }
  for (const s of item.decision.steps) {
    if (s.source && focus.contains(s.source)) lines.push(`- decides \`${s.rule}\` → ${md(s.outcome)}: ${md(s.reason)}`);
  }
  if (lines.length === 0) lines.push('No effect on the domain XML, the overhead or the launcher pod that l1vh models.');
  out.push(...lines, '', `[Open domain XML preview](${links.preview}) · [Explain in full](${links.explain})`);
  return out.join('\n');
}
