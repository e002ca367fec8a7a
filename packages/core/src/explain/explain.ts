// The pipeline, top to bottom: admit (defaults + instancetypes) → select → convert → overhead →
// launcher resources → verdict. One ExplainItem per VM-like object: the `explain -o json` contract.
// A VM KubeVirt refuses (at a webhook) or whose pod fits no node still gets the rest of the
// preview where the pipeline can make it: what KubeVirt would build, labelled by the verdict.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { admit } from '../defaults/admit.js';
import { convertVmi } from '../convert/convert.js';
import { schemaQuirks, type SchemaQuirk } from '../convert/schema-quirks.js';
import { launcherLacksHypervType } from '../profile/versions.js';
import { computeOverhead, type OverheadTerm } from '../overhead/memory-overhead.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { isVmLike, type VmLikeKind } from '../parse/vm-like.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { computeLauncherResources, launcherResourceNotes, type LauncherResources } from '../resources/launcher-resources.js';
import type { DomainType, HypervisorId } from '../select/hypervisors.js';
import { selectHypervisor, type NodeOutcome, type Selection, type Semantics } from '../select/select-hypervisor.js';
import { positionOf, spotOfField, spotOfObject, type SourceFiles, type SourcePosition, type SourceSpot } from './resolve-position.js';
import { figuresPastInt64, pastInt64Entry, placeInManifest, vmiOutOfRange } from './preview-range.js';
import { decideVerdict, type RangeProblem, type Verdict, type VerdictCause } from './verdict.js';
import type { AdmissionCause, AdmissionStage, Rejection } from '../validate/cause.js';

import { PLACEHOLDER_VMI_UID } from '../conventions.js';
export { PLACEHOLDER_VMI_UID };

export interface ExplainOptions {
  /** UID for VMIs whose metadata.uid is unknown (default: the all-zero placeholder). */
  vmiUid?: string;
  /** XML indentation ("  " default, "\t" as production). */
  indent?: string;
  /**
   * Build the domain XML (default true), and with it the schema quirks; lint and the editor's
   * analysis turn it off. The converter still runs, since its errors are virt-launcher's and
   * decide the verdict.
   */
  domainXml?: boolean;
  /**
   * Resolve source positions (default true). When false (lint: its rules read none), decision
   * steps and overhead terms get no `source` and the item's `source` is resolved on first read,
   * so a document's position index is built only when something needs it.
   */
  positions?: boolean;
  /**
   * Build what only a reader of the item needs (default true). When false (lint: its rules read
   * the verdict, causes, figures, VMI and selection only), the item has no decision steps, overhead
   * terms or notes.
   */
  detail?: boolean;
}

export interface DecisionStep {
  rule: string;
  outcome: string;
  reason: string;
  source?: SourceSpot;
  label?: string;
}

/** One VM explained. Places are offsets (SourceSpot); locateItem gives the JSON contract's line/col. */
export interface ExplainItem {
  source: SourceSpot;
  kind: VmLikeKind;
  namespace: string;
  name: string;
  kubevirtVersion: string;
  semantics: Semantics;
  /** runs, or why not: rejected (admission), unschedulable (no node takes the pod), launch-fails (virt-launcher). */
  verdict: Verdict;
  /** KubeVirt's causes when rejected (one per cause, with positions); [] otherwise. */
  causes: VerdictCause[];
  /** The admission stage that refused it, when rejected. */
  admissionStage: AdmissionStage | null;
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  error: string | null;
  decision: { semantics: Semantics; summary: string; steps: DecisionStep[] };
  nodes: NodeOutcome[];
  vmi: VirtualMachineInstance | null;
  domainXml: string | null;
  overheadBytes: number | null;
  controllerOverheadBytes: number | null;
  overheadTerms: (Omit<OverheadTerm, 'at'> & { source?: SourceSpot })[];
  launcherResources: LauncherResources | null;
  /** Parts of domainXml outside libvirt's schema: libvirt drops them, or (LUN on a file) refuses the domain. */
  schemaQuirks: SchemaQuirk[];
  notes: string[];
}

/** Internal result: the JSON item plus values other reports (lint, hover) reuse. */
export interface Explained {
  item: ExplainItem;
  object: ManifestObject;
  selection: Selection | null;
  /** KubeVirt's causes with manifest paths, when rejected (item.causes without positions resolved). */
  causes: AdmissionCause[];
  /** Values past what the preview honours (paths from the manifest root). */
  outOfRange: RangeProblem[];
  /** virt-launcher's own error (hypervisor device or converter), whatever the verdict. */
  launchError: string | null;
  /** Rejected by a stage's own error (instancetype application, defaults, …) rather than validator causes. */
  stageError: boolean;
}

