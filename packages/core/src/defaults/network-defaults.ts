// vmispec.SetDefaultNetworkInterface: a VMI with no interfaces and no networks gets the pod
// network, bound by the cluster's default interface type (bridge unless configured).

import type { Interface, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { bridgeOnPodNetworkPermitted, defaultNetworkInterface } from './cluster-settings.js';

const BRIDGE_NOT_ENABLED = 'bridge interface is not enabled in kubevirt-config';
const SLIRP_DEPRECATED = 'slirp interface is deprecated as of v1.3';

/** Whether the spec leaves the pod network to the default (no interfaces, no networks, auto-attach on). */
function wantsDefaultPodNetwork(spec: VirtualMachineInstanceSpec): boolean {
  const devices = spec.domain.devices;
  if (devices?.autoattachPodInterface === false) return false;
  return (spec.networks?.length ?? 0) === 0 && (devices?.interfaces?.length ?? 0) === 0;
}

/** The error setDefaultNetworkInterface would return, without changing `spec` (admission's dry run). */
export function defaultNetworkInterfaceError(spec: VirtualMachineInstanceSpec, config: KubeVirtConfig): string | null {
  if (!wantsDefaultPodNetwork(spec)) return null;
  switch (defaultNetworkInterface(config)) {
    case 'bridge':
      return bridgeOnPodNetworkPermitted(config) ? null : BRIDGE_NOT_ENABLED;
    case 'slirp':
      return SLIRP_DEPRECATED;
    default:
      return null;
  }
}

/** Returns KubeVirt's error, or null. */
export function setDefaultNetworkInterface(spec: VirtualMachineInstanceSpec, config: KubeVirtConfig): string | null {
  const devices = spec.domain.devices;
  if (!wantsDefaultPodNetwork(spec)) return null;
  let iface: Interface | undefined;
  switch (defaultNetworkInterface(config)) {
    case 'bridge':
      if (!bridgeOnPodNetworkPermitted(config)) return BRIDGE_NOT_ENABLED;
      iface = { name: 'default', bridge: {} };
      break;
    case 'masquerade':
      iface = { name: 'default', masquerade: {} };
      break;
    case 'slirp':
      return SLIRP_DEPRECATED;
    default:
      break;
  }
  if (iface) devices.interfaces = [iface];
  spec.networks = [{ name: 'default', pod: {} }];
  return null;
}

/** util.SetDefaultVolumeDisk: a volume without a disk or filesystem of its name gets a bare disk. */
export function setDefaultVolumeDisks(spec: VirtualMachineInstanceSpec): void {
  const volumes = spec.volumes;
  if (!volumes || volumes.length === 0) return;
  const devices = spec.domain.devices;
  // Names as they were before this loop (a volume named twice gets two disks, as in KubeVirt's loop).
  const named = new Set<string>();
  for (const d of devices.disks ?? []) named.add(d.name);
  for (const f of devices.filesystems ?? []) named.add(f.name);
  for (const volume of volumes) {
    if (named.has(volume.name)) continue;
    (devices.disks ??= []).push({ name: volume.name });
  }
}
