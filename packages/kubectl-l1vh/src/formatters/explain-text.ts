// Human output of explain: hypervisor and why, per node, overhead terms, resources, notes.
import { HYPERVISOR_LABELS, VERSION_TRAITS, type ExplainItem } from '@l1vh/core';
import type { ExplainReport } from './explain-index.js';
import type { ItemFinding } from '../lint-report.js';

const SEMANTICS_LABEL = {
  kubevirt: 'KubeVirt as shipped (ConfigurableHypervisor)',
  'hypervl1vh-proposal': 'HyperVL1VH proposal (transparent MSHV with KVM fallback)',
} as const;

export function formatExplainText(r: ExplainReport): string {
  if (r.items.length === 0) return 'no VirtualMachine-like objects found\n';
  return r.items.map((item, i) => formatItem(item, r.showXml, r.findings?.[i])).join('\n');
}

function formatItem(it: ExplainItem, showXml: boolean, findings: readonly ItemFinding[] = []): string {
  const lines: string[] = [];
  lines.push(`${it.kind} ${it.namespace}/${it.name}  (${it.source.file}:${it.source.line})`);
  lines.push(`  verdict:     ${VERDICT_TEXT[it.verdict]}${it.admissionStage ? ` (${it.admissionStage})` : ''}`);
  // One line per KubeVirt cause, where it points in the manifest.
  for (const c of it.causes) {
    const where = c.source ? `${c.source.file}:${c.source.line}:${c.source.col}` : `${it.source.file}:${it.source.line}:${it.source.col}`;
    lines.push(`    ${where}: ${c.field ? `${c.field}: ` : ''}${oneLine(c.message)}`);
  }
  const hv = it.hypervisor ? `${HYPERVISOR_LABELS[it.hypervisor]}  (libvirt domain type "${it.domainType}")` : `none: ${it.error}`;
  lines.push(`  hypervisor:  ${hv}`);
  lines.push(`  model:       ${SEMANTICS_LABEL[it.semantics]}, ${VERSION_TRAITS[it.kubevirtVersion as keyof typeof VERSION_TRAITS]?.label ?? it.kubevirtVersion}`);
  if (it.decision.summary) lines.push(`  summary:     ${it.decision.summary}`);
  if (it.decision.steps.length > 0) {
    lines.push('  why:');
    it.decision.steps.forEach((s, i) => {
      const where = s.source ? `  [${s.source.file}:${s.source.line}:${s.source.col}]` : s.label ? `  [${s.label}]` : '';
      lines.push(`    ${String(i + 1).padStart(2)}. ${s.rule}: ${s.reason}${where}`);
    });
  }
  if (it.overheadBytes !== null) {
    lines.push(`  memory overhead: ${formatMi(it.overheadBytes)} (${it.overheadBytes} bytes)${it.controllerOverheadBytes !== null && it.controllerOverheadBytes !== it.overheadBytes ? `, virt-controller adds network bindings: ${it.controllerOverheadBytes}` : ''}`);
    // Exact bytes per term, so the column adds up to the totals above.
    for (const t of it.overheadTerms) {
      lines.push(`    ${formatMi(t.bytes).padStart(10)} ${String(t.bytes).padStart(12)}  ${t.label}  (${t.cause})${t.scope === 'controller' ? '  [virt-controller only]' : ''}`);
    }
  }
  if (it.launcherResources) {
    const fmt = (r: Record<string, string>): string => Object.entries(r).map(([k, v]) => `${k}=${v}`).join(', ') || '-';
    lines.push(`  launcher requests: ${fmt(it.launcherResources.requests)}`);
    lines.push(`  launcher limits:   ${fmt(it.launcherResources.limits ?? {})}`);
    const claims = it.launcherResources.claims ?? [];
    if (claims.length > 0) lines.push(`  launcher claims:   ${claims.map((c) => (c.request ? `${c.name}/${c.request}` : c.name)).join(', ')}`);
  }
  for (const n of it.notes) lines.push(`  note: ${n}`);
  if (findings.length > 0) {
    lines.push('  findings:');
    for (const f of findings) lines.push(`    ${f.file}:${f.line}:${f.col}: ${f.severity} ${f.ruleId}: ${f.message}`);
  }
  if (showXml && it.domainXml) lines.push('', it.domainXml);
  return lines.join('\n') + '\n';
}

const VERDICT_TEXT = {
  runs: 'runs',
  rejected: 'rejected: KubeVirt refuses this object',
  unschedulable: 'unschedulable: no node can run its launcher pod',
  'launch-fails': 'launch fails: virt-launcher cannot start it',
} as const;

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

function formatMi(bytes: number): string {
  const mi = bytes / (1024 * 1024);
  return Number.isInteger(mi) ? `${mi}Mi` : `${mi.toFixed(1)}Mi`;
}
