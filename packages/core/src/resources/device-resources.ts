// The device-plugin resources the virt-launcher pod asks for (limits only; the API server
// defaults requests to the same). Shared by hypervisor selection (node feasibility) and the
// launcher resource calculation.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';

export interface DeviceRequestOptions {
  /** The hypervisor device resource to request, or null when none is (emulation, or the proposal). */
  hypervisorResource: string | null;
  useEmulation: boolean;
}

export function requiredDeviceResources(vmi: VirtualMachineInstance, opts: DeviceRequestOptions): Record<string, string> {
  const devices = vmi.spec.domain.devices;
  const interfaces = devices.interfaces ?? [];
  const out: Record<string, string> = {};
  if (opts.hypervisorResource && !opts.useEmulation) out[opts.hypervisorResource] = '1';
  if (interfaces.length > 0 || devices.autoattachPodInterface !== false) out['devices.kubevirt.io/tun'] = '1';
  if (!opts.useEmulation && interfaces.some((i) => !i.sriov && (i.model === undefined || i.model === '' || i.model === 'virtio'))) {
    out['devices.kubevirt.io/vhost-net'] = '1';
  }
  if (devices.autoattachVSOCK) out['devices.kubevirt.io/vhost-vsock'] = '1';
  return out;
}
