// Objects linted together resolve each other (an instancetype beside the VM that names it), as
// `explain` does through loadProfile. Only rebuilt when the sources hold such objects.

import { builtinObjects } from '../profile/load-profile.js';
import { buildProfile, type ClusterProfile, type Sourced } from '../profile/cluster-profile.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { isVmLike } from '../parse/vm-like.js';

export function withContextObjects(profile: ClusterProfile, inputs: readonly ManifestObject[]): ClusterProfile {
  const contextual = inputs.filter((o) => !isVmLike(o.kind) && (o.kind !== 'KubeVirt' || !profile.kubevirt?.object));
  if (contextual.length === 0) return profile;
  return buildProfile({ origin: profile.origin, objects: [...objectsOf(profile), ...contextual], builtins: builtinObjects });
}

/** The profile's own objects, in an order buildProfile reads back to the same profile. */
function objectsOf(p: ClusterProfile): ManifestObject[] {
  const sourced: (Sourced<unknown> | undefined)[] = [
    p.kubevirt,
    ...p.nodes,
    ...p.pvcs.values(),
    ...p.dataVolumes.values(),
    ...p.namespaces.values(),
    ...p.quotas,
    ...p.instancetypes.values(),
    ...p.preferences.values(),
  ];
  return sourced.flatMap((s) => (s?.object ? [s.object] : []));
}
