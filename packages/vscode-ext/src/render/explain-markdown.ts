// "Explain in full": the whole ExplainItem as a markdown report (trace, nodes, every overhead term).

import { positionOf, type ExplainItem, type SourceFiles } from '@l1vh/core';
import { md, vmTitle } from './format.js';
import { causeLines, nodeLines, outcomeHeadline, overheadLine, overheadTable, resourcesLine } from './vm-facts.js';

/** The report; places in `files` are shown as line/col. */
export function explainMarkdown(item: ExplainItem, files: SourceFiles, targetLabel: string, targetNotes: readonly string[]): string {
  const out: string[] = [`# ${vmTitle(item)}`, '', `Target: ${md(targetLabel)} · KubeVirt ${item.kubevirtVersion} · semantics \`${item.semantics}\``, ''];
  for (const n of targetNotes) out.push(`> ${md(n)}`, '');
  out.push('## Outcome', '', outcomeHeadline(item).replace('$(error) ', ''), '');
  const causes = causeLines(item, files);
  if (causes.length > 0) out.push(...causes, '');
  out.push(`Summary: ${md(item.decision.summary)}`, '');
  if (item.nodes.length > 0) out.push('## Nodes', '', ...nodeLines(item), '');
  if (item.decision.steps.length > 0) {
    out.push('## Decision trace', '', '| rule | outcome | reason | source |', '| --- | --- | --- | --- |');
    for (const s of item.decision.steps) {
      const at = s.source && positionOf(s.source, files);
      const where = at ? `${md(at.file)}:${at.line}:${at.col}` : md(s.label ?? '');
      out.push(`| \`${s.rule}\` | ${md(s.outcome)} | ${md(s.reason)} | ${where} |`);
    }
    out.push('');
  }
  out.push('## Memory overhead', '', overheadLine(item, 0), '', ...overheadTable(item, files), '', '## virt-launcher pod', '', resourcesLine(item), '');
  if (item.notes.length > 0) out.push('## Notes', '', ...item.notes.map((n) => `- ${md(n)}`), '');
  if (item.domainXml) out.push('## Domain XML', '', '```xml', item.domainXml.trimEnd(), '```', '');
  return out.join('\n');
}
