// Markdown fragments about one ExplainItem, shared by the hover and the full explanation.
// Every fragment copes with the fields core leaves null (no overhead, no resources, no nodes).

import { HYPERVISOR_LABELS, positionOf, type ExplainItem, type SourceFiles } from '@l1vh/core';
import { md, mebibytes, quantity, SHORT_HYPERVISOR } from './format.js';
import { causeText, VERDICT_LABEL, verdictOf } from './verdict.js';

/** The verdict as a markdown headline: the hypervisor when it runs, else why not. */
export function outcomeHeadline(item: ExplainItem): string {
  const v = verdictOf(item);
  if (v.verdict !== 'runs') {
    const label = VERDICT_LABEL[v.verdict];
    return `$(error) **${label[0]!.toUpperCase()}${label.slice(1)}**: ${md(v.reason)}`;
  }
  if (!item.hypervisor) return '**Runs** (hypervisor unknown)';
  return `**${HYPERVISOR_LABELS[item.hypervisor]}** · libvirt domain type \`${item.domainType ?? '?'}\``;
}

/** One line per cause of a verdict other than `runs`, with the line it points at. */
export function causeLines(item: ExplainItem, files: SourceFiles): string[] {
  return verdictOf(item, files).causes.map((c) => `- ${causeText(c, { markdown: true })}`);
}

function nodeOutcome(n: ExplainItem['nodes'][number]): string {
  if (!n.eligible) return 'not schedulable';
  return n.hypervisor ? SHORT_HYPERVISOR[n.hypervisor] : `fails (${n.error ?? 'unknown error'})`;
}

/** "MSHV (L1VH) on a, b; not schedulable on c": nodes grouped by what they would give. */
export function nodeSummary(item: ExplainItem, maxNames = 3): string | undefined {
  if (item.nodes.length === 0) return undefined;
  const groups = new Map<string, string[]>();
  for (const n of item.nodes) groups.set(nodeOutcome(n), [...(groups.get(nodeOutcome(n)) ?? []), n.node]);
  return [...groups].map(([what, names]) => {
    const shown = names.slice(0, maxNames).map((x) => `\`${x}\``).join(', ');
    return `${md(what)} on ${shown}${names.length > maxNames ? ` +${names.length - maxNames} more` : ''}`;
  }).join('; ');
}

/** One line per node, with the reasons a node cannot take the pod. */
export function nodeLines(item: ExplainItem): string[] {
  return item.nodes.map((n) => `- \`${n.node}\`: ${md(nodeOutcome(n))}${n.reasons.length > 0 ? `: ${md(n.reasons.join('; '))}` : ''}`);
}

export function overheadLine(item: ExplainItem, top: number): string {
  if (item.overheadBytes === null) return 'Overhead: not computed for this VM.';
  const controller = item.controllerOverheadBytes !== null && item.controllerOverheadBytes !== item.overheadBytes ? ` (virt-controller: ${mebibytes(item.controllerOverheadBytes)})` : '';
  // Controller-only terms (network bindings) are not part of GetMemoryOverhead's total.
  const terms = item.overheadTerms.filter((t) => t.scope !== 'controller').sort((a, b) => b.bytes - a.bytes);
  const shown = terms.slice(0, top).map((t) => `${md(t.label)} ${mebibytes(t.bytes)}`);
  const rest = terms.length > shown.length ? `, +${terms.length - shown.length} more` : '';
  return `Overhead **${mebibytes(item.overheadBytes)}**${controller}${shown.length > 0 ? ` = ${shown.join(', ')}${rest}` : ''}`;
}

export function overheadTable(item: ExplainItem, files: SourceFiles): string[] {
  if (item.overheadTerms.length === 0) return [];
  const at = (spot: NonNullable<ExplainItem['overheadTerms'][number]['source']>): string => {
    const p = positionOf(spot, files);
    return `${p.line}:${p.col}`;
  };
  const rows = [...item.overheadTerms].sort((a, b) => b.bytes - a.bytes).map((t) => `| ${md(t.label)}${t.scope === 'controller' ? ' (virt-controller only)' : ''} | ${mebibytes(t.bytes)} | ${md(t.cause)} | ${t.source ? at(t.source) : ''} |`);
  return ['| term | size | cause | line |', '| --- | ---: | --- | --- |', ...rows];
}

export function resourcesLine(item: ExplainItem): string {
  const r = item.launcherResources;
  if (!r) return 'Launcher pod resources: not computed for this VM.';
  const fmt = (rec: Record<string, string> | undefined): string => Object.entries(rec ?? {}).map(([k, v]) => `${md(k)} ${md(quantity(v) ?? v)}`).join(', ') || 'none';
  return `Launcher pod: requests ${fmt(r.requests)}; limits ${fmt(r.limits)}`;
}
