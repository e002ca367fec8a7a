// Input arguments vm/NAME and vmi/NAME (as kubectl names them) fetched from the cluster, beside
// FILE|DIR|-. A path that exists on disk stays a file. When the cluster is read for inputs and
// no --profile is given, the live cluster is also the profile.

import type { SourceText } from '@l1vh/core';
import { stringify } from 'yaml';
import { connectCluster, type ClusterFlags } from './cluster/connect.js';
import { liveProfileSource } from './cluster/profile-source.js';
import { RESOURCES } from './cluster/resources.js';
import { inputObject } from './cluster/strip.js';
import type { ResourceRef } from './cluster/types.js';
import type { CliIO } from './io.js';
import { readInputs, type Inputs } from './read-inputs.js';

/** kubectl's names for the two kinds (short, singular, plural, qualified). */
const KIND_NAMES: Record<string, ResourceRef> = {
  vm: RESOURCES.vm,
  vms: RESOURCES.vm,
  virtualmachine: RESOURCES.vm,
  virtualmachines: RESOURCES.vm,
  'virtualmachines.kubevirt.io': RESOURCES.vm,
  vmi: RESOURCES.vmi,
  vmis: RESOURCES.vmi,
  virtualmachineinstance: RESOURCES.vmi,
  virtualmachineinstances: RESOURCES.vmi,
  'virtualmachineinstances.kubevirt.io': RESOURCES.vmi,
};

export interface ClusterRef {
  arg: string;
  ref: ResourceRef;
  name: string;
}

export function parseClusterRef(arg: string, io: CliIO): ClusterRef | null {
  const m = /^([a-z.]+)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/i.exec(arg);
  const ref = m ? KIND_NAMES[m[1]!.toLowerCase()] : undefined;
  if (!m || !ref) return null;
  try {
    io.stat(arg);
    return null; // an existing path wins
  } catch {
    return { arg, ref, name: m[2]! };
  }
}

export interface ExpandedInputs {
  inputs: Inputs;
  /** The live cluster as profile, when inputs came from it and no --profile was given. */
  liveProfile: SourceText | null;
}

export async function readInputsWithCluster(args: readonly string[], flags: ClusterFlags & { profile?: string[] | undefined }, io: CliIO): Promise<ExpandedInputs> {
  const refs = args.map((a) => parseClusterRef(a, io));
  const inputs = await readInputs(args.filter((_, i) => refs[i] === null), io);
  const wanted = refs.filter((r): r is ClusterRef => r !== null);
  if (wanted.length === 0) return { inputs, liveProfile: null };
  const client = await connectCluster(flags, io);
  const namespace = client.namespace;
  for (const w of wanted) {
    const obj = await client.get(w.ref, namespace, w.name);
    if (!obj) inputs.problems.push({ file: w.arg, message: `${w.ref.kind} "${w.name}" not found in namespace "${namespace}"`, notFound: true });
    else inputs.sources.push({ path: w.arg, text: stringify(inputObject({ apiVersion: 'kubevirt.io/v1', kind: w.ref.kind, ...obj })) });
  }
  const liveProfile = flags.profile && flags.profile.length > 0 ? null : await liveProfileSource(client, io);
  return { inputs, liveProfile };
}
