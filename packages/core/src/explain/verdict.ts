// One verdict per VM, decided here once for every report (explain, lint, cluster, the editor):
// does KubeVirt refuse it, does its launcher pod fit no node, or does virt-launcher fail?
//
// Precedence is the order a user meets them in KubeVirt: admission (decoding, strict fields,
// webhooks, the VM controller) refuses before anything is scheduled; a launcher pod that fits no
// node stays Pending, so virt-launcher never runs and its error is only what would come next
// (virt-controller requests the hypervisor device unless emulation is on, so "MSHV not present"
// with that device nowhere is a Pending pod first: template.go newResourceRenderer); otherwise
// virt-launcher's own error on the node the pod lands on.

import type { NodeOutcome } from '../select/select-hypervisor.js';
import type { AdmissionCause, AdmissionStage, CauseType, Rejection } from '../validate/cause.js';
import type { PathSegment } from '../parse/position-index.js';
import type { SourcePosition } from './resolve-position.js';

export type Verdict = 'runs' | 'rejected' | 'unschedulable' | 'launch-fails';

/** One of KubeVirt's causes, as the explain JSON carries it. */
export interface VerdictCause {
  type: CauseType;
  /** KubeVirt's field string, verbatim ('' when KubeVirt names none). */
  field: string;
  message: string;
  stage: AdmissionStage;
  source?: SourcePosition;
}

/** A value no node can run that the preview will not render, at its manifest field (preview-range.ts). */
export interface RangeProblem {
  /** Path from the manifest object's root. */
  at: PathSegment[];
  /** The field as kubectl prints it, then what is wrong. */
  message: string;
}

export interface VerdictInput {
  admission: { error: string | null; rejection?: Rejection | undefined };
  /** Per-node scheduling outcomes; [] when admission produced no VMI or the profile has no nodes. */
  nodes: readonly NodeOutcome[];
  /** The node the outcome was evaluated on (where the pod lands, or would be tried). */
  landingNode: string | null;
  /** virt-launcher's error (hypervisor device, converter), or null. */
  launchError: string | null;
  outOfRange: readonly RangeProblem[];
}

export interface VerdictResult {
  verdict: Verdict;
  /** Set for every verdict but `runs`. */
  error: string | null;
  admissionStage: AdmissionStage | null;
  /** KubeVirt's causes with their manifest paths (`at`), for `rejected`; [] otherwise. */
  causes: AdmissionCause[];
}

export function decideVerdict(input: VerdictInput): VerdictResult {
  const { admission } = input;
  if (admission.rejection || admission.error) {
    return {
      verdict: 'rejected',
      error: admission.error ?? rejectionText(admission.rejection!),
      admissionStage: admission.rejection?.stage ?? null,
      causes: admission.rejection?.causes ?? [],
    };
  }
  const pending = input.nodes.length > 0 && !input.nodes.some((n) => n.eligible);
  if (input.outOfRange.length > 0 || pending) {
    const parts = input.outOfRange.map((o) => o.message);
    if (pending) parts.push(`no node can run the launcher pod (it stays Pending): ${pendingReasons(input.nodes)}`);
    let error = parts.join('; ');
    if (input.launchError && input.outOfRange.length === 0) error += `; were it scheduled${input.landingNode ? ` on ${input.landingNode}` : ''}, virt-launcher would fail: ${input.launchError}`;
    return { verdict: 'unschedulable', error, admissionStage: null, causes: [] };
  }
  if (input.launchError) return { verdict: 'launch-fails', error: input.launchError, admissionStage: null, causes: [] };
  return { verdict: 'runs', error: null, admissionStage: null, causes: [] };
}

export function pendingReasons(nodes: readonly NodeOutcome[]): string {
  return nodes.map((n) => `${n.node}: ${n.reasons.join(', ')}`).join('; ');
}

function rejectionText(r: Rejection): string {
  return r.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join('; ') || `rejected at ${r.stage}`;
}
