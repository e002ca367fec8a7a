// Markdown for the hover and for "Explain in full": the same facts, short or complete.

import type { ExplainItem, SourcePosition } from '@l1vh/core';
import { HYPERVISOR_LABELS } from '@l1vh/core';
import { md, mebibytes, quantity, SHORT_HYPERVISOR, vmTitle } from './format.js';

export interface FieldFocus {
  /** Dotted path of the hovered field, relative to the object. */
  label: string;
  /** Whether a source position lies inside the hovered field. */
  contains: (pos: SourcePosition) => boolean;
}

export interface CommandLinks {
  preview: string;
  explain: string;
}

const TOP_TERMS = 3;
const TRACE_STEPS = 4;

export function hoverMarkdown(item: ExplainItem, targetLabel: string, focus: FieldFocus | undefined, links: CommandLinks): string {
  const out: string[] = [`**l1vh** · ${md(vmTitle(item))} · ${md(targetLabel)}`, ''];
  if (focus) out.push(...fieldEffects(item, focus), '');
  out.push(...outcomeLines(item), '');
  const steps = item.decision.steps.filter((s) => s.rule !== 'node').slice(-TRACE_STEPS);
  if (steps.length > 0) {
    out.push('Why:');
    for (const s of steps) out.push(`- \`${s.rule}\` → ${md(s.outcome)}: ${md(s.reason)}`);
    out.push('');
  }
  out.push(...overheadLines(item, TOP_TERMS), ...resourceLines(item), '');
  out.push(`[Open domain XML preview](${links.preview}) · [Explain in full](${links.explain})`);
  return out.join('\n');
}

export function explainMarkdown(item: ExplainItem, targetLabel: string, targetNotes: string[]): string {
  const out: string[] = [`# ${vmTitle(item)}`, '', `Target: ${md(targetLabel)} · KubeVirt ${item.kubevirtVersion} · semantics \`${item.semantics}\``, ''];
  for (const n of targetNotes) out.push(`> ${md(n)}`, '');
  out.push('## Outcome', '', ...outcomeLines(item), '', `Summary: ${md(item.decision.summary)}`, '');
  if (item.decision.steps.length > 0) {
    out.push('## Decision trace', '', '| rule | outcome | reason | source |', '| --- | --- | --- | --- |');
    for (const s of item.decision.steps) out.push(`| \`${s.rule}\` | ${md(s.outcome)} | ${md(s.reason)} | ${s.source ? `${md(s.source.file)}:${s.source.line}:${s.source.col}` : md(s.label ?? '')} |`);
    out.push('');
  }
  out.push('## Memory overhead', '', ...overheadLines(item, Infinity), '', '## virt-launcher pod', '', ...resourceLines(item), '');
  if (item.notes.length > 0) out.push('## Notes', '', ...item.notes.map((n) => `- ${md(n)}`), '');
  if (item.domainXml) out.push('## Domain XML', '', '```xml', item.domainXml, '```', '');
  return out.join('\n');
}

function outcomeLines(item: ExplainItem): string[] {
  const head = item.error
    ? `$(error) **Cannot launch**: ${md(item.error)}`
    : item.hypervisor
      ? `**${HYPERVISOR_LABELS[item.hypervisor]}** · libvirt domain type \`${item.domainType ?? '?'}\``
      : '**Hypervisor unknown**';
  const lines = [head];
  if (item.nodes.length > 0) {
    lines.push('');
    for (const n of item.nodes) {
      const what = n.eligible ? (n.hypervisor ? SHORT_HYPERVISOR[n.hypervisor] : `fails: ${n.error ?? '?'}`) : `not schedulable: ${n.reasons.join('; ')}`;
      lines.push(`- node \`${n.node}\`: ${md(what)}`);
    }
  }
  return lines;
}

function overheadLines(item: ExplainItem, top: number): string[] {
  if (item.overheadBytes === null) return ['Overhead: not computed for this VM.'];
  const controller = item.controllerOverheadBytes !== null && item.controllerOverheadBytes !== item.overheadBytes ? ` (virt-controller: ${mebibytes(item.controllerOverheadBytes)})` : '';
  const terms = [...item.overheadTerms].sort((a, b) => b.bytes - a.bytes);
  const shown = terms.slice(0, top).map((t) => `${md(t.label)} ${mebibytes(t.bytes)}`);
  const rest = terms.length > shown.length ? `, +${terms.length - shown.length} more` : '';
  return [`Overhead: **${mebibytes(item.overheadBytes)}**${controller}${shown.length > 0 ? ` = ${shown.join(', ')}${rest}` : ''}`];
}

function resourceLines(item: ExplainItem): string[] {
  const r = item.launcherResources;
  if (!r) return ['Launcher pod resources: not computed for this VM.'];
  const fmt = (rec: Record<string, string>): string => Object.entries(rec).map(([k, v]) => `${md(k)} ${md(quantity(v) ?? v)}`).join(', ') || 'none';
  return [`Launcher pod: requests ${fmt(r.requests)}; limits ${fmt(r.limits)}`];
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
