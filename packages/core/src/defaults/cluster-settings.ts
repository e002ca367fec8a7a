// virt-config's getters, as admission reads them: each answers one question about the merged
// KubeVirt configuration (defaults already applied by profile/kubevirt-config.ts).

import type { Quantity } from '../api/k8s-types.js';
import { isGateEnabled, type KubeVirtConfig } from '../profile/kubevirt-config.js';
import { compareQuantityText as compareQuantities } from '../quantity/text.js';

/** virtconfig.DefaultCPURequest: the value that is never written into a VMI. */
export const DEFAULT_CPU_REQUEST = '100m';
/** virtconfig.DefaultQGSSocketPath. */
export const DEFAULT_QGS_SOCKET_PATH = '/var/run/tdx-qgs/qgs.socket';

/** GetMachineType: the deprecated top-level machineType wins; unknown arches read amd64's. */
export function machineTypeFor(config: KubeVirtConfig, arch: string | undefined): string {
  if (config.machineType) return config.machineType;
  const archs = config.architectureConfiguration;
  if (arch === 'arm64') return archs.arm64.machineType ?? '';
  if (arch === 's390x') return archs.s390x.machineType ?? '';
  return archs.amd64.machineType ?? '';
}

/** The cluster cpuRequest when it differs from 100m (only then is it written), else undefined. */
export function nonDefaultCpuRequest(config: KubeVirtConfig): Quantity | undefined {
  const q = config.cpuRequest;
  if (q === undefined || q === null) return undefined;
  return compareQuantities(q, DEFAULT_CPU_REQUEST) === 0 ? undefined : q;
}

export function maxCpuSockets(config: KubeVirtConfig): number {
  return config.liveUpdateConfiguration?.maxCpuSockets ?? 0;
}

export function maxGuestMemory(config: KubeVirtConfig): Quantity | undefined {
  return config.liveUpdateConfiguration?.maxGuest;
}

/** GetMaxHotplugRatio: 1 without a liveUpdateConfiguration, else its (defaulted) ratio. */
export function maxHotplugRatio(config: KubeVirtConfig): number {
  const live = config.liveUpdateConfiguration;
  if (!live) return 1;
  return live.maxHotplugRatio ?? 0;
}

export function isLiveUpdateRollout(config: KubeVirtConfig): boolean {
  return config.vmRolloutStrategy === undefined || config.vmRolloutStrategy === 'LiveUpdate';
}

export function defaultNetworkInterface(config: KubeVirtConfig): string {
  return config.network.defaultNetworkInterface ?? '';
}

export function bridgeOnPodNetworkPermitted(config: KubeVirtConfig): boolean {
  return config.network.permitBridgeInterfaceOnPodNetwork !== false;
}

export function rootEnabled(config: KubeVirtConfig): boolean {
  return isGateEnabled(config, 'Root');
}

export function alignCpusEnabled(config: KubeVirtConfig): boolean {
  return isGateEnabled(config, 'AlignCPUs');
}

export function qgsSocketPath(config: KubeVirtConfig): string {
  return config.confidentialCompute?.tdx?.attestation?.qgsSocketPath ?? DEFAULT_QGS_SOCKET_PATH;
}
