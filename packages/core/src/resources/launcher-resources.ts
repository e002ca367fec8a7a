// The virt-launcher compute container's requests/limits, as virt-controller renders them
// (pkg/virt-controller/services/renderresources.go with template.go's newResourceRenderer and
// VMIResourcePredicates). The renderer keeps the VMI's own requests/limits (vm*) apart from the
// calculated ones and overlays vm* last; steps run in KubeVirt's order. Quantities keep
// apimachinery's formats, so the strings match `kubectl get pod -o yaml`.

import type { ResourceList } from '../api/k8s-types.js';
import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { overheadQuantities, type OverheadResult } from '../overhead/memory-overhead.js';
import { hasHugepages, hasKey, hasPersistentReservation, ioThreadsCount, isCpuDedicated, isSEV, isTDX, numberOfVCPUs, quantityOf } from '../vmi-facts.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { VERSION_TRAITS } from '../profile/versions.js';
import { add, formatQuantity, isZero, mustParse, newQuantity, newScaledQuantity, parseQuantity, sub, value, ZERO_QUANTITY, type Quantity } from '../quantity/index.js';
import type { Selection } from '../select/select-hypervisor.js';
import { DEVICE_RESOURCES } from './device-resources.js';
import { isGateOn } from './feature-gates.js';
import { formatGoG } from './go-format.js';
import { autoCpuLimitsApply, autoMemoryLimitsApply, memoryLimitsRatio } from './namespace-limits.js';

export interface LauncherResources {
  requests: Record<string, string>;
  /** Omitted when empty, as Kubernetes prints a container's resources. */
  limits?: Record<string, string>;
  /** DRA claims (GPUs/host devices/networks provisioned through resourceClaims). */
  claims?: { name: string; request?: string }[];
}

type QuantityMap = Map<string, Quantity>;

const EPHEMERAL_STORAGE_OVERHEAD = '50M';
const EMULATOR_THREAD_PARITY_ANNOTATION = 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity';

/** The renderer state: the VMI's own lists and the calculated ones; vm* wins on output. */
class Renderer {
  readonly vmLimits: QuantityMap;
  readonly vmRequests: QuantityMap;
  readonly calculatedLimits: QuantityMap = new Map();
  readonly calculatedRequests: QuantityMap = new Map();
  readonly claims: { name: string; request?: string }[] = [];

  constructor(limits: ResourceList | undefined, requests: ResourceList | undefined) {
    this.vmLimits = toMap(limits);
    this.vmRequests = toMap(requests);
  }

  limits(): QuantityMap {
    return new Map([...this.calculatedLimits, ...this.vmLimits]);
  }

  requests(): QuantityMap {
    return new Map([...this.calculatedRequests, ...this.vmRequests]);
  }

  /** requestResource: +1 on limits and requests of the merged view, written back to calculated. */
  requestDevice(names: readonly string[]): void {
    const limits = this.limits();
    const requests = this.requests();
    for (const name of names) {
      bump(limits, name);
      bump(requests, name);
    }
    for (const [k, v] of limits) this.calculatedLimits.set(k, v);
    for (const [k, v] of requests) this.calculatedRequests.set(k, v);
  }
}

function toMap(list: ResourceList | undefined): QuantityMap {
  const m: QuantityMap = new Map();
  for (const key of Object.keys(list ?? {})) {
    if (!hasKey(list, key)) continue;
    const r = parseQuantity(list![key]!);
    if (r.ok) m.set(key, r.quantity);
  }
  return m;
}

function bump(m: QuantityMap, name: string): void {
  const one = newQuantity(1, 'DecimalSI');
  const v = m.get(name);
  m.set(name, v ? add(v, one) : one);
}

const get = (m: QuantityMap, key: string): Quantity => m.get(key) ?? ZERO_QUANTITY;

