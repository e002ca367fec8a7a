// GetMemoryOverhead for the kvm and mshv backends, term by term, keyed by KubeVirt version
// (pkg/hypervisor/{kvm,mshv}/hypervisorbackend.go; the backends are identical), then
// virt-controller's CalculateMemoryOverhead, which adds the network-binding overhead.
// Every term carries its cause, and the terms sum exactly to the totals.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { manifestPathOfVmiField, type VmLikeKind } from '../parse/vm-like.js';
import type { PathSegment } from '../parse/position-index.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { VERSION_TRAITS } from '../profile/versions.js';
import { add, formatQuantity, mustParse, newQuantity, newScaledQuantity, parseQuantity, scaledValue, value, type Quantity } from '../quantity/index.js';
import { BACKENDS } from '../select/hypervisors.js';
import type { Selection } from '../select/select-hypervisor.js';
import type { FieldRef } from '../select/trace.js';
import { memlockNote } from './memlock.js';
import { networkOverheadSum, networkOverheadTerms } from './network-overhead.js';
import { OVERHEAD_MI, PAGE_TABLE_DIVISOR, processTerms } from './overhead-constants.js';
import { hasDownwardMetricsVolume, hasKey, hasTPM, hasVFIO, isCpuDedicated, isSEV, numberOfVCPUs, quantityOf, wantsQOSGuaranteed } from '../vmi-facts.js';

export interface OverheadTerm {
  /** Stable id (page-tables, virt-launcher, qemu, vcpus, iothread, video, …). */
  id: string;
  label: string;
  bytes: number;
  /** Which VM field or cluster setting caused the term. */
  cause: string;
  at?: FieldRef;
  /** 'controller' terms are added by virt-controller only (network bindings), not by GetMemoryOverhead. */
  scope?: 'controller';
}

export interface OverheadResult {
  /** GetMemoryOverhead: what virt-launcher/virt-handler compute. */
  totalBytes: number;
  /** virt-controller's figure: totalBytes plus network-binding overhead. */
  controllerTotalBytes: number;
  /** The totals as Kubernetes prints them (the format follows KubeVirt's Quantity arithmetic). */
  quantity: string;
  controllerQuantity: string;
  terms: OverheadTerm[];
  /** Things a reader should know about the figure (memlock, an unparsable ratio). */
  notes: string[];
}

/** Where the VMI came from, to point terms at manifest lines. */
export interface OverheadSource {
  object: ManifestObject;
  kind: VmLikeKind;
}

/** The internal result, with Quantities the launcher renderer adds to pod resources. */
export interface OverheadQuantities {
  overhead: Quantity;
  controllerOverhead: Quantity;
}

const quantities = new WeakMap<OverheadResult, OverheadQuantities>();

/** The exact Quantities behind a result (format included), for the pod resource renderer. */
export function overheadQuantities(r: OverheadResult): OverheadQuantities {
  return quantities.get(r) ?? { overhead: newQuantity(r.totalBytes, 'DecimalSI'), controllerOverhead: newQuantity(r.controllerTotalBytes, 'DecimalSI') };
}

