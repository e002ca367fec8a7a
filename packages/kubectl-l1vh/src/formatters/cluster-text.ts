// `kubectl l1vh cluster` as text.

import { HYPERVISOR_LABELS, type ProfileSummary } from '@l1vh/core';
import { formatTable } from './table.js';

export function formatClusterText(r: ProfileSummary): string {
  const out: string[] = [];
  out.push(`Profile:    ${r.profile}`);
  out.push(`KubeVirt:   ${r.kubevirtVersion ?? 'version unknown'} (${r.versionLabel})`);
  out.push(`Gates:      ConfigurableHypervisor ${r.featureGates.configurableHypervisor ? 'on' : 'off'}, HyperVL1VH ${r.featureGates.hyperVL1VH ? 'on' : 'off'}`);
  out.push(`Hypervisor: hypervisors: [${r.hypervisors.join(', ')}]; semantics ${r.semantics === 'kubevirt' ? 'KubeVirt as shipped' : 'HyperVL1VH proposal'}; useEmulation ${r.useEmulation ? 'on' : 'off'}`);
  out.push('');
  out.push('Checks:');
  for (const c of r.checks) out.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.id.padEnd(24)} ${c.detail}`);
  out.push('');
  out.push('Nodes:');
  const rows = r.nodes.map((n) => [
    n.name,
    n.arch ?? '?',
    String(n.mshvAllocatable),
    String(n.kvmAllocatable),
    n.schedulable ? 'yes' : `no (${n.unschedulableReasons.join('; ')})`,
    !n.defaultVmFits ? `pod does not fit: ${n.defaultVmReasons.join('; ')}` : n.hypervisor ? `${n.hypervisor} (domain type ${n.domainType})` : `fails: ${n.error ?? '?'}`,
  ]);
  out.push(
    formatTable(['  NAME', 'ARCH', 'MSHV', 'KVM', 'SCHEDULABLE', 'NEW VM GETS'], rows.map((row) => ['  ' + row[0]!, ...row.slice(1)])).trimEnd(),
  );
  if (r.nodes.length === 0) out.push('  (no nodes)');
  out.push('');
  const vm = r.newVm;
  out.push(`New VM:     ${vm.runs && vm.hypervisor ? `${HYPERVISOR_LABELS[vm.hypervisor]}, libvirt domain type ${vm.domainType}` : `${vm.verdict}: ${vm.error}`}`);
  out.push(`            ${vm.summary}`);
  if (vm.fallback) out.push(`Fallback:   ${vm.fallback}`);
  out.push(`Ready for L1VH: ${r.ready ? 'yes' : 'no'}`);
  return out.join('\n') + '\n';
}
