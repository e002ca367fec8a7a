// Human output of whatif: the changes, a before → after table per VM, details of the VMs that
// changed, the per-node sums, the placement assumption and the summary line.
import { changeFlag, DOMAIN_TYPE_OF, memoryBytes, type LauncherResources, type LocatedWhatIfItem as WhatIfItem, type LocatedWhatIfSide as WhatIfSide, type NodeLoad } from '@l1vh/core';
import { formatTable } from './table.js';
import type { WhatIfReport } from './whatif-report.js';

const ARROW = ' → ';

/** "a" when both sides are equal, else "a → b". */
const pair = (b: string, a: string): string => (b === a ? b : `${b}${ARROW}${a}`);

export function formatWhatIfText(r: WhatIfReport): string {
  const { result } = r;
  const out: string[] = [];
  out.push(`What if: ${result.changes.map(changeFlag).join(' ')}  (profile: ${result.profile})`);
  for (const e of result.edits) out.push(`  ${e.object} ${e.field}: ${e.before ?? '(unset)'}${ARROW}${e.after ?? '(unset)'}`);
  if (result.edits.length === 0) out.push('  (the profile already says so: nothing to change)');
  for (const n of result.notes) out.push(`  note: ${n}`);
  out.push('');
  if (result.items.length === 0) {
    out.push('no VirtualMachine-like objects found');
  } else {
    out.push(
      formatTable(
        ['VM', 'VERDICT', 'HYPERVISOR', 'OVERHEAD', 'MEMORY REQUEST', 'CHANGED STEP'],
        result.items.map((it) => [
          `${it.namespace}/${it.name}`,
          pair(it.before.verdict, it.after.verdict),
          pair(hypervisorShort(it.before), hypervisorShort(it.after)),
          pair(mi(it.before.overheadBytes), mi(it.after.overheadBytes)),
          pair(memoryRequest(it.before), memoryRequest(it.after)),
          causes(it).join(',') || '-',
        ]),
      ).trimEnd(),
    );
    for (const it of result.items.filter((i) => i.changed.length > 0)) out.push('', ...details(it, r.showXmlDiff));
  }
  out.push('', ...nodeTable(result.nodes));
  out.push('', ...wrap(`Placement: ${result.placementRule}.`, 100));
  out.push('', summaryLine(r));
  return out.join('\n') + '\n';
}

/** Steps that follow from the others (the landing node's summary, the final outcome). */
const CONSEQUENCES = new Set(['landing-node', 'outcome']);

/** Steps whose outcome changed (a changed reason alone is in the JSON); the first changed step if none did. */
function decisive(it: WhatIfItem): WhatIfItem['changedSteps'] {
  const moved = it.changedSteps.filter((st) => st.before?.outcome !== st.after?.outcome);
  return moved.length > 0 ? moved : it.changedSteps.slice(0, 1);
}

/** The decisive steps that cause the rest (unique rules, trace order). */
function causes(it: WhatIfItem): string[] {
  const rules = [...new Set(decisive(it).map((s) => s.rule))];
  const first = rules.filter((r) => !CONSEQUENCES.has(r));
  return first.length > 0 ? first : rules;
}

function hypervisorShort(s: WhatIfSide): string {
  return s.hypervisor ? `${s.hypervisor} (${DOMAIN_TYPE_OF[s.hypervisor]})` : 'none';
}

function mi(bytes: number | null): string {
  if (bytes === null) return '-';
  const v = bytes / (1024 * 1024);
  return Number.isInteger(v) ? `${v}Mi` : `${v.toFixed(1)}Mi`;
}

/** The launcher pod's memory request; plain byte counts in Mi, as the overhead column (exact figures in the details). */
function memoryRequest(s: WhatIfSide): string {
  const q = s.launcherResources?.requests.memory;
  if (q === undefined) return '-';
  return /^\d+$/.test(q) ? mi(Number(q)) : q;
}

