// The profile entry: texts and/or live objects (the caller does the I/O) → a ClusterProfile,
// its findings and its summary.

import type { Finding } from '../findings.js';
import type { ParseResult } from '../parse/parse-source.js';
import { readObjects, type ManifestObject, type ReadOptions } from '../parse/read-objects.js';
import { COMMON_INSTANCETYPES_YAML, COMMON_PREFERENCES_YAML } from './builtin-data.js';
import { parseInput, type SourceText } from '../parse/value-document.js';
import { summariseProfile, type ProfileSummary } from '../select/readiness.js';
import { buildProfileWithInputs, type ClusterProfile } from './cluster-profile.js';
import type { KubeObject } from './cluster-kinds.js';
import { EMBEDDED_PROFILE_NAME, EMBEDDED_PROFILE_YAML } from './embedded-profile.js';

export type { SourceText };

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
    const parsed = parseInput(s);
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

/** Objects read from a live cluster (the kinds of PROFILE_KINDS), as the API server returned them. */
export interface LiveObjects {
  /** Names the cluster in messages and traces, e.g. "<cluster https://host:6443>". */
  origin: string;
  objects: readonly KubeObject[];
}

export interface ProfileRequest {
  /** Profile files, in order. With neither texts nor live objects the embedded default applies. */
  texts?: readonly SourceText[];
  live?: LiveObjects;
  /** The inputs' own objects: instancetypes, PVCs, … given beside the VMs. */
  inputs?: readonly ManifestObject[];
}

export interface ResolvedProfile {
  profile: ClusterProfile;
  /** Problems in the profile's own sources (an error means the profile cannot be trusted). */
  findings: Finding[];
  /** Version, semantics, MSHV intent, node counts and per-node readiness; computed on first read. */
  readonly summary: ProfileSummary;
}

/**
 * The one way to a cluster profile: profile files and/or live objects, plus objects from the
 * inputs themselves. The shells only fetch (files, kubeconfig, HTTP) and call this.
 */
export function resolveProfile(req: ProfileRequest): ResolvedProfile {
  const texts = req.texts ?? [];
  const sources = texts.length > 0 || req.live ? texts : [{ path: EMBEDDED_PROFILE_NAME, text: EMBEDDED_PROFILE_YAML }];
  const live = req.live ? [{ path: req.live.origin, text: '', value: { apiVersion: 'v1', kind: 'List', items: req.live.objects } }] : [];
  const { objects, findings } = loadObjects([...sources, ...live]);
  const origin = [...sources, ...live].map((s) => s.path).join(', ');
  const profile = buildProfileWithInputs({ origin, objects, builtins: builtinObjects }, req.inputs ?? []);
  let summary: ProfileSummary | undefined;
  return {
    profile,
    findings,
    get summary() {
      return (summary ??= summariseProfile(profile));
    },
  };
}

/** Profile files plus the inputs' own objects (the tests' and benchmarks' short form). */
export function loadProfile(texts: readonly SourceText[], inputs: readonly ManifestObject[] = []): ResolvedProfile {
  return resolveProfile({ texts, inputs });
}
