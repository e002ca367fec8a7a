// The hover: outcome, overhead, pod resources and a short trace, plus what the hovered field
// itself changes. Kept short enough to fit the hover widget without scrolling.

import type { ExplainItem, SourceSpot } from '@l1vh/core';
import { md, mebibytes, vmTitle } from './format.js';
import { nodeSummary, outcomeHeadline, overheadLine, resourcesLine } from './vm-facts.js';

export interface FieldFocus {
  /** Dotted path of the hovered field, relative to the object. */
  label: string;
  /** Whether a core source position lies inside the hovered field. */
  contains: (spot: SourceSpot) => boolean;
}

export interface CommandLinks {
  preview: string;
  explain: string;
}

const TOP_TERMS = 3;
const TRACE_STEPS = 3;
/** Steps shown elsewhere (headline, node summary, status bar). */
const HIDDEN_STEPS = new Set(['node', 'outcome', 'kubevirt-version']);

export function hoverMarkdown(item: ExplainItem, targetLabel: string, focus: FieldFocus | undefined, links: CommandLinks): string {
  const out: string[] = [`**l1vh** · ${md(vmTitle(item))} · ${md(targetLabel)}`, ''];
  if (focus) out.push(...fieldEffects(item, focus), '');
  const nodes = nodeSummary(item);
  out.push(`${outcomeHeadline(item)}${nodes ? ` — ${nodes}` : ''}`, '');
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

/** What the hovered field contributes: overhead terms and decision steps it caused. */
function fieldEffects(item: ExplainItem, focus: FieldFocus): string[] {
  const lines: string[] = [];
  for (const t of item.overheadTerms) {
    if (t.source && focus.contains(t.source)) lines.push(`- adds **${mebibytes(t.bytes)}** overhead: ${md(t.label)} (${md(t.cause)})`);
  }
  for (const s of item.decision.steps) {
    if (s.source && focus.contains(s.source)) lines.push(`- decides \`${s.rule}\` → ${md(s.outcome)}: ${md(s.reason)}`);
  }
  if (lines.length === 0) return [`\`${md(focus.label)}\`: no effect on hypervisor or overhead found.`];
  return [`\`${md(focus.label)}\`:`, ...lines];
}