const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function computeOverhead(vmi: VirtualMachineInstance, profile: ClusterProfile, selection: Selection, source?: OverheadSource): OverheadResult {
  const spec = vmi.spec;
  const domain = spec.domain;
  const resources = domain.resources ?? {};
  const terms: OverheadTerm[] = [];
  const notes: string[] = [];
  const vmField = (path: PathSegment[]): FieldRef | undefined => (source ? { object: source.object, path: manifestPathOfVmiField(source.kind, ['spec', ...path]) } : undefined);
  const crField = (path: PathSegment[], label: string): FieldRef => ({ object: profile.kubevirt?.object, path: ['spec', 'configuration', ...path], label });
  let total = newScaledQuantity(0, 3);
  const push = (id: string, label: string, q: Quantity, cause: string, at?: FieldRef): void => {
    total = add(total, q);
    terms.push({ id, label, bytes: Number(value(q)), cause, ...(at ? { at } : {}) });
  };

  // Page tables: requests.memory (not guest) rounded up to kB, one byte per 512.
  const request = quantityOf(resources.requests, 'memory');
  const pageTables = (scaledValue(request, 3) * 1000n) / PAGE_TABLE_DIVISOR;
  push('page-tables', 'guest page tables (requests.memory / 512)', newScaledQuantity(pageTables, 0),
    hasKey(resources.requests, 'memory') ? `resources.requests.memory ${formatQuantity(request)}` : 'no resources.requests.memory (memory.guest alone adds no page-table overhead)',
    vmField(['domain', 'resources', 'requests', 'memory']));

  const backend = BACKENDS[selection.backend];
  for (const p of processTerms(profile.version)) {
    push(p.id, p.label, mustParse(`${p.mi}Mi`), `fixed per VM (${backend.id} backend, ${VERSION_TRAITS[profile.version].label})`);
  }

  const vcpus = vcpuCount(vmi);
  push('vcpus', `vCPU tables (${OVERHEAD_MI.perVcpu}Mi × ${vcpus.count})`, newQuantity(BigInt(OVERHEAD_MI.perVcpu * 1024 * 1024) * BigInt(vcpus.count), 'BinarySI'), vcpus.cause, vmField(vcpus.path));
  push('iothread', 'IOThread', mustParse(`${OVERHEAD_MI.iothread}Mi`), 'fixed per VM');
  if (domain.devices.autoattachGraphicsDevice !== false) {
    push('video', 'video RAM', mustParse(`${OVERHEAD_MI.video}Mi`), 'autoattachGraphicsDevice is not false', vmField(['domain', 'devices', 'autoattachGraphicsDevice']));
  }
  const arch = spec.architecture || profile.defaultArchitecture;
  if (arch === 'arm64') {
    push('arm64-pflash', 'arm64 UEFI pflash (2 × 64Mi)', mustParse(`${OVERHEAD_MI.arm64Pflash}Mi`), `architecture ${arch}`, spec.architecture ? vmField(['architecture']) : undefined);
  }
  if (hasVFIO(vmi)) {
    const d = domain.devices;
    const path: PathSegment[] = (d.hostDevices?.length ?? 0) > 0 ? ['domain', 'devices', 'hostDevices'] : (d.gpus?.length ?? 0) > 0 ? ['domain', 'devices', 'gpus'] : ['domain', 'devices', 'interfaces'];
    push('vfio', 'VFIO MMIO space', mustParse(`${OVERHEAD_MI.vfio}Mi`), 'hostDevices, gpus or an SR-IOV interface (VFIO)', vmField(path));
  }
  if (hasDownwardMetricsVolume(vmi)) {
    const i = (spec.volumes ?? []).findIndex((v) => !!v.downwardMetrics);
    push('downward-metrics', 'downwardMetrics volume (memory-backed)', mustParse(`${OVERHEAD_MI.downwardMetrics}Mi`), 'a downwardMetrics volume', vmField(['volumes', i]));
  }
  const liveness = !!spec.livenessProbe?.exec;
  const readiness = !!spec.readinessProbe?.exec;
  if (liveness) push('probe-liveness', 'exec liveness probe', mustParse(`${OVERHEAD_MI.perExecProbe}Mi`), 'livenessProbe.exec', vmField(['livenessProbe', 'exec']));
  if (readiness) push('probe-readiness', 'exec readiness probe', mustParse(`${OVERHEAD_MI.perExecProbe}Mi`), 'readinessProbe.exec', vmField(['readinessProbe', 'exec']));
  if (liveness || readiness) push('virt-probe', 'virt-probe binary', mustParse(`${OVERHEAD_MI.virtProbe}Mi`), 'an exec probe');
  if (isSEV(vmi)) push('sev', 'SEV launch security', mustParse(`${OVERHEAD_MI.sev}Mi`), 'launchSecurity.sev/snp', vmField(['domain', 'launchSecurity']));
  if (hasTPM(vmi)) push('swtpm', 'swtpm process', mustParse(`${OVERHEAD_MI.swtpm}Mi`), 'devices.tpm', vmField(['domain', 'devices', 'tpm']));
  if (isCpuDedicated(vmi) || wantsQOSGuaranteed(vmi)) {
    const dedicated = isCpuDedicated(vmi);
    push('dedicated-qos', dedicated ? 'dedicated CPUs' : 'Guaranteed QoS', mustParse(`${OVERHEAD_MI.dedicatedOrGuaranteed}Mi`),
      dedicated ? 'cpu.dedicatedCpuPlacement' : 'cpu and memory requests equal their limits (Guaranteed QoS)',
      vmField(dedicated ? ['domain', 'cpu', 'dedicatedCpuPlacement'] : ['domain', 'resources']));
  }
  const added = domain.memory?.reservedOverhead?.addedOverhead;
  if (added !== undefined && added !== null) {
    const parsed = parseQuantity(added);
    if (parsed.ok) push('reserved-overhead', 'memory.reservedOverhead.addedOverhead', parsed.quantity, `addedOverhead ${formatQuantity(parsed.quantity)}`, vmField(['domain', 'memory', 'reservedOverhead', 'addedOverhead']));
  }

  // The ratio is applied last: + int64(float64(ceil(total/1000)) × (ratio − 1)) kB.
  const ratioText = profile.config.additionalGuestMemoryOverheadRatio;
  if (ratioText !== undefined && ratioText !== null && ratioText !== '') {
    const ratio = FLOAT.test(String(ratioText)) ? Number(ratioText) : Number.NaN;
    if (Number.isFinite(ratio)) {
      const addition = Math.trunc(Number(scaledValue(total, 3)) * (ratio - 1.0));
      push('ratio', `additionalGuestMemoryOverheadRatio ${ratioText} (× ${ratio} on the sum above)`, newScaledQuantity(BigInt(addition), 3),
        `KubeVirt CR additionalGuestMemoryOverheadRatio "${ratioText}"`, crField(['additionalGuestMemoryOverheadRatio'], 'KubeVirt CR'));
    } else {
      notes.push(`overhead: additionalGuestMemoryOverheadRatio "${ratioText}" is not a number, so KubeVirt ignores it (the webhook would have rejected it)`);
    }
  }
  const overhead = total;

  let controllerOverhead = overhead;
  const net = networkOverheadTerms(vmi, profile.config);
  for (const t of net) {
    terms.push({ id: t.id, label: t.label, bytes: Number(value(t.quantity)), cause: t.cause, scope: 'controller', ...(source ? { at: vmField(['domain', 'devices', 'interfaces', t.interfaceIndex])! } : {}) });
  }
  controllerOverhead = add(controllerOverhead, networkOverheadSum(net));

  const note = memlockNote(vmi, selection.backend, profile.version, Number(value(overhead)), selection.hypervisor === 'qemu' ? 'emulated (QEMU)' : BACKENDS[selection.backend].id.toUpperCase());
  if (note) notes.push(note);

  const result: OverheadResult = {
    totalBytes: Number(value(overhead)),
    controllerTotalBytes: Number(value(controllerOverhead)),
    quantity: formatQuantity(overhead),
    controllerQuantity: formatQuantity(controllerOverhead),
    terms,
    notes,
  };
  quantities.set(result, { overhead, controllerOverhead });
  return result;
}

