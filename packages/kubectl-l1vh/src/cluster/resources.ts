// The API resources l1vh reads, as one table (URLs, RBAC docs and snapshot all derive from it).

import type { ResourceRef } from './types.js';

const r = (kind: string, group: string, version: string, plural: string, namespaced: boolean): ResourceRef => ({ kind, group, version, plural, namespaced });

export const RESOURCES = {
  kubevirt: r('KubeVirt', 'kubevirt.io', 'v1', 'kubevirts', true),
  node: r('Node', '', 'v1', 'nodes', false),
  namespace: r('Namespace', '', 'v1', 'namespaces', false),
  pvc: r('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true),
  resourceQuota: r('ResourceQuota', '', 'v1', 'resourcequotas', true),
  pod: r('Pod', '', 'v1', 'pods', true),
  dataVolume: r('DataVolume', 'cdi.kubevirt.io', 'v1beta1', 'datavolumes', true),
  instancetype: r('VirtualMachineInstancetype', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachineinstancetypes', true),
  clusterInstancetype: r('VirtualMachineClusterInstancetype', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachineclusterinstancetypes', false),
  preference: r('VirtualMachinePreference', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachinepreferences', true),
  clusterPreference: r('VirtualMachineClusterPreference', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachineclusterpreferences', false),
  vm: r('VirtualMachine', 'kubevirt.io', 'v1', 'virtualmachines', true),
  vmi: r('VirtualMachineInstance', 'kubevirt.io', 'v1', 'virtualmachineinstances', true),
} as const satisfies Record<string, ResourceRef>;

/**
 * What a profile is made of. Optional resources may be absent from a cluster (CDI, instancetype
 * API not served): a 404 on their list is an empty list, not a failure.
 */
export const PROFILE_RESOURCES: readonly { ref: ResourceRef; optional: boolean }[] = [
  { ref: RESOURCES.kubevirt, optional: false },
  { ref: RESOURCES.node, optional: false },
  { ref: RESOURCES.namespace, optional: false },
  { ref: RESOURCES.pvc, optional: false },
  { ref: RESOURCES.resourceQuota, optional: false },
  { ref: RESOURCES.dataVolume, optional: true },
  { ref: RESOURCES.instancetype, optional: true },
  { ref: RESOURCES.clusterInstancetype, optional: true },
  { ref: RESOURCES.preference, optional: true },
  { ref: RESOURCES.clusterPreference, optional: true },
];

export function apiVersionOf(ref: ResourceRef): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version;
}

/** The URL path of a collection or, with a name, of one object. */
export function resourcePath(ref: ResourceRef, namespace: string | undefined, name?: string): string {
  const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  const ns = ref.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${ref.plural}${name !== undefined ? '/' + encodeURIComponent(name) : ''}`;
}

/** "list virtualmachineinstances.kubevirt.io in namespace x" — the RBAC a request needs. */
export function permissionOf(verb: string, ref: ResourceRef, namespace: string | undefined): string {
  const res = ref.group ? `${ref.plural}.${ref.group}` : ref.plural;
  const where = !ref.namespaced ? '(cluster-scoped)' : namespace !== undefined ? `in namespace "${namespace}"` : 'in all namespaces';
  return `${verb} ${res} ${where}`;
}
