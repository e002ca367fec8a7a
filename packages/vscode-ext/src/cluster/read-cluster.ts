// Reads the objects a profile needs from the live cluster and returns them as one v1/List text,
// so the cluster goes through exactly the same core loader as an offline profile file.

import type { KubeConfig } from '@kubernetes/client-node';
import { loadClientNode, message } from './kubeconfig.js';

export interface ClusterRead {
  text: string;
  /** Optional lists that could not be read (RBAC, CRD missing): reported, not fatal. */
  warnings: string[];
}

interface Listing {
  what: string;
  apiVersion: string;
  kind: string;
  required: boolean;
  list: () => Promise<{ items?: unknown[] }>;
}

export async function readCluster(kc: KubeConfig, timeoutMs: number): Promise<ClusterRead | { error: string }> {
  const k8s = await loadClientNode();
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const cr = (group: string, version: string, plural: string) => () => custom.listClusterCustomObject({ group, version, plural }) as Promise<{ items?: unknown[] }>;
  const listings: Listing[] = [
    { what: 'KubeVirt CRs', apiVersion: 'kubevirt.io/v1', kind: 'KubeVirt', required: true, list: cr('kubevirt.io', 'v1', 'kubevirts') },
    { what: 'nodes', apiVersion: 'v1', kind: 'Node', required: true, list: () => core.listNode() },
    { what: 'PVCs', apiVersion: 'v1', kind: 'PersistentVolumeClaim', required: false, list: () => core.listPersistentVolumeClaimForAllNamespaces() },
    { what: 'cluster instancetypes', apiVersion: 'instancetype.kubevirt.io/v1beta1', kind: 'VirtualMachineClusterInstancetype', required: false, list: cr('instancetype.kubevirt.io', 'v1beta1', 'virtualmachineclusterinstancetypes') },
    { what: 'cluster preferences', apiVersion: 'instancetype.kubevirt.io/v1beta1', kind: 'VirtualMachineClusterPreference', required: false, list: cr('instancetype.kubevirt.io', 'v1beta1', 'virtualmachineclusterpreferences') },
  ];
  const results = await Promise.all(listings.map((l) => withTimeout(l.list(), timeoutMs).then((r) => ({ l, r }), (e: unknown) => ({ l, e }))));
  const items: unknown[] = [];
  const warnings: string[] = [];
  for (const res of results) {
    if ('e' in res) {
      const why = `cannot list ${res.l.what}: ${message(res.e)}`;
      if (res.l.required) return { error: why };
      warnings.push(why);
      continue;
    }
    for (const item of res.r.items ?? []) items.push(normalise(item, res.l));
  }
  return { text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }), warnings };
}

/** Typed list items lack apiVersion/kind and carry bulky managedFields. */
function normalise(item: unknown, l: Listing): unknown {
  const o = { ...(item as Record<string, unknown>) };
  o.apiVersion = l.apiVersion;
  o.kind = l.kind;
  const meta = o.metadata as Record<string, unknown> | undefined;
  if (meta) o.metadata = { ...meta, managedFields: undefined };
  return JSON.parse(JSON.stringify(o)) as unknown;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    p.then((v) => (clearTimeout(t), resolve(v)), (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))));
  });
}
