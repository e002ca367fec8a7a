// vmispec.SetDefaultNetworkInterface: a VMI with no interfaces and no networks gets the pod
// network, bound by the cluster's default interface type (bridge unless configured).

import type { Interface, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { bridgeOnPodNetworkPermitted, defaultNetworkInterface } from './cluster-settings.js';

/** Returns KubeVirt's error, or null. */
export function setDefaultNetworkInterface(spec: VirtualMachineInstanceSpec, config: KubeVirtConfig): string | null {
  const devices = spec.domain.devices;
  if (devices.autoattachPodInterface === false) return null;
  if ((spec.networks?.length ?? 0) > 0 || (devices.interfaces?.length ?? 0) > 0) return null;
  let iface: Interface | undefined;
  switch (defaultNetworkInterface(config)) {
    case 'bridge':
      if (!bridgeOnPodNetworkPermitted(config)) return 'bridge interface is not enabled in kubevirt-config';
      iface = { name: 'default', bridge: {} };
      break;
    case 'masquerade':
      iface = { name: 'default', masquerade: {} };
      break;
    case 'slirp':
      return 'slirp interface is deprecated as of v1.3';
    default:
      break;
  }
  if (iface) devices.interfaces = [iface];
  spec.networks = [{ name: 'default', pod: {} }];
  return null;
}

/** util.SetDefaultVolumeDisk: a volume without a disk or filesystem of its name gets a bare disk. */
export function setDefaultVolumeDisks(spec: VirtualMachineInstanceSpec): void {
  const devices = spec.domain.devices;
  const named = new Set([...(devices.disks ?? []).map((d) => d.name), ...(devices.filesystems ?? []).map((f) => f.name)]);
  for (const volume of spec.volumes ?? []) {
    if (named.has(volume.name)) continue;
    (devices.disks ??= []).push({ name: volume.name });
  }
}
