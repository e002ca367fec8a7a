// Values KubeVirt accepts without an upper bound but no node can run, and that the preview cannot
// render honestly: more vCPUs than any hypervisor schedules, memory or pod figures past Go's int64.
// Such a VM gets the `unschedulable` verdict with a message at the field, never a clipped figure.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { cpuTopology, guestMemory, MAX_PREVIEW_VCPUS, vcpuCount } from '../convert/vmi-facts.js';
import { MAX_PREVIEW_POOL_THREADS } from '../convert/iothreads-plan.js';
import type { OverheadResult } from '../overhead/memory-overhead.js';
import type { PathSegment } from '../parse/position-index.js';
import { quantityValueOf } from '../quantity/text.js';
import type { LauncherResources } from '../resources/launcher-resources.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { manifestPathOfVmiField, type VmLikeKind } from '../parse/vm-like.js';
import type { RangeProblem } from './verdict.js';

/** A value past what the preview honours: where it is and why no node runs it. */
export interface OutOfRange {
  /** Candidate paths from the VMI root, most specific first: the first one the manifest has is where it is. */
  at: PathSegment[][];
  /** What is wrong, without the field (the caller prefixes the field as the manifest spells it). */
  message: string;
}

/** Go's int64: Kubernetes and KubeVirt hold byte and milli-CPU counts in it (Value() saturates there). */
export const INT64_MAX = 9223372036854775807n;

const CPU = ['spec', 'domain', 'cpu'] as const;
const RESOURCES = ['spec', 'domain', 'resources'] as const;
const CPU_RESOURCES: PathSegment[][] = [
  [...RESOURCES, 'limits', 'cpu'],
  [...RESOURCES, 'requests', 'cpu'],
];

/** Checks on the admitted VMI, before anything is rendered. */
export function vmiOutOfRange(vmi: VirtualMachineInstance): OutOfRange[] {
  const out: OutOfRange[] = [];
  const vcpus = vcpuLoad(vmi);
  if (!(vcpus.count <= MAX_PREVIEW_VCPUS)) {
    out.push({
      at: vcpus.at,
      message: `${fmt(vcpus.count)} vCPUs: KubeVirt accepts this (it sets no upper bound), but no node can run it: KVM and Hyper-V run a few thousand vCPUs per guest at most, and l1vh renders no domain over ${MAX_PREVIEW_VCPUS} vCPUs`,
    });
  }
  const pool = vmi.spec.domain.ioThreads?.supplementalPoolThreadCount;
  if (typeof pool === 'number' && pool > MAX_PREVIEW_POOL_THREADS) {
    out.push({
      at: [['spec', 'domain', 'ioThreads', 'supplementalPoolThreadCount']],
      message: `${fmt(pool)} IO threads: KubeVirt accepts this, but no node can give a VM that many threads; l1vh renders no pool larger than ${MAX_PREVIEW_POOL_THREADS}`,
    });
  }
  const memory = memoryField(vmi);
  if (memory && memory.bytes >= INT64_MAX) {
    out.push({ at: memory.at, message: `at or past Go's int64 limit of bytes (8Ei): no node has that much memory, and the preview renders no figure past int64` });
  }
  return out;
}

/** Which computed figures are at or past int64 (a guest near 8Ei plus the overhead): they are no result. */
export function figuresPastInt64(overhead: OverheadResult | null, resources: LauncherResources | null): { overhead: boolean; resources: string[] } {
  const pastOverhead = !!overhead && (beyondInt64(overhead.totalBytes) || beyondInt64(overhead.controllerTotalBytes));
  const pastResources: string[] = [];
  for (const [kind, list] of [['requests', resources?.requests], ['limits', resources?.limits]] as const) {
    for (const [name, q] of Object.entries(list ?? {})) {
      const v = quantityValueOf(q);
      if (v !== null && (v >= INT64_MAX || v <= -INT64_MAX)) pastResources.push(`${kind}.${name}`);
    }
  }
  return { overhead: pastOverhead, resources: pastResources };
}

/** The out-of-range entry for figures past int64 when nothing in the VMI was already reported. */
export function pastInt64Entry(vmi: VirtualMachineInstance, past: { overhead: boolean; resources: string[] }): OutOfRange[] {
  const what = [...(past.overhead ? ['the memory overhead'] : []), ...past.resources.map((r) => `the launcher pod's ${r}`)];
  if (what.length === 0) return [];
  const memory = memoryField(vmi);
  return [{ at: memory ? memory.at : [['spec', 'domain']], message: `${what.join(' and ')} would be at or past Go's int64 limit (8Ei): no node can run this VM, and the preview renders no such figure` }];
}

/**
 * Each problem at the first of its candidate fields the manifest has, its message prefixed with
 * that field as kubectl prints it (and, for vCPUs, the CPU the launcher pod would request).
 */
export function placeInManifest(problems: readonly OutOfRange[], obj: ManifestObject, kind: VmLikeKind, podCpu: string | undefined): RangeProblem[] {
  return problems.map((o) => {
    const candidates = o.at.map((p) => manifestPathOfVmiField(kind, p));
    const at = candidates.find((p) => present(obj.value, p)) ?? candidates[0]!;
    const message = podCpu && /^\S+ vCPUs: /.test(o.message) ? `${o.message} (the launcher pod would request cpu=${podCpu})` : o.message;
    return { at, message: `${dotted(at)}: ${message}` };
  });
}

function present(root: unknown, path: readonly PathSegment[]): boolean {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v !== undefined;
}

/** A manifest path as kubectl prints fields: spec.template.spec.domain.cpu.cores, disks[0]. */
function dotted(at: readonly PathSegment[]): string {
  return at.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

export const beyondInt64 = (n: number): boolean => !Number.isFinite(n) || Math.abs(n) >= 2 ** 63;

/** The vCPU count that sizes the domain and the pod, and the field that drives it. */
function vcpuLoad(vmi: VirtualMachineInstance): { count: number; at: PathSegment[][] } {
  const cpu = vmi.spec.domain.cpu;
  const topo = cpuTopology(vmi);
  const hasCounts = !!cpu && !!(cpu.sockets || cpu.cores || cpu.threads);
  if (!hasCounts) return { count: vcpuCount(topo), at: CPU_RESOURCES };
  const possible = cpu!.maxSockets ? cpu!.maxSockets * topo.cores * topo.threads : 0;
  const count = Math.max(vcpuCount(topo), possible);
  // The largest factor is the one to look at.
  const factors = (['sockets', 'cores', 'threads', 'maxSockets'] as const).filter((k) => typeof cpu![k] === 'number');
  const biggest = factors.reduce((a, b) => ((cpu![b] ?? 0) > (cpu![a] ?? 0) ? b : a), factors[0]!);
  // Admission may have derived the topology from the CPU resources: then the user wrote those.
  return { count, at: [[...CPU, biggest], ...CPU_RESOURCES] };
}

/** The guest's memory in bytes (vcpu.GetVirtualMemory's order), and where the user may have written it. */
function memoryField(vmi: VirtualMachineInstance): { at: PathSegment[][]; bytes: bigint } | null {
  const q = guestMemory(vmi);
  const bytes = q === undefined ? null : quantityValueOf(q);
  if (bytes === null) return null;
  // Admission copies the request into memory.guest: the first of these the manifest has is the user's.
  return { at: [['spec', 'domain', 'memory', 'guest'], [...RESOURCES, 'requests', 'memory'], [...RESOURCES, 'limits', 'memory']], bytes };
}

function fmt(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : n.toExponential(3);
}
