// Input arguments vm/NAME and vmi/NAME (as kubectl names them) fetched from the cluster, beside
// FILE|DIR|-. A path that exists on disk stays a file. The objects join the inputs as values (no
// text to parse); the client is returned so the live cluster can also be the profile.

import { CLUSTER_KINDS as RESOURCES, inputObject } from '@l1vh/core';
import type { ClusterClient, ResourceRef } from '@l1vh/cluster-client';
import { connectCluster, type ClusterFlags } from './cluster/connect.js';
import type { CliIO } from './io.js';
import { listInputs, readInputs, type InputFile, type Inputs, type InputProblem } from './read-inputs.js';
import type { SourceText } from '@l1vh/core';

/** kubectl's names for the two kinds: short, short plural, singular, plural, plural.group. */
const KIND_NAMES: Record<string, ResourceRef> = Object.fromEntries(
  (
    [
      ['vm', RESOURCES.vm],
      ['vmi', RESOURCES.vmi],
    ] as const
  ).flatMap(([short, ref]) => [short, `${short}s`, ref.kind.toLowerCase(), ref.plural, `${ref.plural}.${ref.group}`].map((n) => [n, ref])),
);

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
  /** The cluster the inputs came from, when any did. */
  client: ClusterClient | null;
}

export async function readInputsWithCluster(args: readonly string[], flags: ClusterFlags, io: CliIO): Promise<ExpandedInputs> {
  const refs = args.map((a) => parseClusterRef(a, io));
  const inputs = await readInputs(args.filter((_, i) => refs[i] === null), io);
  const client = await fetchRefs(refs, flags, io, inputs.problems, (s) => inputs.sources.push(s));
  return { inputs, client };
}

interface ListedExpandedInputs {
  files: InputFile[];
  problems: InputProblem[];
  client: ClusterClient | null;
}

/** readInputsWithCluster for a streamed lint (listInputs): cluster objects are always kept. */
export async function listInputsWithCluster(args: readonly string[], flags: ClusterFlags, io: CliIO, keep: (source: SourceText) => boolean): Promise<ListedExpandedInputs> {
  const refs = args.map((a) => parseClusterRef(a, io));
  const { files, problems } = await listInputs(args.filter((_, i) => refs[i] === null), io, keep);
  const client = await fetchRefs(refs, flags, io, problems, (s) => files.push({ path: s.path, bytes: 0, source: s }));
  return { files, problems, client };
}

async function fetchRefs(refs: readonly (ClusterRef | null)[], flags: ClusterFlags, io: CliIO, problems: InputProblem[], add: (s: SourceText) => void): Promise<ClusterClient | null> {
  const wanted = refs.filter((r): r is ClusterRef => r !== null);
  if (wanted.length === 0) return null;
  const client = await connectCluster(flags, io);
  const namespace = client.namespace;
  for (const w of wanted) {
    const obj = await client.get(w.ref, namespace, w.name);
    if (!obj) problems.push({ file: w.arg, message: `${w.ref.kind} "${w.name}" not found in namespace "${namespace}"`, notFound: true });
    else add({ path: w.arg, text: '', value: inputObject({ apiVersion: 'kubevirt.io/v1', kind: w.ref.kind, ...obj }) });
  }
  return client;
}
