// What the converter knows besides the VMI: in production virt-launcher's ConverterContext,
// here derived from the cluster profile with preview defaults (kubevirt-behaviour.md §3.3).
// Anything only a running node knows is recorded as a note instead of being invented.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { VERSION_TRAITS, type VersionKey, type VersionTraits } from '../profile/versions.js';
import type { Selection } from '../select/select-hypervisor.js';

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
}

export function archOf(vmi: VirtualMachineInstance, profile: ClusterProfile): Arch {
  const a = vmi.spec.architecture || profile.defaultArchitecture;
  return a === 'arm64' || a === 's390x' ? a : 'amd64';
}

export function buildConverterContext(vmi: VirtualMachineInstance, selection: Selection, profile: ClusterProfile): ConverterContext {
  return {
    vmi,
    arch: archOf(vmi, profile),
    version: profile.version,
    traits: VERSION_TRAITS[profile.version],
    config: profile.config,
    profile,
    hypervisorName: selection.hypervisorName,
    allowEmulation: selection.allowEmulation,
    hypervisorDeviceAvailable: selection.hypervisorDeviceAvailable,
    uid: vmi.metadata.uid ?? '',
    notes: [],
  };
}