export function computeLauncherResources(vmi: VirtualMachineInstance, profile: ClusterProfile, selection: Selection, overhead: OverheadResult): LauncherResources {
  const spec = vmi.spec;
  const domain = spec.domain;
  const cfg = profile.config;
  const traits = VERSION_TRAITS[profile.version];
  const memoryOverhead = overheadQuantities(overhead).controllerOverhead;
  const r = new Renderer(domain.resources?.limits, domain.resources?.requests);
  const vmiRequests = domain.resources?.requests;

  // 1. Ephemeral storage for KubeVirt's own files, on top of the user's.
  const eph = mustParse(EPHEMERAL_STORAGE_OVERHEAD);
  r.vmRequests.set('ephemeral-storage', add(get(r.vmRequests, 'ephemeral-storage'), eph));
  if (r.vmLimits.has('ephemeral-storage')) r.vmLimits.set('ephemeral-storage', add(r.vmLimits.get('ephemeral-storage')!, eph));

  // 2. Device-plugin resources (hypervisor device, tun, vhost-net, vsock) go into limits.
  for (const [name, v] of Object.entries(selection.deviceResources)) r.vmLimits.set(name, mustParse(v));

  // 3. Memory request from the limit, guest memory (with overcommit) or the hugepage size.
  if (isZero(quantityOf(vmiRequests, 'memory'))) withMemoryRequests(r, vmi, cfg.developerConfiguration.memoryOvercommit);

  // 4. CPU.
  const autoCpu = autoCpuLimitsApply(vmi, profile);
  if (isCpuDedicated(vmi)) withCpuPinning(r, vmi);
  else withoutDedicatedCpu(r, vmi, cfg.developerConfiguration.cpuAllocationRatio, autoCpu);

  // 5. Memory overhead (hugepages VMs keep guest RAM in hugepages-<size>).
  if (hasHugepages(vmi)) withHugepages(r, vmi, memoryOverhead);
  else withMemoryOverhead(r, domain.resources?.overcommitGuestOverhead === true, memoryOverhead);

  // 6. Auto memory limit from a namespace ResourceQuota with limits.memory.
  if (autoMemoryLimitsApply(vmi, profile)) {
    const request = get(r.vmRequests, 'memory');
    const limit = Math.trunc(Number(value(request)) * memoryLimitsRatio(vmi, profile));
    r.calculatedLimits.set('memory', newQuantity(BigInt(limit), request.format));
  }

  // 7. One of each extra device: GPUs and host devices by device plugin, DRA claims, SEV, TDX, pr-helper, IOMMUFD.
  const gpus = domain.devices.gpus ?? [];
  const hostDevices = domain.devices.hostDevices ?? [];
  const pluginGpus = gpus.filter((g) => !!g.deviceName && !g.claimName && !g.requestName);
  if (pluginGpus.length > 0) r.requestDevice(pluginGpus.map((g) => g.deviceName!));
  const draGpus = gpus.filter((g) => !g.deviceName && (g.claimName !== undefined || g.requestName !== undefined));
  if (isGateOn(profile, 'GPUsWithDRA') && draGpus.length > 0) {
    for (const g of draGpus) pushClaim(r, g.claimName, g.requestName, traits.draClaimWithoutNames);
  }
  const pluginHostDevices = hostDevices.filter((h) => !!h.deviceName && !h.claimName && !h.requestName);
  if (pluginHostDevices.length > 0) r.requestDevice(pluginHostDevices.map((h) => h.deviceName!));
  const draHostDevices = hostDevices.filter((h) => !h.deviceName && (h.claimName !== undefined || h.requestName !== undefined));
  if (isGateOn(profile, 'HostDevicesWithDRA') && draHostDevices.length > 0) {
    for (const h of draHostDevices) pushClaim(r, h.claimName, h.requestName, traits.draClaimWithoutNames);
  }
  const draNetworks = (spec.networks ?? []).filter((n) => !!n.resourceClaim);
  if (traits.draNetworkClaims && isGateOn(profile, 'NetworkDevicesWithDRA') && draNetworks.length > 0) {
    for (const n of draNetworks) pushClaim(r, n.resourceClaim!.claimName, n.resourceClaim!.requestName, true);
  }
  if (isSEV(vmi)) r.requestDevice([DEVICE_RESOURCES.sev]);
  if (traits.tdxIommufdDeviceRequests && isTDX(vmi)) r.requestDevice([DEVICE_RESOURCES.tdx]);
  if (hasPersistentReservation(vmi)) r.requestDevice([DEVICE_RESOURCES.prHelper]);
  if (traits.tdxIommufdDeviceRequests && isGateOn(profile, 'IOMMUFD')) r.requestDevice([DEVICE_RESOURCES.iommufd]);

  const out: LauncherResources = { requests: toStrings(r.requests()) };
  const limits = toStrings(r.limits());
  if (Object.keys(limits).length > 0) out.limits = limits;
  if (r.claims.length > 0) out.claims = r.claims;
  return out;
}

