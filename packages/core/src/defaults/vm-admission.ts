// The VM validating webhook's instancetype part (vms-admitter.go): on a copy of the VM, check
// the spread topology, apply instancetype and preference (conflicts reject), apply the VMI spec
// defaults, then check the preference's requirements. The validating webhook's own checks then
// run on that copy (validate/validate.ts).

import type { InstancetypeSpec, VirtualMachine } from '../api/kubevirt-types.js';
import type { TypedPreferenceSpec } from '../instancetype/preference-spec.js';
import { deepClone } from '../clone.js';
import { applyToVmi } from '../instancetype/apply-to-vmi.js';
import { admissionMessage } from '../instancetype/conflicts.js';
import { checkPreferenceRequirements } from '../instancetype/preference-requirements.js';
import { findInstancetype, findPreference } from '../instancetype/resolve-matchers.js';
import { spreadTopologyError } from '../instancetype/topology.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { VERSION_TRAITS } from '../profile/versions.js';
import { setSpecDefaults, type DefaultsContext } from './vmi-defaults.js';

export interface VmAdmissionDryRun {
  /** KubeVirt's rejection message (instancetype conflicts, the pod network default, preference requirements), or null. */
  error: string | null;
  /**
   * The copy the validating webhook goes on to validate (instancetype and preference applied, VMI spec
   * defaults set); null when `error` stopped it first or the VM has no template spec.
   */
  copy: VirtualMachine | null;
}

/** Never changes `vm`. */
export function admitVm(vm: VirtualMachine, profile: ClusterProfile, ctx: DefaultsContext): VmAdmissionDryRun {
  // Only the template changes here: copy it, share the rest.
  const copy: VirtualMachine = { ...vm, spec: { ...vm.spec, template: deepClone(vm.spec.template) } };
  const spec = copy.spec.template?.spec;
  if (!spec) return { error: null, copy: null };
  let it: InstancetypeSpec | undefined;
  let pref: TypedPreferenceSpec | undefined;
  if (vm.spec.instancetype || vm.spec.preference) {
    // Lookup failures are only logged by the admitter.
    it = findInstancetype(copy, profile).spec;
    pref = findPreference(copy, profile).spec;
    if (it || pref) {
      const spread = it ? spreadTopologyError(it.cpu?.guest ?? 0, pref) : null;
      if (spread) return { error: spread, copy: null };
      const conflicts = applyToVmi('spec.template.spec', it, pref, spec, (copy.spec.template!.metadata ??= {}), VERSION_TRAITS[profile.version]);
      if (conflicts.length > 0) return { error: admissionMessage(conflicts), copy: null };
    }
  }
  const defaultsError = setSpecDefaults(spec, ctx);
  if (defaultsError) return { error: defaultsError, copy: null };
  const requirements = checkPreferenceRequirements(it, pref, spec);
  return requirements ? { error: requirements, copy: null } : { error: null, copy };
}
