// The preview document's text: core's domain XML, or an XML comment saying why there is none.

import { vmTitle, type AnyItem } from './format.js';

export function previewText(item: AnyItem | undefined, missing?: string): string {
  if (!item) return comment([`l1vh: ${missing ?? 'no VM-like object here'}`]);
  if (item.domainXml !== null && !item.error) return item.domainXml;
  const lines = [`l1vh: ${vmTitle(item)} on ${item.kubevirtVersion}`];
  if (item.error) lines.push(`This VM cannot launch: ${item.error}`, `Decision: ${item.decision.summary}`);
  else lines.push('No domain XML: the converter produced none for this VM.');
  for (const n of item.nodes) lines.push(`node ${n.node}: ${n.error ?? n.hypervisor ?? (n.reasons.join('; ') || 'ineligible')}`);
  for (const note of item.notes) lines.push(`note: ${note}`);
  return comment(lines);
}

function comment(lines: string[]): string {
  return `<!--\n${lines.map((l) => `  ${l.replace(/--/g, '- -')}`).join('\n')}\n-->\n`;
}
