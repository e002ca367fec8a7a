// CPU and memory hotplug headroom (setupCPUHotplug / setupMemoryHotplug in pkg/defaults), only
// with the LiveUpdate rollout strategy and never on arm64.

import type { Quantity } from '../api/k8s-types.js';
import type { VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { isLiveUpdateRollout, maxCpuSockets, maxGuestMemory, maxHotplugRatio } from './cluster-settings.js';
import {
  canonicalQuantityText as canonicalQuantity,
  compareQuantityText as compareQuantities,
  formatWholeQuantity as formatQuantity,
  quantityValueOf as quantityValue,
  readQuantity,
} from '../quantity/text.js';

/** Upper bound on vCPUs KubeVirt plans for, whatever the machine type. */
const MAX_VCPUS = 512;
/** Memory hotplug block: 2 MiB, or 1 GiB with 1Gi hugepages. */
const BLOCK_ALIGNMENT = 2n * 1024n * 1024n;
const BLOCK_ALIGNMENT_1G_HUGEPAGES = 1024n * 1024n * 1024n;
/** Memory hotplug needs at least 1 GiB of guest memory. */
const MIN_GUEST_FOR_HOTPLUG = 1024n * 1024n * 1024n;

export function setupHotplug(spec: VirtualMachineInstanceSpec, config: KubeVirtConfig): void {
  if (spec.architecture === 'arm64' || !isLiveUpdateRollout(config)) return;
  setupCpuHotplug(spec, config);
  setupMemoryHotplug(spec, config);
}

export function setupCpuHotplug(spec: VirtualMachineInstanceSpec, config: KubeVirtConfig): void {
  const cpu = (spec.domain.cpu ??= {});
  const sockets = cpu.sockets ?? 0;
  const cores = cpu.cores ?? 0;
  const threads = cpu.threads ?? 0;
  let maxSockets = cpu.maxSockets ?? 0;
  if (maxSockets === 0) {
    maxSockets = maxCpuSockets(config);
    if (maxSockets !== 0 && sockets > maxSockets) maxSockets = sockets;
  }
  if (maxSockets === 0) {
    maxSockets = sockets * maxHotplugRatio(config);
    const total = maxSockets * cores * threads;
    if (total > MAX_VCPUS) maxSockets = Math.max(Math.floor(MAX_VCPUS / (cores * threads)), sockets);
  }
  if (maxSockets > 0) cpu.maxSockets = maxSockets;
  else delete cpu.maxSockets;
}

export function setupMemoryHotplug(spec: VirtualMachineInstanceSpec, config: KubeVirtConfig): void {
  const memory = spec.domain.memory;
  if (memory?.maxGuest !== undefined) return;
  const configured = maxGuestMemory(config);
  let maxGuest: Quantity | undefined = configured === undefined ? undefined : canonicalQuantity(configured);
  if (maxGuest === undefined && memory?.guest !== undefined) {
    const guest = quantityValue(memory.guest);
    if (guest !== null) maxGuest = formatQuantity(guest * BigInt(maxHotplugRatio(config)), 'BinarySI');
  }
  if (liveUpdateMemoryProblem(spec, maxGuest) !== null) return;
  (spec.domain.memory ??= {}).maxGuest = maxGuest;
}

/** ValidateLiveUpdateMemory: why memory hotplug cannot be offered, or null. */
export function liveUpdateMemoryProblem(spec: VirtualMachineInstanceSpec, maxGuest: Quantity | undefined): string | null {
  const domain = spec.domain;
  if (domain.cpu?.realtime) return 'Memory hotplug is not compatible with realtime VMs';
  if (domain.cpu?.numa?.guestMappingPassthrough) return 'Memory hotplug is not compatible with guest mapping passthrough';
  if (domain.launchSecurity) return 'Memory hotplug is not compatible with encrypted VMs';
  const alignment = domain.memory?.hugepages?.pageSize === '1Gi' ? BLOCK_ALIGNMENT_1G_HUGEPAGES : BLOCK_ALIGNMENT;
  const guest = domain.memory?.guest;
  if (guest === undefined) return 'Guest memory must be configured when memory hotplug is enabled';
  if (maxGuest === undefined) return 'Max guest memory must be configured when memory hotplug is enabled';
  if (compareQuantities(guest, maxGuest) === 1) return 'Guest memory is greater than the configured maxGuest memory';
  const alignmentText = (): string => formatQuantity(alignment, 'BinarySI');
  const guestBytes = quantityValue(guest) ?? 0n;
  if (guestBytes % alignment !== 0n) return `Guest memory must be ${alignmentText()} aligned`;
  if ((quantityValue(maxGuest) ?? 0n) % alignment !== 0n) return `MaxGuest must be ${alignmentText()} aligned`;
  if (spec.architecture !== 'amd64') return 'Memory hotplug is only available for x86_64 VMs';
  if (guestBytes < MIN_GUEST_FOR_HOTPLUG) return 'Memory hotplug is only available for VMs with at least 1Gi of guest memory';
  return readQuantity(maxGuest) ? null : 'MaxGuest is not a quantity';
}
