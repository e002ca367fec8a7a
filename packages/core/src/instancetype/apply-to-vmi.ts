// ApplyToVMI: the instancetype first (any conflict aborts, preference skipped), then the
// preference; plus the name annotations the VM controller puts on the VMI it creates.

import type { ObjectMeta } from '../api/k8s-types.js';
import type { InstancetypeSpec, VirtualMachine, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { VersionTraits } from '../profile/versions.js';
import { applyInstancetype } from './apply-instancetype.js';
import { applyPreference } from './apply-preference.js';
import type { Conflict } from './conflicts.js';
import type { TypedPreferenceSpec } from './preference-spec.js';

export function applyToVmi(
  base: string,
  it: InstancetypeSpec | undefined,
  pref: TypedPreferenceSpec | undefined,
  spec: VirtualMachineInstanceSpec,
  meta: ObjectMeta,
  traits: VersionTraits,
): Conflict[] {
  if (!it && !pref) return [];
  if (it) {
    const conflicts = applyInstancetype(base, it, pref, spec, meta);
    if (conflicts.length > 0) return conflicts;
  }
  if (pref) applyPreference(pref, spec, meta, traits);
  return [];
}

/** Matcher kind (lower-cased) → the annotation naming the object on the VMI. */
const NAME_ANNOTATIONS: Readonly<Record<'instancetype' | 'preference', Readonly<Record<string, string>>>> = {
  instancetype: {
    virtualmachineinstancetype: 'kubevirt.io/instancetype-name',
    virtualmachineinstancetypes: 'kubevirt.io/instancetype-name',
    '': 'kubevirt.io/cluster-instancetype-name',
    virtualmachineclusterinstancetype: 'kubevirt.io/cluster-instancetype-name',
    virtualmachineclusterinstancetypes: 'kubevirt.io/cluster-instancetype-name',
  },
  preference: {
    virtualmachinepreference: 'kubevirt.io/preference-name',
    virtualmachinepreferences: 'kubevirt.io/preference-name',
    '': 'kubevirt.io/cluster-preference-name',
    virtualmachineclusterpreference: 'kubevirt.io/cluster-preference-name',
    virtualmachineclusterpreferences: 'kubevirt.io/cluster-preference-name',
  },
};

export function setMatcherAnnotations(vm: VirtualMachine, meta: ObjectMeta): void {
  for (const kind of ['instancetype', 'preference'] as const) {
    const m = vm.spec[kind];
    if (!m) continue;
    const annotations = (meta.annotations ??= {});
    const key = NAME_ANNOTATIONS[kind][(m.kind ?? '').toLowerCase()];
    if (key) annotations[key] = m.name ?? '';
  }
}
