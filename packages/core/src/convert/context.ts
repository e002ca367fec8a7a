// What the converter knows besides the VMI: in production virt-launcher's ConverterContext,
// here derived from the cluster profile with preview defaults (kubevirt-behaviour.md §3.3).
// Anything only a running node knows is recorded as a note instead of being invented. Every
// node-side value has a preview default and can be overridden (ConverterContextOverrides).

import { PLACEHOLDER_VMI_UID } from '../conventions.js';
import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { VERSION_TRAITS, type VersionKey, type VersionTraits } from '../profile/versions.js';
import type { Selection } from '../select/select-hypervisor.js';
import { ARCH_TRAITS, type Arch, type ArchTraits } from './arch-traits.js';
import { efiConfiguration, type EfiConfiguration } from './efi.js';
import { ioThreadPlan, type IOThreadPlan } from './iothreads-plan.js';
import { previewVolumeContext, type PreviewVolumeContext } from './volume-facts.js';
import { previewDeviceContext, type SmbiosValues } from './preview-device-context.js';

export type { Arch } from './arch-traits.js';
export type { SmbiosValues } from './preview-device-context.js';


/**
 * The node-side ConverterContext fields a caller may set instead of the preview defaults
 * (KubeVirt's names in the comments). Unset fields keep the default derived from the profile.
 */
export interface ConverterContextOverrides {
  /** VMI UID used in socket paths. */
  uid?: string;
  /** SMBios; null = none (no manufacturer/family/… entries). */
  smbios?: SmbiosValues | null;
  /** MemBalloonStatsPeriod (0 = no <stats>). */
  memBalloonStatsPeriod?: number;
  /** FreePageReporting. */
  freePageReporting?: boolean;
  /** SerialConsoleLog. */
  serialConsoleLog?: boolean;
  /** BochsForEFIGuests. */
  bochsForEfiGuests?: boolean;
  /** EFIConfiguration: files, null (none), or the launcher's error text. */
  efi?: EfiConfiguration | string | null;
  /** IsBlockPVC: names of PVC / ephemeral / hostDisk volumes backed by a block device. */
  isBlockPVC?: ReadonlySet<string>;
  /** IsBlockDV: names of DataVolume volumes backed by a block device. */
  isBlockDV?: ReadonlySet<string>;
  /** VolumesDiscardIgnore: preallocated or thick-provisioned volumes (no discard="unmap"). */
  volumesDiscardIgnore?: ReadonlySet<string>;
  /** EphemeraldiskCreator's base directory (containerDisk and ephemeral overlays). */
  ephemeralDiskDir?: string;
  /** CPUSet: the pod cpuset for dedicated CPUs; null = CPUs 0..N-1 in one NUMA cell. */
  cpuSet?: number[] | null;
  /** IOMMUFDEnabled. */
  iommufdEnabled?: boolean;
}

export interface ConverterContext extends Required<Omit<ConverterContextOverrides, 'smbios'>> {
  vmi: VirtualMachineInstance;
  arch: Arch;
  version: VersionKey;
  traits: VersionTraits;
  config: KubeVirtConfig;
  profile: ClusterProfile;
  /** `--hypervisor` of virt-launcher: 'hyperv-direct' or 'kvm'. */
  hypervisorName: string;
  allowEmulation: boolean;
  hypervisorDeviceAvailable: boolean;
  smbios: SmbiosValues | null;
  /** Volumes whose claim the profile does not know (taken as Filesystem), as `volume → claim`; empty when block sets are overridden. */
  unknownClaims: ReadonlyMap<string, string>;
  /** Preview notes: what the running node would decide. */
  notes: string[];
  archTraits: ArchTraits;
  /** IO-thread counts and the disk assignment rule, computed once (converter.go does the same). */
  ioThreads: IOThreadPlan;
}


export function archOf(vmi: VirtualMachineInstance, profile: ClusterProfile): Arch {
  const a = vmi.spec.architecture || profile.defaultArchitecture;
  return a === 'arm64' || a === 's390x' ? a : 'amd64';
}

export function buildConverterContext(
  vmi: VirtualMachineInstance,
  selection: Selection,
  profile: ClusterProfile,
  overrides: ConverterContextOverrides = {},
): ConverterContext {
  const arch = archOf(vmi, profile);
  const blockOverridden = overrides.isBlockPVC !== undefined || overrides.isBlockDV !== undefined;
  const volumes: PreviewVolumeContext = previewVolumeContext(vmi, profile);
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as ConverterContextOverrides;
  return {
    vmi,
    arch,
    version: profile.version,
    traits: VERSION_TRAITS[profile.version],
    config: profile.config,
    profile,
    hypervisorName: selection.hypervisorName,
    allowEmulation: selection.allowEmulation,
    hypervisorDeviceAvailable: selection.hypervisorDeviceAvailable,
    uid: vmi.metadata.uid || PLACEHOLDER_VMI_UID,
    notes: [],
    archTraits: ARCH_TRAITS[arch],
    ioThreads: ioThreadPlan(vmi),
    efi: efiConfiguration(vmi, arch, profile.config, VERSION_TRAITS[profile.version]),
    iommufdEnabled: false,
    cpuSet: null,
    ...previewDeviceContext(vmi, profile),
    isBlockPVC: volumes.isBlockPVC,
    isBlockDV: volumes.isBlockDV,
    volumesDiscardIgnore: volumes.volumesDiscardIgnore,
    unknownClaims: blockOverridden ? new Map() : volumes.unknownClaims,
    ...defined,
  };
}
