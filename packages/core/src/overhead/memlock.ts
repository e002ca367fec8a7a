// When and how far virt-handler raises the launcher's RLIMIT_MEMLOCK
// (pkg/hypervisor/{kvm,mshv}/runtime.go AdjustResources, via prlimit on QEMU, or on virtqemud
// before QEMU starts). Triggers: VFIO devices, realtime vCPUs, SEV/SNP, and
// reservedOverhead.memLock: Required (MSHV honours the last only from main on).
// v1.8/v1.9 set a sized limit: GetMemoryOverhead + guest memory (maxGuest, else requests.memory,
// else guest, rounded up to kB), plus (N-1) × that memory for N > 1 VFIO devices on KVM only.
// main sets it to unlimited for both backends.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { VERSION_TRAITS, type VersionKey } from '../profile/versions.js';
import type { BackendId } from '../select/hypervisors.js';
import { isZero, parseQuantity, scaledValue, value, type Quantity } from '../quantity/index.js';
import { hasVFIO, isSEV, quantityOf } from '../vmi-facts.js';

export interface MemlockReason {
  id: 'vfio' | 'realtime' | 'sev' | 'memlock-required';
  reason: string;
}

export interface MemlockLimit {
  reasons: MemlockReason[];
  /** The RLIMIT_MEMLOCK virt-handler sets, in bytes, or 'unlimited'. */
  limit: number | 'unlimited';
}

const RULES: { id: MemlockReason['id']; applies: (vmi: VirtualMachineInstance) => boolean; reason: string }[] = [
  { id: 'vfio', applies: hasVFIO, reason: 'VFIO devices (hostDevices, gpus or SR-IOV interfaces) pin guest RAM for DMA' },
  { id: 'realtime', applies: (vmi) => !!vmi.spec.domain.cpu?.realtime, reason: 'realtime vCPUs lock guest memory' },
  { id: 'sev', applies: isSEV, reason: 'SEV/SNP guests keep encrypted memory pinned' },
  { id: 'memlock-required', applies: (vmi) => vmi.spec.domain.memory?.reservedOverhead?.memLock === 'Required', reason: 'memory.reservedOverhead.memLock is Required' },
];

export function memlockReasons(vmi: VirtualMachineInstance, backend: BackendId = 'kvm', version: VersionKey = 'main'): MemlockReason[] {
  const honoursRequired = backend === 'kvm' || VERSION_TRAITS[version].mshvHonoursMemLockRequired;
  return RULES.filter((r) => r.applies(vmi) && (r.id !== 'memlock-required' || honoursRequired)).map(({ id, reason }) => ({ id, reason }));
}

/** The limit virt-handler sets for this VMI, or null when it leaves the default in place. */
export function memlockLimit(vmi: VirtualMachineInstance, backend: BackendId, version: VersionKey, overheadBytes: number): MemlockLimit | null {
  const reasons = memlockReasons(vmi, backend, version);
  if (reasons.length === 0) return null;
  if (VERSION_TRAITS[version].memlockLimit === 'unlimited') return { reasons, limit: 'unlimited' };
  const base = baseMemory(vmi);
  let bytes = BigInt(overheadBytes) + scaledValue(base, 3) * 1000n;
  const vfioDevices = countVFIODevices(vmi);
  if (backend === 'kvm' && vfioDevices > 1) bytes += value(base) * BigInt(vfioDevices - 1);
  return { reasons, limit: Number(bytes) };
}

function baseMemory(vmi: VirtualMachineInstance): Quantity {
  const mem = vmi.spec.domain.memory;
  const parsed = (q: string | number | undefined): Quantity | null => {
    if (q === undefined || q === null) return null;
    const r = parseQuantity(q);
    return r.ok ? r.quantity : null;
  };
  const request = quantityOf(vmi.spec.domain.resources?.requests, 'memory');
  return parsed(mem?.maxGuest) ?? (!isZero(request) ? request : null) ?? parsed(mem?.guest) ?? request;
}

function countVFIODevices(vmi: VirtualMachineInstance): number {
  const d = vmi.spec.domain.devices;
  return (d.gpus?.length ?? 0) + (d.hostDevices?.length ?? 0) + (d.interfaces ?? []).filter((i) => !!i.sriov).length;
}

/** The note explain prints: why the limit is raised and what that means on the node. */
export function memlockNote(vmi: VirtualMachineInstance, backend: BackendId, version: VersionKey, overheadBytes: number, hypervisorLabel: string): string | null {
  const m = memlockLimit(vmi, backend, version, overheadBytes);
  if (!m) return null;
  const limit = m.limit === 'unlimited' ? 'unlimited' : `${m.limit} bytes (overhead + guest memory${backend === 'kvm' && countVFIODevices(vmi) > 1 ? ' × VFIO devices' : ''})`;
  return `memlock: virt-handler raises the ${hypervisorLabel} launcher's RLIMIT_MEMLOCK to ${limit} because ${m.reasons.map((r) => r.reason).join('; ')}. ` +
    'Locked pages cannot be swapped or reclaimed, so the node must hold the whole guest RAM plus overhead resident; the pod memory limit is the remaining cap.';
}
