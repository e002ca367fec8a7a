// The IO-thread plan virt-launcher computes once per conversion (converter/iothreads): how many
// <iothreads> the domain gets, how many of them are the shared "auto" pool, and which thread each
// virtio disk is pinned to. Shared by the iothreads, disks and controllers configurators.
//
// Exported API:
//   ioThreadPlan(vmi): IOThreadPlan
//     .enabled            – ioThreadsPolicy set, or a disk with dedicatedIOThread: true
//     .total              – the <iothreads> count (0 when not enabled)
//     .autoThreads        – size of the shared pool (ids 1..autoThreads); dedicated ids follow it
//     .supplementalPool   – supplementalPool policy with a count: every virtio disk gets
//                           <iothreads><iothread id=1..n> inside its <driver> instead of iothread=
//   diskIOThreadAssigner(plan): (disk, bus) => DiskIOThread | null
//     Call once per spec disk, in devices.disks order (including disks that are not emitted),
//     with the disk's resolved bus. Non-virtio buses get null and do not advance the counters.
//   hasDedicatedIOThread(disk)

import type { Disk, VirtualMachineInstance } from '../api/kubevirt-types.js';
import { quantityCount as quantityValue } from '../quantity/text.js';

export interface IOThreadPlan {
  enabled: boolean;
  total: number;
  autoThreads: number;
  /** Thread count of the supplementalPool policy, or 0. */
  supplementalPool: number;
}

/** Preview limit (docs/limits.md): every virtio disk lists each supplemental pool thread. */
export const MAX_PREVIEW_POOL_THREADS = 1024;

export type DiskIOThread = { kind: 'thread'; id: number } | { kind: 'pool'; ids: number[] };

export function hasDedicatedIOThread(disk: Disk): boolean {
  return disk.dedicatedIOThread === true;
}

const THREADS_PER_CPU = 2;

/** The pool size the policy allows (getThreadPoolLimit). */
function threadPoolLimit(vmi: VirtualMachineInstance): number {
  const d = vmi.spec.domain;
  const policy = d.ioThreadsPolicy;
  if (policy === undefined || policy === 'shared') return 1;
  if (policy !== 'auto') return 0;
  // An isolated emulator thread on dedicated CPUs hosts the IO thread too.
  if (d.cpu?.dedicatedCpuPlacement && d.cpu.isolateEmulatorThread) return 1;
  const cpus = quantityValue(d.resources?.requests?.cpu) ?? quantityValue(d.resources?.limits?.cpu) ?? 1;
  return cpus * THREADS_PER_CPU;
}

export function ioThreadPlan(vmi: VirtualMachineInstance): IOThreadPlan {
  const d = vmi.spec.domain;
  const disks = d.devices.disks ?? [];
  const enabled = d.ioThreadsPolicy !== undefined || disks.some(hasDedicatedIOThread);
  const pool = d.ioThreadsPolicy === 'supplementalPool' ? d.ioThreads?.supplementalPoolThreadCount : undefined;
  if (!enabled) return { enabled, total: 0, autoThreads: 0, supplementalPool: 0 };
  if (pool !== undefined) return { enabled, total: pool, autoThreads: 0, supplementalPool: pool };
  const dedicated = disks.filter(hasDedicatedIOThread).length;
  let auto = disks.length - dedicated; // every non-dedicated disk counts, whatever its bus
  const limit = threadPoolLimit(vmi);
  if (auto + dedicated > limit) auto = Math.max(limit - dedicated, 1);
  return { enabled, total: auto + dedicated, autoThreads: auto, supplementalPool: 0 };
}

/** Hands out disk IO threads the way the disk configurator does: dedicated ids after the pool, the rest round-robin. */
export function diskIOThreadAssigner(plan: IOThreadPlan): (disk: Disk, bus: string) => DiskIOThread | null {
  let nextAuto = 1;
  let nextDedicated = plan.autoThreads + 1;
  return (disk, bus) => {
    if (!plan.enabled || bus !== 'virtio') return null;
    if (plan.supplementalPool > 0) return { kind: 'pool', ids: Array.from({ length: plan.supplementalPool }, (_, i) => i + 1) };
    if (hasDedicatedIOThread(disk)) return { kind: 'thread', id: nextDedicated++ };
    const id = nextAuto;
    nextAuto = (nextAuto % Math.max(plan.autoThreads, 1)) + 1;
    return { kind: 'thread', id };
  };
}
