// Entry points that turn source texts into a ClusterProfile (the caller does the file I/O).

import type { Finding } from '../findings.js';
import { parseSource, type ParseResult } from '../parse/parse-source.js';
import { readObjects, type ManifestObject, type ReadOptions } from '../parse/read-objects.js';
import { COMMON_INSTANCETYPES_YAML, COMMON_PREFERENCES_YAML } from './builtin-data.js';
import { buildProfile, type ClusterProfile } from './cluster-profile.js';
import { EMBEDDED_PROFILE_NAME, EMBEDDED_PROFILE_YAML } from './embedded-profile.js';

export interface SourceText {
  path: string;
  text: string;
}

export interface LoadedObjects {
  objects: ManifestObject[];
  findings: Finding[];
  /** The parse of each source, for callers that lint what they already read (lintParsed). */
  files: ParseResult[];
}

/** Parses texts into objects, collecting every input finding (never throws on bad input). */
export function loadObjects(sources: readonly SourceText[], opts: ReadOptions = {}): LoadedObjects {
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  const files: ParseResult[] = [];
  for (const s of sources) {
    const parsed = parseSource(s.path, s.text);
    files.push(parsed);
    findings.push(...parsed.findings);
    const read = readObjects(parsed.docs, opts);
    objects.push(...read.objects);
    findings.push(...read.findings);
  }
  return { objects, findings, files };
}

let builtinCache: readonly ManifestObject[] | undefined;

/** The common-instancetypes set, parsed on first use. */
export function builtinObjects(): readonly ManifestObject[] {
  builtinCache ??= loadObjects([
    { path: '<builtin common-instancetypes>', text: COMMON_INSTANCETYPES_YAML },
    { path: '<builtin common-preferences>', text: COMMON_PREFERENCES_YAML },
  ]).objects;
  return builtinCache;
}

export interface ProfileLoad {
  profile: ClusterProfile;
  findings: Finding[];
}

/**
 * Builds the profile from profile files (or the embedded default when there are none), plus
 * objects from the inputs themselves (instancetypes, PVCs, … given beside the VMs).
 */
export function loadProfile(profileSources: readonly SourceText[], inputObjects: readonly ManifestObject[] = []): ProfileLoad {
  const sources = profileSources.length > 0 ? profileSources : [{ path: EMBEDDED_PROFILE_NAME, text: EMBEDDED_PROFILE_YAML }];
  const loaded = loadObjects(sources);
  const origin = profileSources.length > 0 ? profileSources.map((s) => s.path).join(', ') : EMBEDDED_PROFILE_NAME;
  const contextual = inputObjects.filter((o) => o.kind !== 'KubeVirt' || !loaded.objects.some((p) => p.kind === 'KubeVirt'));
  const profile = buildProfile({ origin, objects: [...loaded.objects, ...contextual], builtins: builtinObjects });
  return { profile, findings: loaded.findings };
}
