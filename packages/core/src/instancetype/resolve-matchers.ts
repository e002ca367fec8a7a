// From a VM's instancetype/preference matchers to specs: matcher validation and inference from a
// volume's labels (the VM mutating webhook), then lookup in the cluster profile (built-in
// common-instancetypes included). Errors carry KubeVirt's wording.

import type { InstancetypeMatcher, InstancetypeSpec, VirtualMachine } from '../api/kubevirt-types.js';
import { lookupInstancetype, lookupPreference, type ClusterProfile } from '../profile/cluster-profile.js';
import { preferenceSpecOf, type TypedPreferenceSpec } from './preference-spec.js';

type MatcherKind = 'instancetype' | 'preference';

interface MatcherTraits {
  field: 'instancetype' | 'preference';
  title: 'InstancetypeMatcher' | 'PreferenceMatcher';
  namespaced: readonly string[];
  clusterWide: readonly string[];
  resource: { namespaced: string; cluster: string };
  nameLabel: string;
  kindLabel: string;
}

const MATCHERS: Readonly<Record<MatcherKind, MatcherTraits>> = {
  instancetype: {
    field: 'instancetype',
    title: 'InstancetypeMatcher',
    namespaced: ['virtualmachineinstancetype', 'virtualmachineinstancetypes'],
    clusterWide: ['', 'virtualmachineclusterinstancetype', 'virtualmachineclusterinstancetypes'],
    resource: { namespaced: 'virtualmachineinstancetypes', cluster: 'virtualmachineclusterinstancetypes' },
    nameLabel: 'instancetype.kubevirt.io/default-instancetype',
    kindLabel: 'instancetype.kubevirt.io/default-instancetype-kind',
  },
  preference: {
    field: 'preference',
    title: 'PreferenceMatcher',
    namespaced: ['virtualmachinepreference', 'virtualmachinepreferences'],
    clusterWide: ['', 'virtualmachineclusterpreference', 'virtualmachineclusterpreferences'],
    resource: { namespaced: 'virtualmachinepreferences', cluster: 'virtualmachineclusterpreferences' },
    nameLabel: 'instancetype.kubevirt.io/default-preference',
    kindLabel: 'instancetype.kubevirt.io/default-preference-kind',
  },
};

/** validateInstancetypeMatcher / validatePreferenceMatcher: messages of the rejected causes, joined. */
export function matcherValidationError(vm: VirtualMachine): string | null {
  const messages: string[] = [];
  for (const kind of ['instancetype', 'preference'] as const) {
    const m = vm.spec[kind];
    if (!m) continue;
    const t = MATCHERS[kind];
    if (!m.name && !m.inferFromVolume) messages.push(`Either Name or InferFromVolume should be provided within the ${t.title}`);
    if (m.inferFromVolume) {
      if (m.name) messages.push('Name already set, should be cleared before setting inferFromVolume');
      if (m.kind) messages.push('Kind already set, should be cleared before setting inferFromVolume');
    }
    const policy = m.inferFromVolumeFailurePolicy;
    if (policy !== undefined && policy !== 'Ignore' && policy !== 'Reject') messages.push(`Invalid value '${policy}' for InferFromVolumeFailurePolicy`);
    if (messages.length > 0) return messages.join(', ');
  }
  return null;
}

/** infer.handler: replaces an inferFromVolume matcher by the volume's default-instancetype labels. */
export function inferMatchers(vm: VirtualMachine, profile: ClusterProfile): string | null {
  for (const kind of ['instancetype', 'preference'] as const) {
    const m = vm.spec[kind];
    if (!m?.inferFromVolume) continue;
    const ignore = m.inferFromVolumeFailurePolicy === 'Ignore';
    const found = labelsOfVolume(vm, m.inferFromVolume, profile);
    const t = MATCHERS[kind];
    const name = found.labels?.[t.nameLabel];
    if (found.error) return found.error;
    if (name === undefined) {
      if (ignore) {
        delete vm.spec[kind];
        continue;
      }
      return found.labels ? `unable to find required ${t.nameLabel} label on the volume` : `unable to infer defaults from volume ${m.inferFromVolume} as type is not supported`;
    }
    if (ignore && kind === 'instancetype' && vm.spec.template?.spec) delete vm.spec.template.spec.domain.memory;
    const inferred: InstancetypeMatcher = { name };
    const k = found.labels?.[t.kindLabel];
    if (k) inferred.kind = k;
    vm.spec[kind] = inferred;
  }
  return null;
}

function labelsOfVolume(vm: VirtualMachine, volumeName: string, profile: ClusterProfile): { labels?: Record<string, string>; error?: string } {
  const ns = vm.metadata.namespace ?? 'default';
  const volume = vm.spec.template?.spec?.volumes?.find((v) => v.name === volumeName);
  if (!volume) return { error: `unable to find volume ${volumeName} to infer defaults` };
  const pvcLabels = (claim: string): { labels?: Record<string, string>; error?: string } => {
    const pvc = profile.pvcs.get(`${ns}/${claim}`);
    return pvc ? { labels: pvc.value.metadata.labels ?? {} } : { error: `persistentvolumeclaims "${claim}" not found` };
  };
  if (volume.persistentVolumeClaim) return pvcLabels(volume.persistentVolumeClaim.claimName);
  if (volume.dataVolume) {
    const template = vm.spec.dataVolumeTemplates?.find((t) => t.metadata?.name === volume.dataVolume!.name);
    const dv = profile.dataVolumes.get(`${ns}/${volume.dataVolume.name}`);
    const labels = template?.metadata?.labels ?? dv?.value.metadata.labels;
    if (labels) return { labels };
    return pvcLabels(volume.dataVolume.name);
  }
  return {};
}

export type Lookup<T> = { spec: T | undefined; error: string | null };

function lookup<T>(kind: MatcherKind, vm: VirtualMachine, find: (k: string | undefined, ns: string, name: string) => T | undefined): Lookup<T> {
  const m = vm.spec[kind];
  if (!m) return { spec: undefined, error: null };
  const t = MATCHERS[kind];
  const k = (m.kind ?? '').toLowerCase();
  const namespaced = t.namespaced.includes(k);
  if (!namespaced && !t.clusterWide.includes(k)) return { spec: undefined, error: `got unexpected kind in ${t.title}: ${m.kind}` };
  const name = m.name ?? '';
  const found = find(namespaced ? 'VirtualMachine' + kindSuffix(kind) : undefined, vm.metadata.namespace ?? 'default', name);
  if (found) return { spec: found, error: null };
  const resource = namespaced ? t.resource.namespaced : t.resource.cluster;
  return { spec: undefined, error: `${resource}.instancetype.kubevirt.io "${name}" not found` };
}

const kindSuffix = (kind: MatcherKind): string => (kind === 'instancetype' ? 'Instancetype' : 'Preference');

export function findInstancetype(vm: VirtualMachine, profile: ClusterProfile): Lookup<InstancetypeSpec> {
  return lookup('instancetype', vm, (k, ns, name) => {
    const it = lookupInstancetype(profile, k, ns, name);
    return it ? (it.value.spec ?? {}) : undefined;
  });
}

export function findPreference(vm: VirtualMachine, profile: ClusterProfile): Lookup<TypedPreferenceSpec> {
  return lookup('preference', vm, (k, ns, name) => {
    const p = lookupPreference(profile, k, ns, name);
    return p ? preferenceSpecOf(p.value) : undefined;
  });
}
