// Where a cluster-aware command gets its profile: --profile FILE (offline) or the live cluster.

import { loadProfile, type ClusterProfile, type SourceText } from '@l1vh/core';
import type { CliIO } from '../io.js';
import { readInputs } from '../read-inputs.js';
import { EXIT, printFindings, printProblems } from '../report.js';
import { connectCluster, progress, progressDone, type ClusterFlags } from './connect.js';
import { fetchProfileObjects, profileYaml } from './fetch-profile.js';
import type { ClusterClient } from './types.js';

/** The live cluster as profile source text (the same YAML `snapshot` prints). */
export async function liveProfileSource(client: ClusterClient, io: CliIO): Promise<SourceText> {
  progress(io, `reading ${client.server}…`);
  try {
    return { path: `<cluster ${client.server}>`, text: profileYaml(await fetchProfileObjects(client)) };
  } finally {
    progressDone(io);
  }
}

export type ProfileResult = { profile: ClusterProfile; client: ClusterClient | null } | { exit: number };

export async function resolveProfile(files: readonly string[] | undefined, flags: ClusterFlags, io: CliIO): Promise<ProfileResult> {
  if (files && files.length > 0) {
    const read = await readInputs(files, io);
    if (read.problems.length > 0) {
      printProblems(read.problems, io);
      return { exit: EXIT.USAGE };
    }
    return fromSources(read.sources, null, io);
  }
  const client = await connectCluster(flags, io);
  return fromSources([await liveProfileSource(client, io)], client, io);
}

function fromSources(sources: SourceText[], client: ClusterClient | null, io: CliIO): ProfileResult {
  const { profile, findings } = loadProfile(sources);
  if (findings.some((f) => f.severity === 'error')) {
    printFindings(findings, sources, io);
    return { exit: EXIT.USAGE };
  }
  return { profile, client };
}
