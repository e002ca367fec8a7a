// The preview document's text: core's domain XML when the VM runs; otherwise an XML comment with
// the verdict and its causes (wrapped, so nothing runs off the editor), followed by the XML the
// pipeline still produced, labelled as what the VM would get if it ran.

import type { ExplainItem, SourceFiles } from '@l1vh/core';
import { vmTitle } from './format.js';
import { VERDICT_LABEL, causeText, verdictOf, wrap } from './verdict.js';

/** Columns of the comment text (the comment's two-space indent comes on top). */
export const PREVIEW_WRAP = 96;

/** The preview; causes get their lines when `files` (the places' files) is given. */
export function previewText(item: ExplainItem | undefined, missing?: string, files?: SourceFiles): string {
  if (!item) return comment([`l1vh: ${missing ?? 'no VM-like object here'}`]);
  const v = verdictOf(item, files);
  if (v.verdict === 'runs' && item.domainXml !== null) return item.domainXml;
  const lines = [`l1vh: ${vmTitle(item)} on ${item.kubevirtVersion}`];
  if (v.verdict === 'runs') lines.push('No domain XML: the converter produced none for this VM.');
  else {
    lines.push(`Verdict: ${VERDICT_LABEL[v.verdict]} (${v.verdict}).`);
    for (const c of v.causes) lines.push(...hang(`- ${causeText(c)}`));
    if (item.decision.summary && !v.causes.some((c) => item.decision.summary.includes(c.message))) lines.push(...hang(`Decision: ${item.decision.summary}`));
  }
  for (const n of item.nodes) if (v.verdict !== 'runs') lines.push(...hang(`node ${n.node}: ${n.error ?? n.hypervisor ?? (n.reasons.join('; ') || 'ineligible')}`));
  for (const note of item.notes) lines.push(...hang(`note: ${note}`));
  if (item.domainXml !== null) {
    lines.push('', 'The domain XML below is what the VM would get if it ran; KubeVirt would not create it.');
    return `${comment(lines)}${item.domainXml}`;
  }
  return comment(lines);
}

/** A long line wrapped, continuation lines indented under its text. */
function hang(text: string): string[] {
  return wrap(text, PREVIEW_WRAP).map((l, i) => (i === 0 ? l : `  ${l}`));
}

function comment(lines: string[]): string {
  return `<!--\n${lines.map((l) => (l ? `  ${l.replace(/--/g, '- -')}` : '')).join('\n')}\n-->\n`;
}
