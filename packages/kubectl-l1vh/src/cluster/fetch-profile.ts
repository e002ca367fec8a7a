// Reads the profile's objects from the live cluster (all namespaces) and renders them as the
// v1/List YAML that --profile loads, so the live path and `snapshot` share one format.

import { stringify } from 'yaml';
import { PROFILE_RESOURCES } from './resources.js';
import { stripObject } from './strip.js';
import { ClusterError, type ClusterClient, type KubeObject } from './types.js';

export async function fetchProfileObjects(client: ClusterClient): Promise<KubeObject[]> {
  const lists = await Promise.all(PROFILE_RESOURCES.map(({ ref, optional }) => client.list(ref, { optional })));
  const kubevirts = lists[0]!;
  if (kubevirts.length === 0) throw new ClusterError(`no KubeVirt CR found on ${client.server} (kubectl get kubevirts -A is empty): is KubeVirt installed?`);
  return lists.flat().map(stripObject);
}

export function profileYaml(objects: readonly KubeObject[]): string {
  return stringify({ apiVersion: 'v1', kind: 'List', items: objects }, { lineWidth: 0 });
}
