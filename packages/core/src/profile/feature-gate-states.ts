// The state KubeVirt registers for each feature gate (pkg/virt-config/featuregate/{active,inactive}.go),
// per release, and featuregate.IsEnabled over it: GA is always on; a listed gate is on; a
// disabled one is off; Beta is on by default from v1.9 (v1.8 needs every non-GA gate listed).
// A name KubeVirt does not register is never on, even when listed.

import type { KubeVirtConfig } from './kubevirt-config.js';
import type { VersionKey } from './versions.js';

export type GateState = 'Alpha' | 'Beta' | 'GA' | 'Deprecated' | 'Discontinued';

type StateTable = Readonly<Record<GateState, readonly string[]>>;

const V18: StateTable = {
  Alpha: [
    'AlignCPUs', 'CPUManager', 'ConfigurableHypervisor', 'ContainerPathVolumes', 'DecentralizedLiveMigration',
    'DeclarativeHotplugVolumes', 'DownwardMetrics', 'EnableVirtioFsStorageVolumes', 'ExpandDisks',
    'ExperimentalIgnitionSupport', 'GPUsWithDRA', 'HostDevices', 'HostDevicesWithDRA', 'HostDisk', 'HotplugVolumes',
    'HypervStrictCheck', 'IncrementalBackup', 'LibvirtHooksServerAndClient', 'OptOutRoleAggregation',
    'PCINUMAAwareTopology', 'PersistentReservation', 'RebootPolicy', 'ReservedOverheadMemlock', 'Root', 'Sidecar',
    'Template', 'UtilityVolumes', 'VSOCK', 'VmiMemoryOverheadReport', 'WorkloadEncryptionSEV', 'WorkloadEncryptionTDX',
  ],
  Beta: [
    'ExternalNetResourceInjection', 'ImageVolume', 'KubevirtSeccompProfile', 'LiveUpdateNADRef', 'MigrationPriorityQueue',
    'NodeRestriction', 'PanicDevices', 'PasstBinding', 'PodSecondaryInterfaceNamingUpgrade', 'SecureExecution', 'Snapshot',
    'VMExport', 'VideoConfig',
  ],
  GA: [
    'AutoResourceLimitsGate', 'BochsDisplayForEFIGuests', 'CPUNodeDiscovery', 'ClusterProfiler',
    'CommonInstancetypesDeploymentGate', 'DisableCustomSELinuxPolicy', 'DynamicPodInterfaceNaming',
    'EnableVirtioFsConfigVolumes', 'GPU', 'HotplugNICs', 'InstancetypeReferencePolicy', 'LiveMigration', 'NUMA',
    'NetworkBindingPlugins', 'NonRoot', 'PSA', 'SRIOVLiveMigration', 'VMLiveUpdateFeatures', 'VMPersistentState',
    'VolumeMigration', 'VolumesUpdateStrategy',
  ],
  Deprecated: ['DisableMDEVConfiguration', 'DockerSELinuxMCSWorkaround', 'MultiArchitecture'],
  Discontinued: ['ExperimentalVirtiofsSupport', 'Macvtap', 'Passt', 'PasstIPStackMigration'],
};

const V19: StateTable = {
  Alpha: [
    'AlignCPUs', 'CPUManager', 'ConfigurableHypervisor', 'ContainerPathVolumes', 'CrossArchitectureVirtualization',
    'DecentralizedLiveMigration', 'DownwardMetrics', 'EnableVirtioFsStorageVolumes', 'ExperimentalIgnitionSupport',
    'FirmwareAutoSelection', 'GraceIOVirtualization', 'HostDevices', 'HostDisk', 'HypervStrictCheck', 'IOMMUFD',
    'IncrementalBackup', 'MigrationStallDetection', 'NetworkDevicesWithDRA', 'OCIExport', 'ObjectGraph',
    'PCINUMAAwareTopology', 'Plugins', 'PortRangesSpec', 'ReservedOverheadMemlock', 'Root', 'Sidecar', 'UtilityVolumes',
    'VGPULiveMigration', 'VMStatsCollector', 'VSOCK', 'WorkloadEncryptionTDX',
  ],
  Beta: [
    'DeclarativeHotplugVolumes', 'ExternalNetResourceInjection', 'GPUsWithDRA', 'HostDevicesWithDRA', 'ImageVolume',
    'KubevirtSeccompProfile', 'LibvirtHooksServerAndClient', 'NodeRestriction', 'OptOutRoleAggregation', 'PasstBinding',
    'PodSecondaryInterfaceNamingUpgrade', 'RebootPolicy', 'Snapshot', 'Template', 'VmiMemoryOverheadReport',
    'WorkloadEncryptionSEV',
  ],
  GA: [
    ...V18.GA, 'ExpandDisks', 'LiveUpdateNADRef', 'MigrationPriorityQueue', 'PanicDevices', 'PersistentReservation',
    'SecureExecution', 'VMExport', 'VideoConfig',
  ],
  Deprecated: [...V18.Deprecated, 'HotplugVolumes'],
  Discontinued: V18.Discontinued,
};

const MAIN: StateTable = {
  Alpha: [...V19.Alpha.filter((g) => g !== 'DecentralizedLiveMigration'), 'MigrationDowntimeTuning'],
  Beta: [...V19.Beta.filter((g) => g !== 'LibvirtHooksServerAndClient' && g !== 'VmiMemoryOverheadReport'), 'DecentralizedLiveMigration'],
  GA: [...V19.GA, 'LibvirtHooksServerAndClient', 'VmiMemoryOverheadReport'],
  Deprecated: V19.Deprecated,
  Discontinued: V19.Discontinued,
};

function index(table: StateTable): ReadonlyMap<string, GateState> {
  const m = new Map<string, GateState>();
  for (const [state, names] of Object.entries(table) as [GateState, readonly string[]][]) for (const n of names) m.set(n, state);
  return m;
}

const TABLES: Readonly<Record<VersionKey, StateTable>> = { 'v1.8': V18, 'v1.9': V19, main: MAIN };
/** Indexed on first use: a run mostly reads one version. */
const STATES = new Map<VersionKey, ReadonlyMap<string, GateState>>();

/** Whether Beta gates are on unless disabled (IsEnabled from v1.9; v1.8's isFeatureGateEnabled needs them listed). */
const BETA_ON_BY_DEFAULT: Readonly<Record<VersionKey, boolean>> = { 'v1.8': false, 'v1.9': true, main: true };

export function gateState(version: VersionKey, gate: string): GateState | undefined {
  let states = STATES.get(version);
  if (!states) STATES.set(version, (states = index(TABLES[version])));
  return states.get(gate);
}

/** featuregate.IsEnabled for the merged configuration. */
export function featureGateEnabled(config: KubeVirtConfig, version: VersionKey, gate: string): boolean {
  const state = gateState(version, gate);
  if (state === undefined) return false;
  if (state === 'GA') return true;
  const dev = config.developerConfiguration;
  if (dev.featureGates.includes(gate)) return true;
  const disabled = dev['disabledFeatureGates'];
  if (Array.isArray(disabled) && disabled.includes(gate)) return false;
  return state === 'Beta' && BETA_ON_BY_DEFAULT[version];
}
