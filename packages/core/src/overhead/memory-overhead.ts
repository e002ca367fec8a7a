// GetMemoryOverhead for the kvm and mshv backends, term by term, keyed by KubeVirt version.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { Selection } from '../select/select-hypervisor.js';
import type { FieldRef } from '../select/trace.js';

export interface OverheadTerm {
  /** Stable id (page-tables, processes, vcpus, iothread, video, …). */
  id: string;
  label: string;
  bytes: number;
  /** Which VM field or cluster setting caused the term. */
  cause: string;
  at?: FieldRef;
}

export interface OverheadResult {
  /** GetMemoryOverhead: what virt-launcher/virt-handler compute. */
  totalBytes: number;
  /** virt-controller's figure: totalBytes plus network-binding overhead. */
  controllerTotalBytes: number;
  terms: OverheadTerm[];
}

export function computeOverhead(vmi: VirtualMachineInstance, profile: ClusterProfile, selection: Selection): OverheadResult | null {
  void vmi;
  void profile;
  void selection;
  return null;
}
