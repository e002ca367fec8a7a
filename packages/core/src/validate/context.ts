// What the validators read: the cluster configuration (as virt-api's ClusterConfig exposes it).

import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { isGateEnabled } from '../profile/kubevirt-config.js';
import type { VersionKey } from '../profile/versions.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';

export interface ValidationContext {
  config: KubeVirtConfig;
  version: VersionKey;
  /** The cluster's default architecture (the VMI's own `spec.architecture` wins where set). */
  defaultArchitecture: string;
  gate(name: string): boolean;
  /** The profile, for lookups (PVCs, DataVolumes, instancetypes). */
  profile: ClusterProfile;
}

export function validationContext(profile: ClusterProfile): ValidationContext {
  return {
    config: profile.config,
    version: profile.version,
    defaultArchitecture: profile.defaultArchitecture,
    gate: (name) => isGateEnabled(profile.config, name),
    profile,
  };
}
