// One share of a lint run, as a worker (or the main thread) executes it. The profile is built
// once per thread; core caches the built-in instancetypes per thread too.

import { lintSources, loadObjects, loadProfile, type Finding, type LintConfig, type SourceText } from '@l1vh/core';

export interface ShareResult {
  findings: Finding[];
  objects: number;
  profileFindings: Finding[];
}

export function lintShare(sources: readonly SourceText[], contextSources: readonly SourceText[], profileSources: readonly SourceText[], config: LintConfig, namespace?: string): ShareResult {
  const context = contextSources.length > 0 ? loadObjects(contextSources, { namespace }).objects : [];
  const { profile, findings: profileFindings } = loadProfile(profileSources, context);
  const result = lintSources(sources, profile, { config, namespace });
  return { findings: result.findings, objects: result.objects, profileFindings };
}
