// The VMI mutating webhook on create: SetDefaultVirtualMachineInstance (pkg/defaults), in
// KubeVirt's exact order, then ApplyNewVMIMutations' annotations and runtime user.

import type { Quantity } from '../api/k8s-types.js';
import type { KubeVirtCR, VirtualMachineInstance, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import type { VersionTraits } from '../profile/versions.js';
import { applyApiDefaults } from './api-defaulters.js';
import { applyArchDefaults, setS390xFeatures } from './arch-defaults.js';
import { alignCpusEnabled, machineTypeFor, nonDefaultCpuRequest, qgsSocketPath, rootEnabled } from './cluster-settings.js';
import { setupHotplug } from './hotplug-defaults.js';
import { setHypervDependencies } from './hyperv-dependencies.js';
import { setDefaultNetworkInterface, setDefaultVolumeDisks } from './network-defaults.js';
import { isZeroQuantityText as isZeroQuantity, quantityValueOf as quantityValue } from '../quantity/text.js';

export interface DefaultsContext {
  config: KubeVirtConfig;
  traits: VersionTraits;
  /** Architecture when the VMI names none (the operator's status.defaultArchitecture). */
  defaultArchitecture: string;
  kubevirt: KubeVirtCR | undefined;
}

/** The VMI's non-root user (qemu); RuntimeUser stays 0 with the Root feature gate. */
const NON_ROOT_USER = 107;
export const PCI_TOPOLOGY_ANNOTATION = 'kubevirt.io/pci-topology-version';
const PCI_TOPOLOGY_V3 = 'v3';
const EMULATOR_THREAD_PARITY_ANNOTATION = 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity';
const QGS_SOCKET_ANNOTATION = 'kubevirt.io/qgs-socket-path';

/** SetDefaultVirtualMachineInstanceSpec (rows A–V of the map); returns KubeVirt's error, or null. */
export function setSpecDefaults(spec: VirtualMachineInstanceSpec, ctx: DefaultsContext): string | null {
  spec.domain.devices ??= {};
  if (!spec.architecture) spec.architecture = ctx.defaultArchitecture; // A
  const machine = (spec.domain.machine ??= {}); // B
  if (!machine.type) machine.type = machineTypeFor(ctx.config, spec.architecture);
  setDefaultResourceRequests(spec, ctx.config); // C
  setGuestMemory(spec); // D
  setDefaultGuestCpuTopology(spec); // E
  setDefaultPullPolicies(spec); // F
  if (spec.evictionStrategy === undefined && ctx.config.evictionStrategy !== undefined) spec.evictionStrategy = ctx.config.evictionStrategy; // G
  const netError = setDefaultNetworkInterface(spec, ctx.config); // N
  if (netError) return netError;
  setDefaultVolumeDisks(spec); // V
  return null;
}

export function setDefaultResourceRequests(spec: VirtualMachineInstanceSpec, config: KubeVirtConfig): void {
  const resources = (spec.domain.resources ??= {});
  const limitCpu = resources.limits?.cpu;
  if (!isZeroQuantity(limitCpu) && isZeroQuantity(resources.requests?.cpu)) (resources.requests ??= {}).cpu = limitCpu!;
  const clusterRequest = nonDefaultCpuRequest(config);
  if (clusterRequest === undefined || (resources.requests && 'cpu' in resources.requests)) return;
  if (spec.domain.cpu?.dedicatedCpuPlacement) return;
  (resources.requests ??= {}).cpu = clusterRequest;
}

export function setGuestMemory(spec: VirtualMachineInstanceSpec): void {
  const memory = (spec.domain.memory ??= {});
  if (memory.guest !== undefined) return;
  const resources = spec.domain.resources;
  let guest: Quantity | undefined;
  if (!isZeroQuantity(resources?.requests?.memory)) guest = resources!.requests!.memory;
  else if (!isZeroQuantity(resources?.limits?.memory)) guest = resources!.limits!.memory;
  else if (memory.hugepages && quantityValue(memory.hugepages.pageSize) !== null) guest = memory.hugepages.pageSize;
  if (guest !== undefined) memory.guest = guest;
}

/** Only a CPU with no sockets, cores or threads at all gets a topology: sockets from the CPU limit, else request, else 1. */
export function setDefaultGuestCpuTopology(spec: VirtualMachineInstanceSpec): void {
  const cpu = spec.domain.cpu;
  if (cpu && (cpu.sockets || cpu.cores || cpu.threads)) return;
  const target = (spec.domain.cpu ??= {});
  const resources = spec.domain.resources;
  let sockets = 1;
  if (resources?.limits && 'cpu' in resources.limits) sockets = Number(quantityValue(resources.limits.cpu) ?? 0n);
  else if (resources?.requests && 'cpu' in resources.requests) sockets = Number(quantityValue(resources.requests.cpu) ?? 0n);
  // A zero limit gives sockets 0, which Go's omitempty drops.
  if (sockets > 0) target.sockets = sockets;
  else delete target.sockets;
  target.cores = 1;
  target.threads = 1;
}

/** `Always` for `:latest` or an untagged image, else `IfNotPresent`. */
export function pullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  return image.endsWith(':latest') || !/[:@]/.test(image) ? 'Always' : 'IfNotPresent';
}

