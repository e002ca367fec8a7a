// What a VM rule sees: the explain result plus facts derived once per VM (admission outcome,
// the VMI to inspect, the selection). Built lazily so rules that do not need them cost nothing.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ExplainItem, Explained } from '../explain/explain.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { isRecord } from '../parse/read-objects.js';
import type { PathSegment } from '../parse/position-index.js';
import { manifestPathOfVmiField, VMI_TEMPLATE_PATH, type VmLikeKind } from '../parse/vm-like.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { selectHypervisor, type Selection } from '../select/select-hypervisor.js';

/** How admission ended, by the kind of error KubeVirt (or our pipeline) gave. */
export type AdmissionStatus = 'admitted' | 'instancetype' | 'not-found' | 'rejected' | 'unavailable';

/** First match wins. 'unavailable' = a pipeline stage that is not implemented: not the user's fault. */
const ADMISSION_ERRORS: readonly (readonly [RegExp, AdmissionStatus])[] = [
  [/not implemented/i, 'unavailable'],
  [/failure to find|\bnot found\b/i, 'not-found'],
  [/instancetype|instance type|preference/i, 'instancetype'],
];

export function classifyAdmissionError(error: string | null, hasVmi: boolean): AdmissionStatus {
  if (!error) return hasVmi ? 'admitted' : 'unavailable';
  return ADMISSION_ERRORS.find(([re]) => re.test(error))?.[1] ?? 'rejected';
}

export interface VmSubject {
  readonly object: ManifestObject;
  readonly kind: VmLikeKind;
  readonly item: ExplainItem;
  readonly admission: { status: AdmissionStatus; error: string | null };
  /** The admitted VMI; when admission is unavailable, the template as written (no defaults). */
  readonly vmi: VirtualMachineInstance | null;
  /** Explain's selection; when admission is unavailable, one computed from the written template. */
  readonly selection: Selection | null;
  /** Whether `vmi`/`selection` come from the written template rather than the admitted VMI. */
  readonly provisional: boolean;
  /** Manifest path (from the object root) of a field given relative to the VMI. */
  vmiPath(path: readonly PathSegment[]): PathSegment[];
}

export function vmSubject(explained: Explained, profile: ClusterProfile): VmSubject {
  const { item, object } = explained;
  const kind = item.kind;
  const status = classifyAdmissionError(explained.selection ? null : item.error, item.vmi !== null);
  const admission = { status, error: status === 'admitted' ? null : item.error };
  let provisional: { vmi: VirtualMachineInstance | null; selection: Selection | null } | undefined;
  const fallback = (): { vmi: VirtualMachineInstance | null; selection: Selection | null } => {
    if (provisional) return provisional;
    const vmi = writtenVmi(object, kind);
    provisional = { vmi, selection: vmi ? selectHypervisor({ vmi, profile, source: { object, kind } }) : null };
    return provisional;
  };
  const useWritten = status === 'unavailable' && item.vmi === null;
  return {
    object,
    kind,
    item,
    admission,
    provisional: useWritten,
    get vmi() {
      return useWritten ? fallback().vmi : item.vmi;
    },
    get selection() {
      return useWritten ? fallback().selection : explained.selection;
    },
    vmiPath: (path) => manifestPathOfVmiField(kind, path),
  };
}

/** The VMI template exactly as written (metadata + spec), or null when it is not a mapping. */
function writtenVmi(object: ManifestObject, kind: VmLikeKind): VirtualMachineInstance | null {
  let v: unknown = object.value;
  for (const seg of VMI_TEMPLATE_PATH[kind]) v = isRecord(v) ? v[seg as string] : undefined;
  if (!isRecord(v)) return null;
  const spec = isRecord(v.spec) ? v.spec : {};
  const domain = isRecord(spec.domain) ? spec.domain : {};
  const metadata = isRecord(v.metadata) ? v.metadata : {};
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { ...metadata, name: object.name, namespace: object.namespace ?? 'default' }, spec: { ...spec, domain } } as unknown as VirtualMachineInstance;
}
