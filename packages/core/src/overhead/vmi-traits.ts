// Predicates over a defaulted VMI that both the overhead and the launcher resources read
// (KubeVirt: vmitrait, util, tpm, downwardmetrics, hardware.GetNumberOfVCPUs, VMI methods).

import type { CPU, VirtualMachineInstance } from '../api/kubevirt-types.js';
import { cmp, isZero, parseQuantity, ZERO_QUANTITY, type Quantity } from '../quantity/index.js';

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

export function isTDX(vmi: VirtualMachineInstance): boolean {
  return !!vmi.spec.domain.launchSecurity?.tdx;
}

/** tpm.HasDevice: a tpm block that is not explicitly disabled. */
export function hasTPM(vmi: VirtualMachineInstance): boolean {
  const tpm = vmi.spec.domain.devices.tpm;
  return !!tpm && tpm.enabled !== false;
}

export function isCPUDedicated(vmi: VirtualMachineInstance): boolean {
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
