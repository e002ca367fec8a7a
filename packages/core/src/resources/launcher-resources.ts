// The virt-launcher compute container's requests/limits, as virt-controller renders them.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { OverheadResult } from '../overhead/memory-overhead.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { Selection } from '../select/select-hypervisor.js';

export interface LauncherResources {
  requests: Record<string, string>;
  limits: Record<string, string>;
}

export function computeLauncherResources(vmi: VirtualMachineInstance, profile: ClusterProfile, selection: Selection, overhead: OverheadResult): LauncherResources | null {
  void vmi;
  void profile;
  void selection;
  void overhead;
  return null;
}
