// The profile documents are explained against: the target cluster's objects plus the
// workspace's context objects, merged as the CLI merges `--profile` and its input paths (a
// workspace KubeVirt CR only when the target has none). One profile per (target, index version),
// so explain results stay cached until either changes.

import { withInputs, type ManifestObject } from '@l1vh/core';
import type { AnalysisTarget } from '../analysis/document-analysis.js';

export class WorkspaceTarget {
  private last: { base: AnalysisTarget['profile']; version: number; target: AnalysisTarget } | undefined;

  constructor(
    private readonly base: () => AnalysisTarget,
    private readonly workspace: () => { version: number; objects: readonly ManifestObject[] },
  ) {}

  current(): AnalysisTarget {
    const base = this.base();
    const ws = this.workspace();
    if (this.last && this.last.base === base.profile && this.last.version === ws.version) return this.last.target;
    const target = combine(base, ws.objects);
    this.last = { base: base.profile, version: ws.version, target };
    return target;
  }
}

export function combine(base: AnalysisTarget, workspace: readonly ManifestObject[]): AnalysisTarget {
  // The offline profile file may sit in the workspace: its objects are the target already.
  const own = new Set(base.profile.objects.map((o) => o.source.doc.file.path));
  const extra = workspace.filter((o) => !own.has(o.source.doc.file.path));
  if (extra.length === 0) return base;
  // core's merge of inputs into a profile (a KubeVirt CR only where the profile has none)
  return { profile: withInputs(base.profile, extra) };
}
