// whatIf: the one explain pipeline run twice, on the profile and on the profile with the change
// set applied, and the two sides compared per VM and per node. Pure: (profile, changes, objects)
// → the comparison.

import { explainAll, locateItem, type DecisionStep, type ExplainItem, type ExplainOptions, type LocatedExplainItem } from '../explain/explain.js';
import { positionOf, type SourceFiles, type SourcePosition } from '../explain/resolve-position.js';
import type { ManifestObject } from '../parse/read-objects.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { applyChanges, type Change, type ProfileEdit } from './change-set.js';
import { fleetOf } from './fleet.js';
import { memoryBytes, placeFleet, PLACEMENT_RULE, type NodeLoad } from './placement.js';
import { unifiedDiff } from './xml-diff.js';

/** One side of a VM: its explain item (with its verdict) and where its pods were placed. */
export type WhatIfSide = ExplainItem & { placedOn: string[] };

export type ComparedField = 'verdict' | 'hypervisor' | 'domainType' | 'error' | 'overheadBytes' | 'launcherResources' | 'domainXml';
const COMPARED: readonly ComparedField[] = ['verdict', 'hypervisor', 'domainType', 'error', 'overheadBytes', 'launcherResources', 'domainXml'];

export interface StepChange {
  rule: string;
  before: { outcome: string; reason: string } | null;
  after: { outcome: string; reason: string } | null;
}

export interface WhatIfItem {
  source: ExplainItem['source'];
  kind: ExplainItem['kind'];
  namespace: string;
  name: string;
  /** Pods it starts (0: stopped VM); see PLACEMENT_RULE. */
  pods: number;
  /** Today's node of its running VMI. */
  runningOn: string | null;
  before: WhatIfSide;
  after: WhatIfSide;
  /** The compared fields whose value differs, in COMPARED order. */
  changed: ComparedField[];
  /** Decision steps whose outcome or reason differs, in trace order; the first is the cause. */
  changedSteps: StepChange[];
  /** Unified diff of the domain XML (null when equal or absent on a side). */
  xmlDiff: string | null;
}

export interface NodeComparison {
  node: string;
  before: NodeLoad;
  after: NodeLoad;
}

export interface WhatIfSummary {
  vms: number;
  /** Runs before and after (hypervisor changed or not). */
  keepRunning: number;
  /** Runs on both sides with a different hypervisor. */
  changeHypervisor: number;
  /** Runs before, not after. */
  stopRunning: number;
  /** Does not run before, runs after. */
  startRunning: number;
  /** Runs on neither side. */
  neverRunning: number;
  /** Summed memory requests of the placed pods, in bytes. */
  memoryRequestBytes: { before: number; after: number; delta: number };
  overcommittedNodes: { before: string[]; after: string[] };
}

export interface WhatIfResult {
  profile: string;
  changes: Change[];
  edits: ProfileEdit[];
  notes: string[];
  placementRule: string;
  items: WhatIfItem[];
  nodes: NodeComparison[];
  summary: WhatIfSummary;
}

export interface WhatIfInput {
  profile: ClusterProfile;
  /** The inputs; VM-like ones are compared (other kinds are ignored). */
  objects: readonly ManifestObject[];
  changes: readonly Change[];
  /** Today's node per `namespace/name`, beside the status.nodeName of VMIs among the objects. */
  runningOn?: ReadonlyMap<string, string>;
  explain?: ExplainOptions;
}

export type WhatIfOutcome = { ok: true; result: WhatIfResult } | { ok: false; message: string };

export function whatIf(input: WhatIfInput): WhatIfOutcome {
  const edited = applyChanges(input.profile, input.changes);
  if (!edited.ok) return edited;
  const fleet = fleetOf(input.objects, input.runningOn);
  const members = fleet.map((m) => m.object);
  const before = explainAll(members, input.profile, input.explain).map((e) => e.item);
  const after = explainAll(members, edited.profile, input.explain).map((e) => e.item);
  const side = (items: ExplainItem[]) => items.map((item, i) => ({ id: fleet[i]!.id, pods: fleet[i]!.pods, runningOn: fleet[i]!.runningOn, item, verdict: item.verdict }));
  const beforeVms = side(before);
  const afterVms = side(after);
  const placedBefore = placeFleet(beforeVms, input.profile.nodes);
  const placedAfter = placeFleet(afterVms, edited.profile.nodes);

  const items: WhatIfItem[] = fleet.map((m, i) => {
    const b: WhatIfSide = { ...before[i]!, placedOn: placedBefore.nodesOf[i]! };
    const a: WhatIfSide = { ...after[i]!, placedOn: placedAfter.nodesOf[i]! };
    return {
      source: b.source,
      kind: b.kind,
      namespace: b.namespace,
      name: b.name,
      pods: m.pods,
      runningOn: m.runningOn,
      before: b,
      after: a,
      changed: COMPARED.filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f])),
      changedSteps: stepChanges(b.decision.steps, a.decision.steps),
      xmlDiff: unifiedDiff(b.domainXml, a.domainXml, { before: `${b.namespace}/${b.name} (before)`, after: `${a.namespace}/${a.name} (after)` }),
    };
  });

  const nodes = placedBefore.nodes.map((nb) => ({ node: nb.node, before: nb, after: placedAfter.nodes.find((na) => na.node === nb.node)! }));
  return {
    ok: true,
    result: {
      profile: input.profile.origin,
      changes: [...input.changes],
      edits: edited.edits,
      notes: edited.notes,
      placementRule: PLACEMENT_RULE,
      items,
      nodes,
      summary: summarise(items, nodes),
    },
  };
}

