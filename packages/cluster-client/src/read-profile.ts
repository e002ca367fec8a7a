// Reads a profile's objects from the live cluster (core's PROFILE_KINDS, all namespaces),
// stripped of bookkeeping: what the CLI, `snapshot` and the editor all give core.

import { PROFILE_KINDS, stripObject, type LiveObjects } from '@l1vh/core';
import { ClusterError, type ClusterClient } from './types.js';

export async function readLiveProfile(client: ClusterClient): Promise<LiveObjects> {
  const lists = await Promise.all(PROFILE_KINDS.map((ref) => client.list(ref, { optional: ref.profile?.optional ?? false })));
  if (lists[PROFILE_KINDS.findIndex((k) => k.kind === 'KubeVirt')]!.length === 0) {
    throw new ClusterError(`no KubeVirt CR found on ${client.server} (kubectl get kubevirts -A is empty): is KubeVirt installed?`);
  }
  return { origin: `<cluster ${client.server}>`, objects: lists.flat().map(stripObject) };
}