export function explainObject(obj: ManifestObject, profile: ClusterProfile, opts: ExplainOptions = {}): Explained {
  if (!isVmLike(obj.kind)) throw new Error(`IMPOSSIBLE: explainObject called with ${obj.kind}`);
  const kind = obj.kind;
  const admission = admit(obj, profile, { vmiUid: opts.vmiUid ?? PLACEHOLDER_VMI_UID });
  const detail = opts.detail !== false;
  // Lint (detail: false) reads no notes: collected as usual, dropped in the item.
  const notes = [...admission.notes];
  const positions = opts.positions !== false;
  const base = {
    kind,
    namespace: obj.namespace ?? admission.vmi?.metadata.namespace ?? 'default',
    name: obj.name,
    kubevirtVersion: profile.version,
  };
  if (!admission.vmi) {
    const semantics: Semantics = 'kubevirt';
    const v = decideVerdict({ admission: { error: admission.error ?? 'admission produced no VMI', rejection: admission.rejection }, nodes: [], landingNode: null, launchError: null, outOfRange: [] });
    return {
      object: obj,
      selection: null,
      causes: v.causes,
      outOfRange: [],
      launchError: null,
      stageError: admission.stageError === true || !admission.rejection,
      item: withSource(obj, positions, {
        source: UNRESOLVED,
        ...base,
        semantics,
        verdict: v.verdict,
        causes: verdictCauses(obj, v.causes, admission.rejection, positions),
        admissionStage: v.admissionStage,
        hypervisor: null,
        domainType: null,
        error: v.error,
        decision: { semantics, summary: `rejected at admission: ${v.error}`, steps: [] },
        nodes: [],
        vmi: null,
        domainXml: null,
        overheadBytes: null,
        controllerOverheadBytes: null,
        overheadTerms: [],
        launcherResources: null,
        schemaQuirks: [],
        notes: detail ? notes : [],
      }),
    };
  }
  const vmi = admission.vmi;
  const selection = selectHypervisor({ vmi, profile, source: { object: obj, kind } });
  const beyond = vmiOutOfRange(vmi);
  const serialise = opts.domainXml !== false;
  const converted = selection.error || beyond.length > 0 ? null : convertVmi(vmi, selection, profile, { indent: opts.indent ?? '  ', serialise });
  const quirks = converted?.domain ? schemaQuirks(converted.domain) : [];
  if (quirks.length > 0) notes.push(`libvirt schema: ${quirks.length} part(s) of this XML are outside libvirt's schema, placeholders for node values, or refused by older libvirt (${[...new Set(quirks.map((q) => q.kind))].join(', ')}); see schemaQuirks`);
  const tooOld = selection.hypervisor === 'mshv' && !selection.error ? launcherLacksHypervType(profile.version) : undefined;
  if (tooOld) notes.push(`libvirt version: ${tooOld}`);
  if (converted) notes.push(...converted.notes);
  const computedOverhead = computeOverhead(vmi, profile, selection, { object: obj, kind });
  notes.push(...computedOverhead.notes);
  const computedResources = computeLauncherResources(vmi, profile, selection, computedOverhead);
  if (detail) notes.push(...launcherResourceNotes(vmi));
  // Figures at or past int64 are no result: dropped, and the VM is out of range.
  const past = figuresPastInt64(computedOverhead, computedResources);
  const overhead = past.overhead ? null : computedOverhead;
  const resources = past.resources.length > 0 ? null : computedResources;
  const outOfRange = placeInManifest([...beyond, ...(beyond.length > 0 ? [] : pastInt64Entry(vmi, past))], obj, kind, computedResources.requests.cpu);
  const launchError = selection.error ?? converted?.error ?? null;
  const v = decideVerdict({ admission, nodes: selection.nodes, landingNode: selection.landingNode, launchError, outOfRange });
  const runs = v.verdict === 'runs';
  const previewLabel = VERDICT_LABEL[v.verdict];
  if (previewLabel && (converted?.domainXml || overhead || resources)) notes.unshift(previewLabel);
  const domainXml = converted && !converted.error ? converted.domainXml : null;
  return {
    object: obj,
    selection,
    causes: v.causes,
    outOfRange,
    launchError,
    stageError: admission.stageError === true,
    item: withSource(obj, positions, {
      source: UNRESOLVED,
      ...base,
      semantics: selection.semantics,
      verdict: v.verdict,
      causes: verdictCauses(obj, v.causes, admission.rejection, positions),
      admissionStage: v.admissionStage,
      hypervisor: runs ? selection.hypervisor : null,
      domainType: runs ? selection.domainType : null,
      error: v.error,
      decision: {
        semantics: selection.semantics,
        summary: v.verdict === 'runs' ? selection.summary : `${VERDICT_SUMMARY[v.verdict]}: ${v.error}`,
        steps: !detail ? [] : selection.trace.map((s) => {
          const source = s.at && positions ? spotOfField(s.at) : undefined;
          return { rule: s.rule, outcome: s.outcome, reason: s.reason, ...(source ? { source } : s.at?.label ? { label: s.at.label } : {}) };
        }),
      },
      nodes: selection.nodes,
      vmi,
      domainXml,
      overheadBytes: overhead?.totalBytes ?? null,
      controllerOverheadBytes: overhead?.controllerTotalBytes ?? null,
      overheadTerms: (!detail ? [] : (overhead?.terms ?? [])).map(({ at, ...t }) => {
        const source = at && positions ? spotOfField(at) : undefined;
        return source ? { ...t, source } : t;
      }),
      launcherResources: resources,
      schemaQuirks: domainXml ? quirks : [],
      // Several configurators note the same thing once per device: keep each distinct text once.
      notes: detail ? [...new Set(notes)] : [],
    }),
  };
}