function setDefaultPullPolicies(spec: VirtualMachineInstanceSpec): void {
  for (const v of spec.volumes ?? []) {
    if (v.containerDisk && !v.containerDisk.imagePullPolicy) v.containerDisk.imagePullPolicy = pullPolicyFor(v.containerDisk.image ?? '');
  }
}

/** SupportsPCIeHotplug: amd64/arm64 (or unset) with a q35 or virt machine. */
export function supportsPcieHotplug(spec: VirtualMachineInstanceSpec): boolean {
  if (!['amd64', 'arm64', '', undefined].includes(spec.architecture)) return false;
  const type = spec.domain.machine?.type;
  if (type !== undefined && !type.includes('q35') && !type.startsWith('virt')) return false;
  return true;
}

export function setPciTopologyAnnotation(meta: { annotations?: Record<string, string> }, spec: VirtualMachineInstanceSpec): void {
  if (!supportsPcieHotplug(spec)) return;
  const annotations = (meta.annotations ??= {});
  if (!(PCI_TOPOLOGY_ANNOTATION in annotations)) annotations[PCI_TOPOLOGY_ANNOTATION] = PCI_TOPOLOGY_V3;
}

export interface VmiDefaultsResult {
  error: string | null;
  /** Logged-only problems (a disabled Hyper-V requirement). */
  warnings: string[];
}

/** The VMI webhook's create path: SetDefaultVirtualMachineInstance + ApplyNewVMIMutations. */
export function applyVmiDefaults(vmi: VirtualMachineInstance, ctx: DefaultsContext, firmwareUuid: () => string): VmiDefaultsResult {
  const spec = vmi.spec;
  const error = setSpecDefaults(spec, ctx);
  if (error) return { error, warnings: [] };
  setS390xFeatures(spec); // S
  applyApiDefaults(vmi, firmwareUuid); // O
  const hyperv = setHypervDependencies(spec); // H
  applyArchDefaults(spec, ctx.config.cpuModel); // R
  const status = (vmi.status ??= {});
  const guest = spec.domain.memory?.guest; // M
  if (guest !== undefined) status.memory = { guestAtBoot: guest, guestCurrent: guest, guestRequested: guest };
  const cpu = spec.domain.cpu; // T
  if (cpu && !status.currentCPUTopology) status.currentCPUTopology = pickTopology(cpu);
  setupHotplug(spec, ctx.config); // P

  setPciTopologyAnnotation(vmi.metadata, spec);
  if (spec.domain.cpu?.isolateEmulatorThread && ctx.kubevirt?.metadata.annotations?.[EMULATOR_THREAD_PARITY_ANNOTATION] !== undefined && alignCpusEnabled(ctx.config)) {
    (vmi.metadata.annotations ??= {})[EMULATOR_THREAD_PARITY_ANNOTATION] = '';
  }
  if (ctx.traits.admissionPreferenceVideoLaunchSecurityPanic && spec.domain.launchSecurity?.tdx) {
    const path = qgsSocketPath(ctx.config);
    if (path) (vmi.metadata.annotations ??= {})[QGS_SOCKET_ANNOTATION] = path;
  }
  status.runtimeUser = rootEnabled(ctx.config) ? 0 : NON_ROOT_USER;
  status.guestOSInfo ??= {};
  return { error: null, warnings: hyperv.problem ? [hyperv.problem] : [] };
}

function pickTopology(cpu: { sockets?: number; cores?: number; threads?: number }): { sockets?: number; cores?: number; threads?: number } {
  const t: { sockets?: number; cores?: number; threads?: number } = {};
  if (cpu.sockets) t.sockets = cpu.sockets;
  if (cpu.cores) t.cores = cpu.cores;
  if (cpu.threads) t.threads = cpu.threads;
  return t;
}
