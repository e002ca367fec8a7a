// Facts about a VMI that several configurators derive the same way KubeVirt's helpers do
// (vcpu.GetCPUTopology, vcpu.GetVirtualMemory, isMemfdRequired, util.IsSEV…).

import type { Quantity } from '../api/k8s-types.js';
import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { quantityCount as quantityValue } from '../quantity/text.js';

export interface CpuTopology { sockets: number; cores: number; threads: number }

export function annotation(vmi: VirtualMachineInstance, key: string): string | undefined {
  return vmi.metadata.annotations?.[key];
}

/** vcpu.GetCPUTopology: zero counts become 1; a CPU without any count takes sockets from the CPU limit, else request. */
export function cpuTopology(vmi: VirtualMachineInstance): CpuTopology {
  const cpu = vmi.spec.domain.cpu;
  const t = { sockets: cpu?.sockets || 1, cores: cpu?.cores || 1, threads: cpu?.threads || 1 };
  if (!cpu || (!cpu.cores && !cpu.sockets && !cpu.threads)) {
    const res = vmi.spec.domain.resources;
    const fromResources = res?.limits?.cpu !== undefined ? quantityValue(res.limits.cpu) : res?.requests?.cpu !== undefined ? quantityValue(res.requests.cpu) : null;
    if (fromResources !== null) t.sockets = fromResources;
  }
  return t;
}

export const vcpuCount = (t: CpuTopology): number => t.sockets * t.cores * t.threads;

/**
 * A preview guard, not KubeVirt behaviour: libvirt/QEMU cap x86 guests at a few thousand vCPUs, and
 * a mistyped CPU quantity (e.g. "1.5Gi" cores) would otherwise make the preview build billions of
 * <vcpu> elements. Above this the converter returns an error instead.
 */
export const MAX_PREVIEW_VCPUS = 16384;

/** vcpu.GetVirtualMemory: memory.guest, else the memory request, else the limit (when no request). */
export function guestMemory(vmi: VirtualMachineInstance): Quantity | undefined {
  const d = vmi.spec.domain;
  if (d.memory?.guest !== undefined) return d.memory.guest;
  const req = d.resources?.requests?.memory;
  if (req === undefined && d.resources?.limits?.memory !== undefined) return d.resources.limits.memory;
  return req;
}

export const isVirtiofsEnabled = (vmi: VirtualMachineInstance): boolean =>
  (vmi.spec.domain.devices.filesystems ?? []).some((f) => f.virtiofs !== undefined);

export const hasPasstBinding = (vmi: VirtualMachineInstance): boolean =>
  (vmi.spec.domain.devices.interfaces ?? []).some((i) => i.passtBinding !== undefined);

export const hasHugepages = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.memory?.hugepages !== undefined;

/** memfd backing is needed for hugepages (unless annotated off), virtiofs and passt. */
export function isMemfdRequired(vmi: VirtualMachineInstance): boolean {
  if (hasHugepages(vmi) && annotation(vmi, 'kubevirt.io/memfd') !== 'false') return true;
  return isVirtiofsEnabled(vmi) || hasPasstBinding(vmi);
}

export const isEfi = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.firmware?.bootloader?.efi !== undefined;

export const isCpuDedicated = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.cpu?.dedicatedCpuPlacement === true;

export type LaunchSecurityKind = 'sev' | 'snp' | 'tdx' | null;

/** util.IsSEVSNPVMI. */
export const isSnpVmi = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.launchSecurity?.snp !== undefined;

/** util.IsTDXVMI (the converter context's UseLaunchSecurityTDX). */
export const isTdxVmi = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.launchSecurity?.tdx !== undefined;

/**
 * The EFI VM type virt-launcher picks (manager.go): SEV only without SNP, then SNP, then TDX.
 * (The <launchSecurity> element itself prefers SEV; validation rejects asking for several.)
 */
export function launchSecurityKind(vmi: VirtualMachineInstance): LaunchSecurityKind {
  const ls = vmi.spec.domain.launchSecurity;
  if (!ls) return null;
  if (ls.sev && !ls.snp) return 'sev';
  if (ls.snp) return 'snp';
  if (ls.tdx) return 'tdx';
  return null;
}
