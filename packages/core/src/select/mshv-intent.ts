// Does the cluster's configuration ask for MSHV, and under which rule? The one answer the
// readiness summary, `report`'s fallback reasons and the editor read.

import type { ClusterProfile } from '../profile/cluster-profile.js';
import { isGateEnabled } from '../profile/kubevirt-config.js';
import { BACKENDS, FEATURE_GATES } from './hypervisors.js';

/**
 * 'proposal': the HyperVL1VH gate (MSHV where /dev/mshv exists, else KVM); 'configured':
 * ConfigurableHypervisor with hypervisors[0] = hyperv-direct; 'gate-off': hyperv-direct named but
 * the gate is off (KubeVirt uses kvm); null: the cluster does not ask for MSHV.
 */
export type MshvIntent = 'configured' | 'gate-off' | 'proposal' | null;

export function mshvIntent(profile: ClusterProfile): MshvIntent {
  const cfg = profile.config;
  if (isGateEnabled(cfg, FEATURE_GATES.hyperVL1VH)) return 'proposal';
  if (cfg.hypervisors[0]?.name !== BACKENDS.mshv.configName) return null;
  return isGateEnabled(cfg, FEATURE_GATES.configurableHypervisor) ? 'configured' : 'gate-off';
}
