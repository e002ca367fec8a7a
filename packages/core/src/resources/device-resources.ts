// The device-plugin resources the virt-launcher pod asks for (renderresources.getRequiredResources;
// limits only, the API server defaults requests to the same). Shared by hypervisor selection
// (node feasibility) and the launcher resource calculation.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { hasVirtioInterface, requiresTun } from '../vmi-facts.js';

export interface DeviceRequestOptions {
  /** The hypervisor device resource to request, or null when none is (the proposal). */
  hypervisorResource: string | null;
  useEmulation: boolean;
}

export const DEVICE_RESOURCES = {
  tun: 'devices.kubevirt.io/tun',
  vhostNet: 'devices.kubevirt.io/vhost-net',
  vhostVsock: 'devices.kubevirt.io/vhost-vsock',
  sev: 'devices.kubevirt.io/sev',
  tdx: 'devices.kubevirt.io/tdx',
  prHelper: 'devices.kubevirt.io/pr-helper',
  iommufd: 'devices.kubevirt.io/iommufd',
} as const;

export function requiredDeviceResources(vmi: VirtualMachineInstance, opts: DeviceRequestOptions): Record<string, string> {
  const out: Record<string, string> = {};
  if (requiresTun(vmi)) out[DEVICE_RESOURCES.tun] = '1';
  // Under emulation /dev/vhost-net is not requested either: QEMU falls back to a userland NIC.
  if (hasVirtioInterface(vmi) && !opts.useEmulation) out[DEVICE_RESOURCES.vhostNet] = '1';
  if (opts.hypervisorResource && !opts.useEmulation) out[opts.hypervisorResource] = '1';
  if (vmi.spec.domain.devices.autoattachVSOCK === true) out[DEVICE_RESOURCES.vhostVsock] = '1';
  return out;
}