function toStrings(m: QuantityMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of m) out[k] = formatQuantity(v);
  return out;
}

/** v1.8 only renders a claim when both names are set; v1.9+ whenever the claim request exists. */
function pushClaim(r: Renderer, claimName: string | undefined, requestName: string | undefined, lenient: boolean): void {
  if (!lenient && (claimName === undefined || requestName === undefined)) return;
  r.claims.push({ name: claimName ?? '', ...(requestName ? { request: requestName } : {}) });
}

/** WithMemoryRequests: request := limit, else guest (×100/overcommit), else the hugepage size. */
function withMemoryRequests(r: Renderer, vmi: VirtualMachineInstance, overcommit: number): void {
  const limit = r.vmLimits.get('memory');
  const request = r.vmRequests.get('memory');
  if (limit && !isZero(limit) && (!request || isZero(request))) r.vmRequests.set('memory', limit);
  if (r.vmRequests.has('memory')) return;
  const mem = vmi.spec.domain.memory;
  let memory: Quantity | undefined;
  if (mem?.guest !== undefined && mem.guest !== null) {
    const p = parseQuantity(mem.guest);
    memory = p.ok ? p.quantity : undefined;
  } else if (mem?.hugepages) {
    const p = parseQuantity(mem.hugepages.pageSize ?? '');
    if (p.ok) memory = p.quantity;
  }
  if (!memory || value(memory) <= 0n) return;
  if (overcommit === 100) r.vmRequests.set('memory', memory);
  else r.vmRequests.set('memory', newQuantity((value(memory) * 100n) / BigInt(Math.trunc(overcommit)), memory.format));
}

/** WithCPUPinning: requests = limits = vCPUs + I/O pool threads, +1 (or +2 for even parity) emulator thread, memory limit := request. */
function withCpuPinning(r: Renderer, vmi: VirtualMachineInstance): void {
  const cpu = vmi.spec.domain.cpu!;
  const vcpus = numberOfVCPUs(cpu);
  const io = ioThreadsCount(vmi);
  if (vcpus !== 0) {
    r.vmLimits.set('cpu', newQuantity(vcpus + io, 'BinarySI'));
    r.vmRequests.set('cpu', newQuantity(vcpus + io, 'BinarySI'));
  } else {
    const threads = newQuantity(io, 'BinarySI');
    if (r.vmLimits.has('cpu')) r.vmLimits.set('cpu', add(r.vmLimits.get('cpu')!, threads));
    if (r.vmRequests.has('cpu')) r.vmRequests.set('cpu', add(r.vmRequests.get('cpu')!, threads));
  }
  if (cpu.isolateEmulatorThread) {
    // template.go passes the pool thread count again only for the supplementalPool policy.
    const additional = vmi.spec.domain.ioThreadsPolicy === 'supplementalPool' ? BigInt(io) : 0n;
    const limits = get(r.vmLimits, 'cpu');
    const parity = Object.prototype.hasOwnProperty.call(vmi.metadata.annotations ?? {}, EMULATOR_THREAD_PARITY_ANNOTATION);
    const emulator = newQuantity(parity && (value(limits) + additional) % 2n === 0n ? 2 : 1, 'BinarySI');
    r.vmLimits.set('cpu', add(limits, emulator));
    if (r.vmRequests.has('cpu')) r.vmRequests.set('cpu', add(r.vmRequests.get('cpu')!, emulator));
  }
  if (r.vmRequests.has('memory')) r.vmLimits.set('memory', r.vmRequests.get('memory')!);
}

