// The effective KubeVirt configuration: KubeVirt's built-in defaults with the CR's
// spec.configuration merged on top (objects merge field by field; arrays and scalars replace),
// the way virt-config unmarshals the CR over its defaults.

import type { Quantity } from '../api/k8s-types.js';
import { VERSION_TRAITS, type VersionKey } from './versions.js';

export interface ArchConfig {
  machineType?: string;
  ovmfPath?: string;
  emulatedMachines?: string[];
}

export interface BindingPlugin {
  sidecarImage?: string;
  networkAttachmentDefinition?: string;
  domainAttachmentType?: string;
  migration?: unknown;
  downwardAPI?: string;
  computeResourceOverhead?: { requests?: Record<string, Quantity>; limits?: Record<string, Quantity> };
}

/** The subset of `spec.configuration` that l1vh reads, after defaults. */
export interface KubeVirtConfig {
  developerConfiguration: {
    featureGates: string[];
    useEmulation?: boolean;
    cpuAllocationRatio: number;
    memoryOvercommit: number;
    nodeSelectors?: Record<string, string>;
    pvcTolerateLessSpaceUpToPercent?: number;
    logVerbosity?: Record<string, unknown>;
    [key: string]: unknown;
  };
  hypervisors: { name: string }[];
  cpuModel?: string;
  cpuRequest?: Quantity;
  machineType?: string;
  ovmfPath?: string;
  emulatedMachines?: string[];
  architectureConfiguration: {
    defaultArchitecture?: string;
    amd64: ArchConfig;
    arm64: ArchConfig;
    s390x: ArchConfig;
  };
  evictionStrategy?: string;
  vmRolloutStrategy?: string;
  liveUpdateConfiguration?: { maxHotplugRatio?: number; maxCpuSockets?: number; maxGuest?: Quantity };
  /** Go's NetworkConfiguration, whose JSON key is `network` (a `networkConfiguration` key is ignored). */
  network: {
    /** JSON name of Go's NetworkInterface; a key spelled `networkInterface` is unknown to KubeVirt and ignored. */
    defaultNetworkInterface?: string;
    permitBridgeInterfaceOnPodNetwork?: boolean;
    permitSlirpInterface?: boolean;
    binding?: Record<string, BindingPlugin>;
  };
  smbios: { manufacturer?: string; product?: string; version?: string; sku?: string; family?: string };
  additionalGuestMemoryOverheadRatio?: string;
  autoCPULimitNamespaceLabelSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  supportContainerResources?: unknown[];
  virtualMachineOptions?: { disableFreePageReporting?: Record<string, never>; disableSerialConsoleLog?: Record<string, never> };
  confidentialCompute?: { tdx?: { attestation?: { qgsSocketPath?: string } } };
  mediatedDevicesConfiguration?: unknown;
  permittedHostDevices?: unknown;
  [key: string]: unknown;
}

export function defaultKubeVirtConfig(version: VersionKey): KubeVirtConfig {
  return {
    developerConfiguration: { featureGates: [], cpuAllocationRatio: 10, memoryOvercommit: 100 },
    hypervisors: [{ name: 'kvm' }],
    architectureConfiguration: {
      amd64: { machineType: 'q35', ovmfPath: VERSION_TRAITS[version].ovmfPathAmd64, emulatedMachines: ['q35*', 'pc-q35*'] },
      arm64: { machineType: 'virt', ovmfPath: '/usr/share/AAVMF', emulatedMachines: ['virt*'] },
      s390x: { machineType: 's390-ccw-virtio', ovmfPath: '', emulatedMachines: ['s390-ccw-virtio*'] },
    },
    evictionStrategy: 'None',
    vmRolloutStrategy: 'LiveUpdate',
    liveUpdateConfiguration: { maxHotplugRatio: 4 },
    network: { defaultNetworkInterface: 'bridge', permitBridgeInterfaceOnPodNetwork: true, permitSlirpInterface: false },
    smbios: { manufacturer: 'KubeVirt', family: 'KubeVirt', product: 'None', sku: '', version: '' },
  };
}

/** Deep-merges `override` onto `base`: objects merge, everything else replaces (JSON-unmarshal semantics). */
export function mergeJson<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : (override as T));
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) {
    if (v === null) continue; // JSON null leaves Go's default in place for these structs
    out[k] = k in out && isPlainObject(out[k]) && isPlainObject(v) ? mergeJson(out[k], v) : v;
  }
  return out as T;
}

export function resolveKubeVirtConfig(crConfiguration: unknown, version: VersionKey): KubeVirtConfig {
  const merged = mergeJson(defaultKubeVirtConfig(version), crConfiguration ?? {});
  if (!Array.isArray(merged.developerConfiguration.featureGates)) merged.developerConfiguration.featureGates = [];
  return merged;
}

export function isGateEnabled(config: KubeVirtConfig, gate: string): boolean {
  return config.developerConfiguration.featureGates.includes(gate);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
