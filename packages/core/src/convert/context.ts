// What the converter knows besides the VMI: in production virt-launcher's ConverterContext,
// here derived from the cluster profile with preview defaults (kubevirt-behaviour.md §3.3).
// Anything only a running node knows is recorded as a note instead of being invented.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { VERSION_TRAITS, type VersionKey, type VersionTraits } from '../profile/versions.js';
import type { Selection } from '../select/select-hypervisor.js';
import { ARCH_TRAITS, type ArchTraits } from './arch-traits.js';
import { efiConfiguration, type EfiConfiguration } from './efi.js';
import { ioThreadPlan, type IOThreadPlan } from './iothreads-plan.js';

export type Arch = 'amd64' | 'arm64' | 's390x';

export interface ConverterContext {
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
  /** The VMI UID used in socket paths. */
  uid: string;
  /** Preview notes: what the running node would decide. */
  notes: string[];
  archTraits: ArchTraits;
  /** IO-thread counts and the disk assignment rule, computed once (converter.go does the same). */
  ioThreads: IOThreadPlan;
  /** EFI files for an EFI guest, null for BIOS, or the launcher's error when the ROMs are missing. */
  efi: EfiConfiguration | string | null;
  /** An IOMMUFD socket from the device plugin: never known in a preview. */
  iommufdEnabled: boolean;
  /** Pod cpuset for dedicated CPUs; a preview takes 0..N-1 (N = launcher CPU request) in one NUMA cell. */
  cpuSet: number[] | null;
}

/** Placeholder VMI UID of the golden vectors when the real one is assigned at creation. */
export const PLACEHOLDER_UID = '00000000-0000-0000-0000-000000000000';

export function archOf(vmi: VirtualMachineInstance, profile: ClusterProfile): Arch {
  const a = vmi.spec.architecture || profile.defaultArchitecture;
  return a === 'arm64' || a === 's390x' ? a : 'amd64';
}

export function buildConverterContext(vmi: VirtualMachineInstance, selection: Selection, profile: ClusterProfile): ConverterContext {
  const arch = archOf(vmi, profile);
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
    uid: vmi.metadata.uid || PLACEHOLDER_UID,
    notes: [],
    archTraits: ARCH_TRAITS[arch],
    ioThreads: ioThreadPlan(vmi),
    efi: efiConfiguration(vmi, arch, profile.config, VERSION_TRAITS[profile.version]),
    iommufdEnabled: false,
    cpuSet: null,
  };
}