/** Steps keyed by rule and occurrence (the `node` rule repeats per node), compared in trace order. */
function stepChanges(before: readonly DecisionStep[], after: readonly DecisionStep[]): StepChange[] {
  const keyed = (steps: readonly DecisionStep[]) => {
    const seen = new Map<string, number>();
    return steps.map((s) => {
      const n = seen.get(s.rule) ?? 0;
      seen.set(s.rule, n + 1);
      return { key: `${s.rule}#${n}`, step: s };
    });
  };
  const b = keyed(before);
  const a = keyed(after);
  const bMap = new Map(b.map((x) => [x.key, x.step]));
  const aMap = new Map(a.map((x) => [x.key, x.step]));
  // Trace order: after's steps at their index, a step only in `before` just ahead of its old index.
  const rank = new Map<string, number>(b.map((x, i) => [x.key, i - 0.5]));
  a.forEach((x, i) => rank.set(x.key, i));
  const order = [...rank.keys()].sort((x, y) => rank.get(x)! - rank.get(y)!);
  const out: StepChange[] = [];
  for (const key of order) {
    const sb = bMap.get(key);
    const sa = aMap.get(key);
    if (sb && sa && sb.outcome === sa.outcome && sb.reason === sa.reason) continue;
    out.push({ rule: (sa ?? sb)!.rule, before: sb ? { outcome: sb.outcome, reason: sb.reason } : null, after: sa ? { outcome: sa.outcome, reason: sa.reason } : null });
  }
  return out;
}

function summarise(items: readonly WhatIfItem[], nodes: readonly NodeComparison[]): WhatIfSummary {
  const runsB = (i: WhatIfItem) => i.before.verdict === 'runs';
  const runsA = (i: WhatIfItem) => i.after.verdict === 'runs';
  const memory = (side: 'before' | 'after') => nodes.reduce((sum, n) => sum + memoryBytes(n[side].requests.memory), 0);
  const memBefore = memory('before');
  const memAfter = memory('after');
  return {
    vms: items.length,
    keepRunning: items.filter((i) => runsB(i) && runsA(i)).length,
    changeHypervisor: items.filter((i) => runsB(i) && runsA(i) && i.before.hypervisor !== i.after.hypervisor).length,
    stopRunning: items.filter((i) => runsB(i) && !runsA(i)).length,
    startRunning: items.filter((i) => !runsB(i) && runsA(i)).length,
    neverRunning: items.filter((i) => !runsB(i) && !runsA(i)).length,
    memoryRequestBytes: { before: memBefore, after: memAfter, delta: memAfter - memBefore },
    overcommittedNodes: {
      before: nodes.filter((n) => n.before.overcommitted.length > 0).map((n) => n.node),
      after: nodes.filter((n) => n.after.overcommitted.length > 0).map((n) => n.node),
    },
  };
}

export type LocatedWhatIfSide = LocatedExplainItem & { placedOn: string[] };
export type LocatedWhatIfItem = Omit<WhatIfItem, 'source' | 'before' | 'after'> & { source: SourcePosition; before: LocatedWhatIfSide; after: LocatedWhatIfSide };
export type LocatedWhatIfResult = Omit<WhatIfResult, 'items'> & { items: LocatedWhatIfItem[] };

/** The result with every place as {file, line, col} (the edge's form, as explain's locateItem). */
export function locateWhatIf(result: WhatIfResult, files: SourceFiles): LocatedWhatIfResult {
  const side = (s: WhatIfSide): LocatedWhatIfSide => ({ ...locateItem(s, files), placedOn: s.placedOn });
  return { ...result, items: result.items.map((it) => ({ ...it, source: positionOf(it.source, files), before: side(it.before), after: side(it.after) })) };
}