function resources(r: LauncherResources | null, key: 'requests' | 'limits'): string {
  if (!r) return '-';
  return Object.entries(r[key] ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || '-';
}

/** The side's outcome in a few words; the full error (per-node reasons, causes) is in the JSON. */
function sideOutcome(s: WhatIfSide): string {
  if (s.verdict === 'runs' && s.hypervisor) return `${s.hypervisor}, domain type "${s.domainType}"`;
  if (!s.error) return s.verdict;
  // "no node can run the launcher pod (it stays Pending): node-1: …" → its first clause.
  const brief = s.verdict === 'unschedulable' ? s.error.split(': ')[0]! : s.error;
  return `${s.verdict}: ${brief.length > 100 ? `${brief.slice(0, 99)}…` : brief}`;
}

function details(it: WhatIfItem, showXmlDiff: boolean): string[] {
  const b = it.before;
  const a = it.after;
  const lines = [`${it.kind} ${it.namespace}/${it.name}  (${it.source.file}:${it.source.line})`];
  lines.push(`  outcome:     ${pair(sideOutcome(b), sideOutcome(a))}`);
  if (b.overheadBytes !== a.overheadBytes) {
    const delta = b.overheadBytes !== null && a.overheadBytes !== null ? `  (${signed(a.overheadBytes - b.overheadBytes)} bytes)` : '';
    lines.push(`  overhead:    ${pair(String(b.overheadBytes ?? '-'), String(a.overheadBytes ?? '-'))} bytes${delta}`);
  }
  for (const key of ['requests', 'limits'] as const) {
    const [rb, ra] = [resources(b.launcherResources, key), resources(a.launcherResources, key)];
    if (rb !== ra) lines.push(`  ${key.padEnd(12)} ${rb}`, `  ${''.padEnd(12)} → ${ra}`);
  }
  const nb = b.placedOn.join(', ') || '-';
  const na = a.placedOn.join(', ') || '-';
  if (nb !== na) lines.push(`  node:        ${pair(nb, na)}`);
  decisive(it).forEach((step, i) => {
    const label = i === 0 ? 'changed at:' : '';
    lines.push(`  ${label.padEnd(12)} ${step.rule}: ${step.before?.outcome ?? '(absent)'}${ARROW}${step.after?.outcome ?? '(absent)'}${step.after ? `  (${step.after.reason})` : ''}`);
  });
  if (showXmlDiff && it.xmlDiff) lines.push('', ...it.xmlDiff.trimEnd().split('\n').map((l) => `  ${l}`));
  else if (showXmlDiff && it.changed.includes('domainXml')) lines.push(`  domain XML:  ${b.domainXml ? 'present' : 'none'}${ARROW}${a.domainXml ? 'present' : 'none'}`);
  return lines;
}

/** A summed memory quantity in Gi/Mi for the table (the JSON keeps the exact quantity). */
function human(q: string): string {
  const bytes = memoryBytes(q);
  if (bytes === 0) return '0';
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)}Gi` : mi(bytes);
}

/** Word-wraps a paragraph at `width` columns, continuation lines indented by two spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function nodeTable(nodes: readonly { node: string; before: NodeLoad; after: NodeLoad }[]): string[] {
  if (nodes.length === 0) return ['no nodes in the profile: nothing is placed'];
  const of = (l: NodeLoad, k: string): string => l.requests[k] ?? '0';
  const cap = (b: NodeLoad, a: NodeLoad, k: string): string => pair(b.allocatable[k] ?? '?', a.allocatable[k] ?? '?');
  const devices = (b: NodeLoad, a: NodeLoad): string =>
    ['mshv', 'kvm']
      .map((d) => `devices.kubevirt.io/${d}`)
      .filter((k) => b.requests[k] || a.requests[k] || b.allocatable[k] || a.allocatable[k])
      .map((k) => `${k.slice('devices.kubevirt.io/'.length)} ${pair(of(b, k), of(a, k))} / ${pair(b.allocatable[k] ?? '0', a.allocatable[k] ?? '0')}`)
      .join('; ') || '-';
  const over = (l: NodeLoad): string => (l.overcommitted.length > 0 ? l.overcommitted.join(',') : '');
  const table = formatTable(
    ['NODE', 'PODS', 'MEMORY REQUESTS / ALLOCATABLE', 'CPU REQUESTS / ALLOCATABLE', 'HYPERVISOR DEVICES / ALLOCATABLE', 'OVER-COMMITTED'],
    nodes.map(({ node, before: b, after: a }) => [
      node,
      pair(String(b.vms.length), String(a.vms.length)),
      `${pair(human(of(b, 'memory')), human(of(a, 'memory')))} / ${cap(b, a, 'memory')}`,
      `${pair(of(b, 'cpu'), of(a, 'cpu'))} / ${cap(b, a, 'cpu')}`,
      devices(b, a),
      pair(over(b) || 'no', over(a) || 'no'),
    ]),
  );
  return [table.trimEnd()];
}

function summaryLine(r: WhatIfReport): string {
  const s = r.result.summary;
  const m = s.memoryRequestBytes;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `${plural(s.keepRunning, 'keeps', 'keep')} running (${plural(s.changeHypervisor, 'changes', 'change')} hypervisor)`,
    `${s.stopRunning} stop launching`,
    `${s.startRunning} start launching`,
  ];
  if (s.neverRunning > 0) parts.push(`${s.neverRunning} did not and still do not launch`);
  const over = s.overcommittedNodes.after.length > 0 ? `; over-committed after: ${s.overcommittedNodes.after.join(', ')}` : '';
  const delta = m.delta === 0 ? 'unchanged' : `${m.delta > 0 ? '+' : '-'}${human(String(Math.abs(m.delta)))} (${signed(m.delta)} bytes)`;
  return `Summary: ${plural(s.vms, 'VM', 'VMs')}: ${parts.join(', ')}; memory requests ${delta}: ${human(String(m.before))} → ${human(String(m.after))}${over}`;
}
