// The one table of API kinds l1vh reads from a live cluster: where each lives (list/get paths,
// RBAC wording), whether a profile is made of it, and which status fields the stages read.
// The CLI, `snapshot` and the editor all read the cluster through this table.

import type { ObjectMeta } from '../api/k8s-types.js';

/** A Kubernetes object as the API server returns it. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta & Record<string, unknown>;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An API resource: enough to build its URL and to name it in RBAC messages. */
export interface ClusterKind {
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  /** Part of a profile; optional kinds may be unserved (CDI, instancetype API): a 404 lists nothing. */
  profile?: { optional: boolean };
  /** status fields a profile keeps (kinds without it keep no status). */
  keepStatus?: readonly string[];
}

const k = (kind: string, group: string, version: string, plural: string, namespaced: boolean, extra: Partial<ClusterKind> = {}): ClusterKind => ({ kind, group, version, plural, namespaced, ...extra });
const REQUIRED = { optional: false };
const OPTIONAL = { optional: true };

export const CLUSTER_KINDS = {
  kubevirt: k('KubeVirt', 'kubevirt.io', 'v1', 'kubevirts', true, { profile: REQUIRED, keepStatus: ['observedKubeVirtVersion', 'defaultArchitecture', 'phase'] }),
  node: k('Node', '', 'v1', 'nodes', false, { profile: REQUIRED, keepStatus: ['allocatable', 'capacity', 'nodeInfo'] }),
  namespace: k('Namespace', '', 'v1', 'namespaces', false, { profile: REQUIRED }),
  pvc: k('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true, { profile: REQUIRED, keepStatus: ['phase', 'capacity', 'accessModes'] }),
  resourceQuota: k('ResourceQuota', '', 'v1', 'resourcequotas', true, { profile: REQUIRED, keepStatus: ['hard', 'used'] }),
  dataVolume: k('DataVolume', 'cdi.kubevirt.io', 'v1beta1', 'datavolumes', true, { profile: OPTIONAL, keepStatus: ['phase'] }),
  instancetype: k('VirtualMachineInstancetype', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachineinstancetypes', true, { profile: OPTIONAL }),
  clusterInstancetype: k('VirtualMachineClusterInstancetype', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachineclusterinstancetypes', false, { profile: OPTIONAL }),
  preference: k('VirtualMachinePreference', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachinepreferences', true, { profile: OPTIONAL }),
  clusterPreference: k('VirtualMachineClusterPreference', 'instancetype.kubevirt.io', 'v1beta1', 'virtualmachineclusterpreferences', false, { profile: OPTIONAL }),
  pod: k('Pod', '', 'v1', 'pods', true),
  vm: k('VirtualMachine', 'kubevirt.io', 'v1', 'virtualmachines', true),
  vmi: k('VirtualMachineInstance', 'kubevirt.io', 'v1', 'virtualmachineinstances', true),
} as const satisfies Record<string, ClusterKind>;

/** What a profile is made of, in reading order (the KubeVirt CR first). */
export const PROFILE_KINDS: readonly ClusterKind[] = Object.values(CLUSTER_KINDS).filter((c: ClusterKind) => c.profile !== undefined);

export function apiVersionOf(ref: ClusterKind): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version;
}

/** The URL path of a collection (list) or, with a name, of one object (get). */
export function resourcePath(ref: ClusterKind, namespace: string | undefined, name?: string): string {
  const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
  const ns = ref.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${ref.plural}${name !== undefined ? '/' + encodeURIComponent(name) : ''}`;
}

/** "list virtualmachineinstances.kubevirt.io in namespace x": the RBAC a request needs. */
export function permissionOf(verb: string, ref: ClusterKind, namespace: string | undefined): string {
  const res = ref.group ? `${ref.plural}.${ref.group}` : ref.plural;
  const where = !ref.namespaced ? '(cluster-scoped)' : namespace !== undefined ? `in namespace "${namespace}"` : 'in all namespaces';
  return `${verb} ${res} ${where}`;
}
