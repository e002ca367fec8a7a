// The pipeline, top to bottom: admit (defaults + instancetypes) → select → convert → overhead →
// launcher resources. One ExplainItem per VM-like object: the `explain -o json` contract.

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
import { positionOfField, positionOfObject, type SourcePosition } from './resolve-position.js';

import { PLACEHOLDER_VMI_UID } from '../conventions.js';
export { PLACEHOLDER_VMI_UID };

export interface ExplainOptions {
  /** UID for VMIs whose metadata.uid is unknown (default: the all-zero placeholder). */
  vmiUid?: string;
  /** XML indentation ("  " default, "\t" as production). */
  indent?: string;
  /** Build the domain XML (default true); lint turns it off, it only needs the VMI and selection. */
  domainXml?: boolean;
  /**
   * Resolve source positions (default true). When false (lint: its rules read none), decision
   * steps and overhead terms get no `source` and the item's `source` is resolved on first read,
   * so a document's position index is built only when something needs it.
   */
  positions?: boolean;
}

export interface DecisionStep {
  rule: string;
  outcome: string;
  reason: string;
  source?: SourcePosition;
  label?: string;
}

export interface ExplainItem {
  source: SourcePosition;
  kind: VmLikeKind;
  namespace: string;
  name: string;
  kubevirtVersion: string;
  semantics: Semantics;
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  error: string | null;
  decision: { semantics: Semantics; summary: string; steps: DecisionStep[] };
  nodes: NodeOutcome[];
  vmi: VirtualMachineInstance | null;
  domainXml: string | null;
  overheadBytes: number | null;
  controllerOverheadBytes: number | null;
  overheadTerms: (Omit<OverheadTerm, 'at'> & { source?: SourcePosition })[];
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
}

export function explainObject(obj: ManifestObject, profile: ClusterProfile, opts: ExplainOptions = {}): Explained {
  if (!isVmLike(obj.kind)) throw new Error(`IMPOSSIBLE: explainObject called with ${obj.kind}`);
  const kind = obj.kind;
  const admission = admit(obj, profile, { vmiUid: opts.vmiUid ?? PLACEHOLDER_VMI_UID });
  const notes = [...admission.notes];
  const positions = opts.positions !== false;
  const base = {
    kind,
    namespace: obj.namespace ?? admission.vmi?.metadata.namespace ?? 'default',
    name: obj.name,
    kubevirtVersion: profile.version,
  };
  if (!admission.vmi || admission.error) {
    const semantics: Semantics = 'kubevirt';
    return {
      object: obj,
      selection: null,
      item: withSource(obj, positions, {
        source: UNRESOLVED,
        ...base,
        semantics,
        hypervisor: null,
        domainType: null,
        error: admission.error ?? 'admission produced no VMI',
        decision: { semantics, summary: `rejected at admission: ${admission.error}`, steps: [] },
        nodes: [],
        vmi: admission.vmi,
        domainXml: null,
        overheadBytes: null,
        controllerOverheadBytes: null,
        overheadTerms: [],
        launcherResources: null,
        schemaQuirks: [],
        notes,
      }),
    };
  }
  const vmi = admission.vmi;
  const selection = selectHypervisor({ vmi, profile, source: { object: obj, kind } });
  const converted = selection.error || opts.domainXml === false ? null : convertVmi(vmi, selection, profile, { indent: opts.indent ?? '  ' });
  const quirks = converted?.domainXml ? schemaQuirks(converted.domainXml) : [];
  if (quirks.length > 0) notes.push(`libvirt schema: ${quirks.length} part(s) of this XML are outside libvirt's schema, placeholders for node values, or refused by older libvirt (${[...new Set(quirks.map((q) => q.kind))].join(', ')}); see schemaQuirks`);
  const tooOld = selection.hypervisor === 'mshv' && !selection.error ? launcherLacksHypervType(profile.version) : undefined;
  if (tooOld) notes.push(`libvirt version: ${tooOld}`);
  if (converted) notes.push(...converted.notes);
  const overhead = computeOverhead(vmi, profile, selection, { object: obj, kind });
  notes.push(...overhead.notes);
  const resources = computeLauncherResources(vmi, profile, selection, overhead);
  if (resources) notes.push(...launcherResourceNotes(vmi));
  const error = selection.error ?? converted?.error ?? null;
  return {
    object: obj,
    selection,
    item: withSource(obj, positions, {
      source: UNRESOLVED,
      ...base,
      semantics: selection.semantics,
      hypervisor: error ? null : selection.hypervisor,
      domainType: error ? null : selection.domainType,
      error,
      decision: {
        semantics: selection.semantics,
        summary: selection.summary,
        steps: selection.trace.map((s) => {
          const source = s.at && positions ? positionOfField(s.at) : undefined;
          return { rule: s.rule, outcome: s.outcome, reason: s.reason, ...(source ? { source } : s.at?.label ? { label: s.at.label } : {}) };
        }),
      },
      nodes: selection.nodes,
      vmi,
      domainXml: error ? null : (converted?.domainXml ?? null),
      overheadBytes: overhead?.totalBytes ?? null,
      controllerOverheadBytes: overhead?.controllerTotalBytes ?? null,
      overheadTerms: (overhead?.terms ?? []).map(({ at, ...t }) => {
        const source = at && positions ? positionOfField(at) : undefined;
        return source ? { ...t, source } : t;
      }),
      launcherResources: resources,
      schemaQuirks: error ? [] : quirks,
      // Several configurators note the same thing once per device: keep each distinct text once.
      notes: [...new Set(notes)],
    }),
  };
}

/** Holds `source`'s place (first, as in the JSON contract) until withSource sets it. */
const UNRESOLVED: SourcePosition = { file: '', line: 0, col: 0 };

/** The item with its `source` resolved now, or on first read. */
function withSource(obj: ManifestObject, eager: boolean, item: ExplainItem): ExplainItem {
  if (eager) item.source = positionOfObject(obj);
  else {
    let source: SourcePosition | undefined;
    Object.defineProperty(item, 'source', { enumerable: true, configurable: true, get: () => (source ??= positionOfObject(obj)) });
  }
  return item;
}

export function explainAll(objects: readonly ManifestObject[], profile: ClusterProfile, opts: ExplainOptions = {}): Explained[] {
  return objects.filter((o) => isVmLike(o.kind)).map((o) => explainObject(o, profile, opts));
}
