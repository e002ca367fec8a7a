// Whether a feature gate is on for the profile's KubeVirt version: listed in featureGates, or
// on by default (VERSION_TRAITS.defaultOnGates) and not listed in disabledFeatureGates.

import type { ClusterProfile } from '../profile/cluster-profile.js';
import { VERSION_TRAITS } from '../profile/versions.js';

export function isGateOn(profile: ClusterProfile, gate: string): boolean {
  const dev = profile.config.developerConfiguration;
  if (dev.featureGates.includes(gate)) return true;
  const disabled = Array.isArray(dev['disabledFeatureGates']) ? (dev['disabledFeatureGates'] as unknown[]) : [];
  if (disabled.includes(gate)) return false;
  return VERSION_TRAITS[profile.version].defaultOnGates.includes(gate);
}
