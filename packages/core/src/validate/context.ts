// What the validators read: the cluster configuration (as virt-api's ClusterConfig exposes it).

import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { featureGateEnabled } from '../profile/feature-gate-states.js';
import type { VersionKey } from '../profile/versions.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';

export interface ValidationContext {
  config: KubeVirtConfig;
  version: VersionKey;
  /** The cluster's default architecture (the VMI's own `spec.architecture` wins where set). */
  defaultArchitecture: string;
  /** featuregate.IsEnabled: GA gates on, Beta on by default from v1.9, unknown names off. */
  gate(name: string): boolean;
  /** The profile, for lookups (PVCs, DataVolumes, instancetypes). */
  profile: ClusterProfile;
}

export function validationContext(profile: ClusterProfile): ValidationContext {
  return {
    config: profile.config,
    version: profile.version,
    defaultArchitecture: profile.defaultArchitecture,
    gate: (name) => featureGateEnabled(profile.config, profile.version, name),
    profile,
  };
}
