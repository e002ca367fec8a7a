// Dedicated CPUs (vcpu.AdjustDomainForTopologyAndCPUSet): <cputune> vCPU/IO-thread/emulator pins,
// kvm hint-dedicated, pmu off for realtime, and the passed-through NUMA topology. The pod cpuset
// and node topology are only known on the node: the preview takes CPUs 0..N-1 in one NUMA cell,
// N being the launcher's CPU request (the golden vectors' convention), and says so in a note.

import type { VirtualMachineInstance } from '../../api/kubevirt-types.js';
import { el, insertOrdered, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { quantityBytesOf as quantityBytes, quantityCount as quantityValue } from '../../quantity/text.js';
import { cpuTopology, guestMemory, isCpuDedicated, MAX_PREVIEW_VCPUS, numberOfVCPUs } from '../../vmi-facts.js';
import { FEATURES_ORDER, KVM_FEATURE_ORDER } from './17-features.js';
import { CPU_ORDER } from './25-cpu.js';
import { MEMORY_BACKING_ORDER } from './28-memory-backing.js';

const EVEN_PARITY_ANNOTATION = 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity';

/** hardware.GetNumberOfVCPUs of spec.cpu (0 when there is none). */
const specVcpus = (vmi: VirtualMachineInstance): number => (vmi.spec.domain.cpu ? numberOfVCPUs(vmi.spec.domain.cpu) : 0);

/** The launcher's CPU request for a dedicated-CPU VMI (renderresources WithCPUPinning). */
function launcherCpuRequest(vmi: VirtualMachineInstance): number {
  const d = vmi.spec.domain;
  const supplemental = d.ioThreadsPolicy === 'supplementalPool' ? (d.ioThreads?.supplementalPoolThreadCount ?? 0) : 0;
  const vcpus = specVcpus(vmi);
  let total = vcpus !== 0 ? vcpus + supplemental : (quantityValue(d.resources?.requests?.cpu) ?? quantityValue(d.resources?.limits?.cpu) ?? 0) + supplemental;
  if (d.cpu?.isolateEmulatorThread) {
    const parity = vmi.metadata.annotations?.[EVEN_PARITY_ANNOTATION] !== undefined && total % 2 === 0;
    total += parity ? 2 : 1;
  }
  return total;
}

/** Host threads handed out in order from the (single-cell, sibling-free) pod cpuset. */
class ThreadPool {
  private next = 0;
  constructor(readonly cpus: number[]) {}
  take(): number | undefined {
    return this.cpus[this.next++];
  }
}

/** FormatDomainIOThreadPin for auto/shared IO threads. */
function ioThreadPins(vmi: VirtualMachineInstance, threads: number, emulatorSet: string, cpuset: number[]): XmlElement[] {
  const vcpus = Math.max(specVcpus(vmi), 1);
  const pin = (id: number, set: string) => el('iothreadpin', { iothread: id, cpuset: set });
  if (vmi.spec.domain.cpu?.isolateEmulatorThread) return [pin(1, emulatorSet)];
  const out: XmlElement[] = [];
  if (threads >= vcpus) {
    for (let t = 1; t <= threads; t++) out.push(pin(t, String(cpuset[t % vcpus])));
    return out;
  }
  const series = vcpus % threads;
  let curr = 0;
  for (let t = 1; t <= threads; t++) {
    const span = Math.floor(vcpus / threads) + (t <= series ? 1 : 0);
    out.push(pin(t, cpuset.slice(curr, curr + span).join(',')));
    curr += span;
  }
  return out;
}

export const adjustForDedicatedCpus: Configurator = (ctx, domain) => {
  const vmi = ctx.vmi;
  const spec = vmi.spec.domain.cpu;
  if (!spec || !isCpuDedicated(vmi)) return undefined;
  const n = launcherCpuRequest(vmi);
  if (!(n >= 0 && n <= MAX_PREVIEW_VCPUS + 4)) return `preview limit: a pod cpuset of ${n} CPUs is not rendered`;
  const cpuset = ctx.cpuSet ?? Array.from({ length: n }, (_, i) => i);
  if (!ctx.cpuSet) ctx.notes.push(`cputune: dedicated CPUs are pinned to the pod's cpuset, known only on the node; shown as CPUs 0-${n - 1} in one NUMA cell`);
  const pool = new ThreadPool(cpuset);

  const topo = cpuTopology(vmi);
  const wanted = topo.sockets * topo.cores * topo.threads; // the enabled vCPUs (hotplug slots excluded)
  if (cpuset.length < wanted) return `not enough exclusive threads provided, could not fit ${Math.ceil((wanted - cpuset.length) / topo.threads)} core(s)`;
  const children: XmlElement[] = [];
  for (let v = 0; v < wanted; v++) children.push(el('vcpupin', { vcpu: v, cpuset: String(pool.take()) }));

  if (vmi.spec.architecture === 'amd64') {
    const features = domain.slots.features ?? el('features');
    domain.slots.features = features;
    const kvm = features.children.find((c) => c.name === 'kvm') ?? el('kvm');
    insertOrdered(kvm, el('hint-dedicated', { state: 'on' }), KVM_FEATURE_ORDER);
    insertOrdered(features, kvm, FEATURES_ORDER);
  }

  const iothreadPins: XmlElement[] = [];
  const supplemental = ctx.ioThreads.supplementalPool;
  for (let t = 1; t <= supplemental; t++) {
    const cpu = pool.take();
    if (cpu === undefined) return 'no CPU allocated for the iothread: no remaining unassigned threads';
    iothreadPins.push(el('iothreadpin', { iothread: t, cpuset: String(cpu) }));
  }
  let emulatorSet = '';
  if (spec.isolateEmulatorThread) {
    const first = pool.take();
    if (first === undefined) return 'no CPU allocated for the emulation thread: no remaining unassigned threads';
    const emu = [first];
    if (vmi.metadata.annotations?.[EVEN_PARITY_ANNOTATION] !== undefined && (specVcpus(vmi) + supplemental) % 2 === 0) {
      const second = pool.take();
      if (second === undefined) return 'no second CPU allocated for the emulation thread: no remaining unassigned threads';
      emu.push(second);
    }
    emulatorSet = emu.join(',');
  }
  if (ctx.ioThreads.enabled && supplemental === 0) iothreadPins.push(...ioThreadPins(vmi, ctx.ioThreads.total, emulatorSet, cpuset));
  children.push(...iothreadPins);
  if (spec.isolateEmulatorThread) children.push(el('emulatorpin', { cpuset: emulatorSet }));
  domain.slots.cputune = el('cputune', {}, children);

  if (spec.realtime) insertOrdered(domain.slots.features ?? el('features'), el('pmu', { state: 'off' }), FEATURES_ORDER);
  if (spec.numa?.guestMappingPassthrough) return numaPassthrough(ctx, domain, wanted);
  return undefined;
};

/** numaMapping for one host cell (id 0) holding every pinned vCPU. */
function numaPassthrough(ctx: Parameters<Configurator>[0], domain: Parameters<Configurator>[1], vcpus: number): string | undefined {
  const vmi = ctx.vmi;
  const backing = domain.slots.memoryBacking;
  const pageSize = vmi.spec.domain.memory?.hugepages?.pageSize;
  const hugepages = backing?.children.find((c) => c.name === 'hugepages');
  if (!backing || !hugepages || pageSize === undefined) return 'failed to determine if hugepages are enabled: passing through a numa topology is restricted to VMIs with hugepages enabled';
  const page = quantityBytes(pageSize);
  if (page === null) return `failed to determine if hugepages are enabled: could not parse hugepage value ${pageSize}`;
  const memory = quantityBytes(guestMemory(vmi)) ?? 0n;
  if (memory < page) return `not enough memory requested to allocate at least one hugepage per numa node`;
  if (memory % page !== 0n) return `requested memory can't be divided through the numa page size`;
  const cpus = Array.from({ length: vcpus }, (_, i) => i).join(',');
  const cpu = domain.slots.cpu;
  if (cpu) insertOrdered(cpu, el('numa', {}, [el('cell', { id: '0', cpus, memory: memory.toString(), unit: 'b' })]), CPU_ORDER);
  domain.slots.numatune = el('numatune', {}, [el('memory', { mode: 'strict', nodeset: '0' }), el('memnode', { cellid: 0, mode: 'strict', nodeset: '0' })]);
  hugepages.children = [el('page', { size: page.toString(), unit: 'b', nodeset: '0' })];
  insertOrdered(backing, el('allocation', { mode: 'immediate' }), MEMORY_BACKING_ORDER);
  if (vmi.spec.domain.cpu?.realtime) insertOrdered(backing, el('nosharepages'), MEMORY_BACKING_ORDER);
  return undefined;
}
