// Admission: what KubeVirt does between `kubectl apply` and virt-launcher, producing the
// defaulted VMI (VM mutating webhook → VM controller's VMI setup + instancetype/preference →
// VMI mutating webhook defaults).

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ManifestObject } from '../parse/read-objects.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';

export interface AdmissionOptions {
  /** UID for a VMI whose metadata.uid is unknown (every VM manifest). */
  vmiUid: string;
}

export interface AdmissionResult {
  vmi: VirtualMachineInstance | null;
  /** KubeVirt's own rejection message (admission or instancetype application), or null. */
  error: string | null;
  /** Things the preview had to assume (random UUIDs, …). */
  notes: string[];
}

export function admit(obj: ManifestObject, profile: ClusterProfile, opts: AdmissionOptions): AdmissionResult {
  void obj;
  void profile;
  void opts;
  return { vmi: null, error: 'admission defaults are not implemented yet', notes: [] };
}
