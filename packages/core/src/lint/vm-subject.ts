// What a VM rule sees: the explain result plus facts derived once per VM (how admission ended,
// the VMI, the selection), so rules do not re-derive them.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ExplainItem, Explained } from '../explain/explain.js';
import type { ManifestObject } from '../parse/read-objects.js';
import type { PathSegment } from '../parse/position-index.js';
import { manifestPathOfVmiField, type VmLikeKind } from '../parse/vm-like.js';
import type { Selection } from '../select/select-hypervisor.js';
import type { AdmissionCause } from '../validate/cause.js';
import type { RangeProblem, Verdict } from '../explain/verdict.js';

/** How admission ended, by the kind of error KubeVirt (or our pipeline) gave. */
export type AdmissionStatus = 'admitted' | 'instancetype' | 'not-found' | 'rejected' | 'unavailable';

/** First match wins. 'unavailable' = l1vh itself failed (an internal error): not the user's fault. */
const ADMISSION_ERRORS: readonly (readonly [RegExp, AdmissionStatus])[] = [
  [/^l1vh internal error/, 'unavailable'],
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
  /** The one verdict explain gives (rules that report it must agree with it). */
  readonly verdict: Verdict;
  /** KubeVirt's causes when rejected, with manifest paths. */
  readonly causes: readonly AdmissionCause[];
  /** Values past what the preview honours (manifest paths). */
  readonly outOfRange: readonly RangeProblem[];
  /** virt-launcher's own error, whatever the verdict. */
  readonly launchError: string | null;
  /** The admitted VMI (null when admission rejected the object). */
  readonly vmi: VirtualMachineInstance | null;
  /** Hypervisor selection (null when admission rejected the object). */
  readonly selection: Selection | null;
  /** Manifest path (from the object root) of a field given relative to the VMI. */
  vmiPath(path: readonly PathSegment[]): PathSegment[];
}

export function vmSubject(explained: Explained): VmSubject {
  const { item, object, selection } = explained;
  // Only a rejection is an admission error; the other verdicts' errors come later.
  // Only a rejection is an admission error; the other verdicts' errors come later. Validator causes
  // are plain rejections whatever they say; a stage's own error is told apart by its message.
  const status: AdmissionStatus =
    item.verdict !== 'rejected' ? (item.vmi !== null ? 'admitted' : 'unavailable') : explained.stageError ? classifyAdmissionError(item.error, item.vmi !== null) : 'rejected';
  return {
    object,
    kind: item.kind,
    item,
    admission: { status, error: status === 'admitted' ? null : item.error },
    verdict: item.verdict,
    causes: explained.causes,
    outOfRange: explained.outOfRange,
    launchError: explained.launchError,
    vmi: item.vmi,
    selection,
    vmiPath: (path) => manifestPathOfVmiField(item.kind, path),
  };
}
