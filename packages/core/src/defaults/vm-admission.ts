// The VM validating webhook's instancetype part (vms-admitter.go): on a copy of the VM, check
// the spread topology, apply instancetype and preference (conflicts reject), apply the VMI spec
// defaults, then check the preference's requirements.

import type { VirtualMachine } from '../api/kubevirt-types.js';
import { deepClone } from '../clone.js';
import { applyToVmi } from '../instancetype/apply-to-vmi.js';
import { admissionMessage } from '../instancetype/conflicts.js';
import { checkPreferenceRequirements } from '../instancetype/preference-requirements.js';
import { findInstancetype, findPreference } from '../instancetype/resolve-matchers.js';
import { spreadTopologyError } from '../instancetype/topology.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { VERSION_TRAITS } from '../profile/versions.js';
import { defaultNetworkInterfaceError } from './network-defaults.js';
import { setSpecDefaults, type DefaultsContext } from './vmi-defaults.js';

/** Returns KubeVirt's rejection message, or null. Never changes `vm`. */
export function admitVm(vm: VirtualMachine, profile: ClusterProfile, ctx: DefaultsContext): string | null {
  // Without instancetype or preference the dry run's defaults can fail only on the pod network
  // default, and the requirements check has nothing to check: no copy needed.
  if (!vm.spec.instancetype && !vm.spec.preference) {
    const template = vm.spec.template?.spec;
    return template ? defaultNetworkInterfaceError(template, ctx.config) : null;
  }
  // Only the template changes here: copy it, share the rest.
  const copy: VirtualMachine = { ...vm, spec: { ...vm.spec, template: deepClone(vm.spec.template) } };
  const spec = copy.spec.template?.spec;
  if (!spec) return null;
  // Lookup failures are only logged by the admitter.
  const it = findInstancetype(copy, profile).spec;
  const pref = findPreference(copy, profile).spec;
  if (it || pref) {
    const spread = it ? spreadTopologyError(it.cpu?.guest ?? 0, pref) : null;
    if (spread) return spread;
    const conflicts = applyToVmi('spec.template.spec', it, pref, spec, (copy.spec.template!.metadata ??= {}), VERSION_TRAITS[profile.version]);
    if (conflicts.length > 0) return admissionMessage(conflicts);
  }
  const defaultsError = setSpecDefaults(spec, ctx);
  if (defaultsError) return defaultsError;
  return checkPreferenceRequirements(it, pref, spec);
}