interface VcpuCount {
  count: number;
  cause: string;
  path: PathSegment[];
}

/** The vCPU count the overhead uses: the topology product, else ceil(cpu limit), else ceil(cpu request), at least 1. */
function vcpuCount(vmi: VirtualMachineInstance): VcpuCount {
  const cpu = vmi.spec.domain.cpu;
  const r = vmi.spec.domain.resources ?? {};
  let count = 0;
  let cause: string;
  let path: PathSegment[];
  if (cpu) {
    count = numberOfVCPUs(cpu);
    const parts = (['sockets', 'cores', 'threads'] as const).filter((k) => (cpu[k] ?? 0) !== 0).map((k) => `${k} ${cpu[k]}`);
    cause = `cpu topology ${parts.join(' × ') || 'all zero'}${cpu.maxSockets ? ' (maxSockets is ignored)' : ''}`;
    path = ['domain', 'cpu'];
  } else if (hasKey(r.limits, 'cpu')) {
    count = Number(value(quantityOf(r.limits, 'cpu')));
    cause = 'no cpu topology: ceil(resources.limits.cpu)';
    path = ['domain', 'resources', 'limits', 'cpu'];
  } else if (hasKey(r.requests, 'cpu')) {
    count = Number(value(quantityOf(r.requests, 'cpu')));
    cause = 'no cpu topology: ceil(resources.requests.cpu)';
    path = ['domain', 'resources', 'requests', 'cpu'];
  } else {
    cause = 'no cpu topology or cpu resources';
    path = ['domain'];
  }
  if (count < 1) {
    count = 1;
    cause += ' (at least 1)';
  }
  // Absurd quantities (e.g. limits.cpu "1e400") overflow a double; KubeVirt's int64 saturates.
  if (!Number.isSafeInteger(count)) {
    count = Number.isFinite(count) ? Math.min(Math.trunc(count), Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
    cause += ' (saturated: the value is far beyond any real VM)';
  }
  return { count, cause, path };
}
