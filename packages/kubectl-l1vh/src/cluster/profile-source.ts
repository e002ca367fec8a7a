// Where a command's profile comes from: --profile FILE (offline), the live cluster, or core's
// embedded default. This module only fetches; core's resolveProfile builds the profile.

import { resolveProfile, type LiveObjects, type ManifestObject, type ResolvedProfile, type SourceText } from '@l1vh/core';
import { readLiveProfile, type ClusterClient } from '@l1vh/cluster-client';
import type { CliIO } from '../io.js';
import { readInputs } from '../read-inputs.js';
import { EXIT, printFindings, printProblems } from '../report.js';
import { connectCluster, progress, progressDone, type ClusterFlags } from './connect.js';

/** What the profile is read from: files, or live objects, or (neither) the embedded default. */
export interface ProfileSources {
  texts: SourceText[];
  live?: LiveObjects;
}

/** The live cluster's profile objects, with a progress line on a terminal. */
export async function readLive(client: ClusterClient, io: CliIO): Promise<LiveObjects> {
  progress(io, `reading ${client.server}…`);
  try {
    return await readLiveProfile(client);
  } finally {
    progressDone(io);
  }
}

/** The live cluster as the only profile source (report, verify, a whatif of the live fleet). */
export async function liveProfileSources(client: ClusterClient, io: CliIO): Promise<ProfileSources> {
  return { texts: [], live: await readLive(client, io) };
}

/**
 * --profile files when given; else the live cluster when `cluster` says how to reach it (a client
 * already open, or flags to open one); else nothing (the embedded default).
 */
export async function readProfileSources(files: readonly string[] | undefined, cluster: ClusterClient | ClusterFlags | null, io: CliIO): Promise<ProfileSources | { exit: number }> {
  if (files && files.length > 0) {
    const read = await readInputs(files, io);
    if (read.problems.length > 0) {
      printProblems(read.problems, io);
      return { exit: EXIT.USAGE };
    }
    return { texts: read.sources };
  }
  if (cluster === null) return { texts: [] };
  const client = 'list' in cluster ? cluster : await connectCluster(cluster, io);
  return liveProfileSources(client, io);
}

/** core's profile from those sources and the inputs' own objects; an error in the profile exits 2. */
export function profileOrExit(sources: ProfileSources, inputs: readonly ManifestObject[], io: CliIO): ResolvedProfile | { exit: number } {
  const resolved = resolveProfile({ texts: sources.texts, ...(sources.live ? { live: sources.live } : {}), inputs });
  if (resolved.findings.some((f) => f.severity === 'error')) {
    printFindings(resolved.findings, sources.texts, io);
    return { exit: EXIT.USAGE };
  }
  return resolved;
}