/** WithoutDedicatedCPU: request = (vCPUs + pool threads) / cpuAllocationRatio, printed with %g (milli below 1). */
function withoutDedicatedCpu(r: Renderer, vmi: VirtualMachineInstance, ratio: number, withLimits: boolean): void {
  const cpu = vmi.spec.domain.cpu;
  const total = (cpu ? numberOfVCPUs(cpu) : 1) + ioThreadsCount(vmi);
  const allocationRatio = Math.trunc(ratio);
  if (total === 0 || allocationRatio <= 0) return;
  let val = total / allocationRatio;
  let text = formatGoG(val);
  if (val < 1) {
    val *= 1000;
    text = `${formatGoG(val)}m`;
  }
  const parsed = parseQuantity(text);
  if (parsed.ok) r.calculatedRequests.set('cpu', parsed.quantity);
  if (withLimits) r.calculatedLimits.set('cpu', mustParse(String(total)));
}

/** WithHugePages: hugepages-<size> = the memory request (or guest if smaller); memory = the excess over guest + overhead. */
function withHugepages(r: Renderer, vmi: VirtualMachineInstance, overhead: Quantity): void {
  const mem = vmi.spec.domain.memory!;
  const resource = `hugepages-${mem.hugepages?.pageSize ?? ''}`;
  const guestParsed = mem.guest !== undefined && mem.guest !== null ? parseQuantity(mem.guest) : null;
  const guest = guestParsed?.ok ? guestParsed.quantity : null;
  let hugepages = get(r.vmRequests, 'memory');
  if (guest && value(hugepages) > value(guest)) hugepages = guest;
  r.calculatedRequests.set(resource, hugepages);
  r.calculatedLimits.set(resource, hugepages);
  let reqDiff = newScaledQuantity(0, 3);
  let limDiff = newScaledQuantity(0, 3);
  if (guest) {
    const requests = get(r.vmRequests, 'memory');
    const limits = get(r.vmLimits, 'memory');
    if (value(requests) > value(guest)) reqDiff = sub(add(reqDiff, requests), guest);
    if (value(limits) > value(guest)) limDiff = sub(add(limDiff, limits), guest);
  }
  r.vmRequests.set('memory', add(reqDiff, overhead));
  if (r.vmLimits.has('memory')) r.vmLimits.set('memory', add(limDiff, overhead));
}

/** WithMemoryOverhead: request += overhead (unless overcommitGuestOverhead), limit += overhead when set. */
function withMemoryOverhead(r: Renderer, overcommitGuestOverhead: boolean, overhead: Quantity): void {
  let request = get(r.vmRequests, 'memory');
  if (!overcommitGuestOverhead) request = add(request, overhead);
  r.vmRequests.set('memory', request);
  if (r.vmLimits.has('memory')) r.vmLimits.set('memory', add(r.vmLimits.get('memory')!, overhead));
}

/** What the rendered resources cannot include offline. */
export function launcherResourceNotes(vmi: VirtualMachineInstance): string[] {
  const multus = (vmi.spec.networks ?? []).filter((n) => !!n.multus).map((n) => n.name);
  if (multus.length === 0) return [];
  return [`launcher resources: virt-controller also requests the device resource named by each Multus NetworkAttachmentDefinition's k8s.v1.cni.cncf.io/resourceName annotation (e.g. SR-IOV VFs) for ${multus.join(', ')}; NetworkAttachmentDefinitions are not read, so those resources are not shown.`];
}
