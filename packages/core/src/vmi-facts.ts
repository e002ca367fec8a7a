// Facts about a defaulted VMI that several stages (converter, overhead, launcher resources) derive
// the same way KubeVirt's helpers do: vmitrait, util (IsSEV…), tpm, downwardmetrics,
// hardware.GetNumberOfVCPUs, vcpu.GetCPUTopology/GetVirtualMemory, isMemfdRequired, VMI methods.
// One module, so each rule is written once.

import type { Quantity as QuantityText } from './api/k8s-types.js';
import type { CPU, VirtualMachineInstance } from './api/kubevirt-types.js';
import { cmp, isZero, parseQuantity, ZERO_QUANTITY, type Quantity } from './quantity/index.js';
import { quantityCount as quantityValue } from './quantity/text.js';

/** A resource list entry as a Quantity; absent or unparsable values read as Go's zero Quantity. */
export function quantityOf(list: Record<string, string | number> | undefined, key: string): Quantity {
  const raw = list?.[key];
  if (raw === undefined || raw === null) return ZERO_QUANTITY;
  const r = parseQuantity(raw);
  return r.ok ? r.quantity : ZERO_QUANTITY;
}

export function hasKey(list: Record<string, unknown> | undefined, key: string): boolean {
  return !!list && Object.prototype.hasOwnProperty.call(list, key) && list[key] !== undefined && list[key] !== null;
}

/** hardware.GetNumberOfVCPUs: the product of the non-zero sockets/cores/threads (maxSockets ignored). */
export function numberOfVCPUs(cpu: CPU): number {
  let v = cpu.cores ?? 0;
  for (const f of [cpu.sockets ?? 0, cpu.threads ?? 0]) {
    if (f !== 0) v = v === 0 ? f : v * f;
  }
  return v;
}

export function hasVFIO(vmi: VirtualMachineInstance): boolean {
  const d = vmi.spec.domain.devices;
  return (d.hostDevices?.length ?? 0) > 0 || (d.gpus?.length ?? 0) > 0 || (d.interfaces ?? []).some((i) => !!i.sriov);
}

export function hasDownwardMetricsVolume(vmi: VirtualMachineInstance): boolean {
  return (vmi.spec.volumes ?? []).some((v) => !!v.downwardMetrics);
}

/** util.IsSEVVMI (sev or snp); SEV-ES implies sev. */
export function isSEV(vmi: VirtualMachineInstance): boolean {
  const ls = vmi.spec.domain.launchSecurity;
  return !!ls && (!!ls.sev || !!ls.snp);
}

/** util.IsTDXVMI (the converter context's UseLaunchSecurityTDX). */
export function isTDX(vmi: VirtualMachineInstance): boolean {
  return !!vmi.spec.domain.launchSecurity?.tdx;
}

/** tpm.HasDevice: a tpm block that is not explicitly disabled. */
export function hasTPM(vmi: VirtualMachineInstance): boolean {
  const tpm = vmi.spec.domain.devices.tpm;
  return !!tpm && tpm.enabled !== false;
}

export function isCpuDedicated(vmi: VirtualMachineInstance): boolean {
  return vmi.spec.domain.cpu?.dedicatedCpuPlacement === true;
}

/** VMI.WantsToHaveQOSGuaranteed: memory (request 0 & limit set, or request == limit) and cpu (request set & == limit). */
export function wantsQOSGuaranteed(vmi: VirtualMachineInstance): boolean {
  const r = vmi.spec.domain.resources ?? {};
  const memReq = quantityOf(r.requests, 'memory');
  const memLim = quantityOf(r.limits, 'memory');
  const cpuReq = quantityOf(r.requests, 'cpu');
  const cpuLim = quantityOf(r.limits, 'cpu');
  const memoryWantsIt = (isZero(memReq) && !isZero(memLim)) || (!isZero(memReq) && cmp(memReq, memLim) === 0);
  const cpuWantsIt = !isZero(cpuReq) && cmp(cpuReq, cpuLim) === 0;
  return memoryWantsIt && cpuWantsIt;
}

export function hasHugepages(vmi: VirtualMachineInstance): boolean {
  return !!vmi.spec.domain.memory?.hugepages;
}

/** ioThreads.supplementalPoolThreadCount, whatever the policy (renderresources.getIOThreadsCount). */
export function ioThreadsCount(vmi: VirtualMachineInstance): number {
  return vmi.spec.domain.ioThreads?.supplementalPoolThreadCount ?? 0;
}

/** reservation.HasVMIPersistentReservation: a LUN disk with reservation. */
export function hasPersistentReservation(vmi: VirtualMachineInstance): boolean {
  return (vmi.spec.domain.devices.disks ?? []).some((d) => d.lun?.reservation === true);
}

/** hasVirtioIface: any interface whose model is empty or virtio (SR-IOV ones included). */
export function hasVirtioInterface(vmi: VirtualMachineInstance): boolean {
  return (vmi.spec.domain.devices.interfaces ?? []).some((i) => i.model === undefined || i.model === '' || i.model === 'virtio');
}

/** RequiresTunDevice: interfaces exist, or autoattachPodInterface is nil/true. */
export function requiresTun(vmi: VirtualMachineInstance): boolean {
  const d = vmi.spec.domain.devices;
  return (d.interfaces?.length ?? 0) > 0 || d.autoattachPodInterface !== false;
}

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
export function guestMemory(vmi: VirtualMachineInstance): QuantityText | undefined {
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

/** memfd backing is needed for hugepages (unless annotated off), virtiofs and passt. */
export function isMemfdRequired(vmi: VirtualMachineInstance): boolean {
  if (hasHugepages(vmi) && annotation(vmi, 'kubevirt.io/memfd') !== 'false') return true;
  return isVirtiofsEnabled(vmi) || hasPasstBinding(vmi);
}

export const isEfi = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.firmware?.bootloader?.efi !== undefined;

export type LaunchSecurityKind = 'sev' | 'snp' | 'tdx' | null;

/** util.IsSEVSNPVMI. */
export const isSnpVmi = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.launchSecurity?.snp !== undefined;

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