/** Summary prefix per verdict other than runs. */
const VERDICT_SUMMARY: Record<Exclude<Verdict, 'runs'>, string> = {
  rejected: 'rejected at admission',
  unschedulable: 'will not run',
  'launch-fails': 'will not run: virt-launcher fails with',
};

/** The note that labels a preview shown for a VM that will not run. */
const VERDICT_LABEL: Record<Verdict, string | null> = {
  runs: null,
  rejected: 'preview only: KubeVirt rejects this object; the VMI, domain XML, overhead and resources are what it would make of it if admitted',
  unschedulable: 'preview only: no node can run the launcher pod; the domain XML, overhead and resources are what KubeVirt would make of it if a node could',
  'launch-fails': 'preview only: virt-launcher fails before the domain is defined; the overhead and resources are those of the pod it would fail in',
};

/** KubeVirt's causes as the JSON carries them: stage on each, and positions when asked for. */
function verdictCauses(obj: ManifestObject, causes: readonly AdmissionCause[], rejection: Rejection | undefined, positions: boolean): VerdictCause[] {
  if (!rejection) return [];
  return causes.map((c) => {
    const source = positions && c.at ? spotOfField({ object: obj, path: c.at }) : undefined;
    return { type: c.type, field: c.field, message: c.message, stage: rejection.stage, ...(source ? { source } : {}) };
  });
}

/** Holds `source`'s place (first, as in the JSON contract) until withSource sets it. */
const UNRESOLVED: SourceSpot = { file: '', offset: -1 };

/** The item with its `source` resolved now, or on first read. */
function withSource(obj: ManifestObject, eager: boolean, item: ExplainItem): ExplainItem {
  if (eager) item.source = spotOfObject(obj);
  else {
    let source: SourceSpot | undefined;
    Object.defineProperty(item, 'source', { enumerable: true, configurable: true, get: () => (source ??= spotOfObject(obj)) });
  }
  return item;
}

export function explainAll(objects: readonly ManifestObject[], profile: ClusterProfile, opts: ExplainOptions = {}): Explained[] {
  return objects.filter((o) => isVmLike(o.kind)).map((o) => explainObject(o, profile, opts));
}

/** The explain JSON contract's form of an item: every place as {file, line, col}. */
export type LocatedExplainItem = Omit<ExplainItem, 'source' | 'causes' | 'decision' | 'overheadTerms'> & {
  source: SourcePosition;
  causes: (Omit<VerdictCause, 'source'> & { source?: SourcePosition })[];
  decision: Omit<ExplainItem['decision'], 'steps'> & { steps: (Omit<DecisionStep, 'source'> & { source?: SourcePosition })[] };
  overheadTerms: (Omit<ExplainItem['overheadTerms'][number], 'source'> & { source?: SourcePosition })[];
};

/** An item with its offsets turned into line/col (the edge: formatters and the editor call this). */
export function locateItem(item: ExplainItem, files: SourceFiles): LocatedExplainItem {
  const at = <T extends { source?: SourceSpot }>(x: T): Omit<T, 'source'> & { source?: SourcePosition } => {
    const { source, ...rest } = x;
    return source ? { ...rest, source: positionOf(source, files) } : rest;
  };
  return {
    ...item,
    source: positionOf(item.source, files),
    causes: item.causes.map(at),
    decision: { ...item.decision, steps: item.decision.steps.map(at) },
    overheadTerms: item.overheadTerms.map(at),
  };
}
