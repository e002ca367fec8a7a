// Reduces live objects to what a profile needs: no bookkeeping (managedFields, uid,
// resourceVersion, timestamps), no last-applied copies, no node images/conditions/addresses.
// The kinds table says which status fields the later stages read.

import { CLUSTER_KINDS, type ClusterKind, type KubeObject } from './cluster-kinds.js';

/** status fields kept per kind; kinds not listed keep no status. */
const KEEP_STATUS: Record<string, readonly string[]> = Object.fromEntries(
  Object.values(CLUSTER_KINDS).flatMap((c: ClusterKind) => (c.keepStatus ? [[c.kind, c.keepStatus]] : [])),
);

/** nodeInfo identifiers that say nothing about what a VM gets. */
const DROP_NODE_INFO = ['machineID', 'systemUUID', 'bootID'];

const DROP_SPEC: Record<string, readonly string[]> = {
  Node: ['podCIDR', 'podCIDRs', 'providerID', 'configSource', 'externalID'],
};

const KEEP_METADATA = ['name', 'namespace', 'labels', 'annotations'];

/** Annotations that are bookkeeping or copies of the object itself. */
const DROP_ANNOTATION = [/^kubectl\.kubernetes\.io\/last-applied-configuration$/, /^deployment\.kubernetes\.io\//, /^control-plane\.alpha\.kubernetes\.io\//, /^node\.alpha\.kubernetes\.io\/ttl$/, /^volumes\.kubernetes\.io\/controller-managed-attach-detach$/, /^kubevirt\.io\/(latest|storage)-observed-api-version$/, /^kubeadm\.alpha\.kubernetes\.io\//, /^csi\.volume\.kubernetes\.io\/nodeid$/];

export function stripObject(obj: KubeObject): KubeObject {
  const kind = obj.kind ?? '';
  const out: KubeObject = { apiVersion: obj.apiVersion, kind };
  const meta: Record<string, unknown> = {};
  for (const k of KEEP_METADATA) if (obj.metadata?.[k] !== undefined) meta[k] = obj.metadata[k];
  if (meta.annotations) {
    const ann = Object.fromEntries(Object.entries(meta.annotations as Record<string, string>).filter(([k]) => !DROP_ANNOTATION.some((re) => re.test(k))));
    if (Object.keys(ann).length > 0) meta.annotations = ann;
    else delete meta.annotations;
  }
  out.metadata = meta as KubeObject['metadata'];
  if (obj.spec !== undefined) {
    const spec = { ...obj.spec };
    for (const k of DROP_SPEC[kind] ?? []) delete spec[k];
    out.spec = spec;
  }
  for (const [k, v] of Object.entries(obj)) {
    if (!['apiVersion', 'kind', 'metadata', 'spec', 'status'].includes(k) && v !== undefined) out[k] = v; // e.g. instancetype fields, quota scopes
  }
  const keep = KEEP_STATUS[kind];
  if (keep && obj.status) {
    const status: Record<string, unknown> = {};
    for (const k of keep) if (obj.status[k] !== undefined) status[k] = obj.status[k];
    if (kind === 'Node' && status.nodeInfo && typeof status.nodeInfo === 'object') {
      status.nodeInfo = Object.fromEntries(Object.entries(status.nodeInfo as Record<string, unknown>).filter(([k]) => !DROP_NODE_INFO.includes(k)));
    }
    if (Object.keys(status).length > 0) out.status = status;
  }
  return out;
}

/** A live VM/VMI as an explain input: its spec and identity, no status or bookkeeping. */
export function inputObject(obj: KubeObject): KubeObject {
  const stripped = stripObject({ ...obj, status: undefined });
  if (obj.metadata?.uid && stripped.metadata) stripped.metadata.uid = obj.metadata.uid; // the domain UUID derives from it
  return stripped;
}
