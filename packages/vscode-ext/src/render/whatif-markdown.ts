// The whatif comparison as a markdown document: changes, summary, a VM table, a node table and
// the details (with the domain XML diff) of every VM that changed. Pure: no vscode import.

import { changeFlag, DOMAIN_TYPE_OF, type LocatedWhatIfItem as WhatIfItem, type LocatedWhatIfResult as WhatIfResult, type LocatedWhatIfSide as WhatIfSide, type NodeLoad } from '@l1vh/core';
import { mebibytes, quantity } from './format.js';

const pair = (b: string, a: string): string => (b === a ? b : `${b} → ${a}`);
/** Escapes what would change the meaning in markdown or break a table row; leaves ( ) [ ] readable. */
const md = (s: string): string => s.replace(/[\\`*_<>|]/g, (c) => `\\${c}`);
const cell = (s: string): string => md(s).replace(/\n/g, ' ');

function hypervisor(s: WhatIfSide): string {
  return s.hypervisor ? `${s.hypervisor} (${DOMAIN_TYPE_OF[s.hypervisor]})` : 'none';
}

function overhead(s: WhatIfSide): string {
  return s.overheadBytes === null ? '-' : mebibytes(s.overheadBytes);
}

function memory(s: WhatIfSide): string {
  return quantity(s.launcherResources?.requests.memory) ?? '-';
}

function resources(s: WhatIfSide, key: 'requests' | 'limits'): string {
  const r = s.launcherResources?.[key];
  return r ? Object.entries(r).map(([k, v]) => `${k}=${v}`).join(', ') || '-' : '-';
}

function summary(r: WhatIfResult): string {
  const s = r.summary;
  const delta = s.memoryRequestBytes.delta;
  const over = s.overcommittedNodes.after.length > 0 ? ` Over-committed after: ${s.overcommittedNodes.after.join(', ')}.` : '';
  return `${s.vms} VM(s): **${s.keepRunning} keep running** (${s.changeHypervisor} change hypervisor), **${s.stopRunning} stop launching**, ${s.startRunning} start launching${s.neverRunning ? `, ${s.neverRunning} did not and still do not launch` : ''}. Memory requests ${delta > 0 ? '+' : ''}${mebibytes(delta)} (${mebibytes(s.memoryRequestBytes.before)} → ${mebibytes(s.memoryRequestBytes.after)}).${over}`;
}

function vmTable(items: readonly WhatIfItem[]): string[] {
  const rows = items.map((it) =>
    [
      `${it.namespace}/${it.name}`,
      pair(it.before.verdict, it.after.verdict),
      pair(hypervisor(it.before), hypervisor(it.after)),
      pair(overhead(it.before), overhead(it.after)),
      pair(memory(it.before), memory(it.after)),
      [...new Set(it.changedSteps.map((s) => s.rule))].join(', ') || '-',
    ].map(cell),
  );
  return ['| VM | verdict | hypervisor | overhead | memory request | changed steps |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function nodeTable(nodes: WhatIfResult['nodes']): string[] {
  const of = (l: NodeLoad, k: string): string => quantity(l.requests[k]) ?? '0';
  const rows = nodes.map(({ node, before: b, after: a }) =>
    [
      node,
      pair(String(b.vms.length), String(a.vms.length)),
      `${pair(of(b, 'memory'), of(a, 'memory'))} / ${pair(b.allocatable.memory ?? '?', a.allocatable.memory ?? '?')}`,
      `${pair(of(b, 'cpu'), of(a, 'cpu'))} / ${pair(b.allocatable.cpu ?? '?', a.allocatable.cpu ?? '?')}`,
      ['mshv', 'kvm']
        .map((d) => `devices.kubevirt.io/${d}`)
        .filter((k) => b.requests[k] || a.requests[k] || b.allocatable[k] || a.allocatable[k])
        .map((k) => `${k.split('/')[1]} ${pair(of(b, k), of(a, k))} / ${pair(b.allocatable[k] ?? '0', a.allocatable[k] ?? '0')}`)
        .join('; ') || '-',
      pair(b.overcommitted.join(', ') || 'no', a.overcommitted.join(', ') || 'no'),
    ].map(cell),
  );
  return ['| node | pods | memory requests / allocatable | cpu requests / allocatable | hypervisor devices / allocatable | over-committed |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function details(it: WhatIfItem): string[] {
  const b = it.before;
  const a = it.after;
  const out = [`### ${md(`${it.kind} ${it.namespace}/${it.name}`)}`, '', `\`${it.source.file}:${it.source.line}\``, ''];
  out.push(`- verdict: ${cell(pair(b.verdict, a.verdict))}${a.error && a.verdict !== 'runs' ? ` (${cell(a.error)})` : ''}`);
  out.push(`- hypervisor: ${cell(pair(hypervisor(b), hypervisor(a)))}`);
  if (b.overheadBytes !== a.overheadBytes) out.push(`- memory overhead: ${cell(pair(String(b.overheadBytes ?? '-'), String(a.overheadBytes ?? '-')))} bytes`);
  for (const key of ['requests', 'limits'] as const) {
    if (resources(b, key) !== resources(a, key)) out.push(`- launcher ${key}: \`${resources(b, key)}\` → \`${resources(a, key)}\``);
  }
  for (const s of it.changedSteps) out.push(`- step \`${s.rule}\`: ${cell(s.before?.outcome ?? '(absent)')} → ${cell(s.after?.outcome ?? '(absent)')}${s.after ? ` — ${cell(s.after.reason)}` : ''}`);
  if (it.xmlDiff) out.push('', '```diff', it.xmlDiff.trimEnd(), '```');
  return out;
}

export function whatIfMarkdown(r: WhatIfResult, title: string): string {
  const out: string[] = [`# ${md(title)}`, ''];
  out.push(`Profile: ${md(r.profile)}. Changes: ${r.changes.map((c) => `\`${changeFlag(c)}\``).join(' ')}`, '');
  for (const e of r.edits) out.push(`- ${md(e.object)} \`${e.field}\`: ${md(e.before ?? '(unset)')} → ${md(e.after ?? '(unset)')}`);
  if (r.edits.length === 0) out.push('- the profile already says so: nothing changes');
  for (const n of r.notes) out.push(`- note: ${md(n)}`);
  out.push('', `**Summary:** ${summary(r)}`, '');
  out.push('## VMs', '');
  if (r.items.length === 0) out.push('No VirtualMachine-like objects in the workspace YAML files.');
  else out.push(...vmTable(r.items));
  out.push('', '## Nodes', '');
  out.push(...(r.nodes.length > 0 ? nodeTable(r.nodes) : ['No nodes in the profile: nothing is placed.']));
  out.push('', `Placement: ${md(r.placementRule)}.`);
  const changed = r.items.filter((i) => i.changed.length > 0);
  if (changed.length > 0) {
    out.push('', '## What changes per VM', '');
    for (const it of changed) out.push(...details(it), '');
  }
  return out.join('\n').trimEnd() + '\n';
}
