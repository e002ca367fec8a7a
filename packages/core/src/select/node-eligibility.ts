// Could the virt-launcher pod be scheduled on this node? A small model of the scheduler's
// filters that matter for VMs: arch, nodeSelector, required node affinity, taints, cordon, and
// the device-plugin resources the pod requests.

import type { Node, NodeSelectorRequirement, Taint, Toleration } from '../api/k8s-types.js';
import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { nodeArchitecture } from '../profile/cluster-profile.js';

export interface Eligibility {
  eligible: boolean;
  /** Why not, one entry per failed filter. */
  reasons: string[];
}

export function allocatableCount(node: Node, resource: string): number {
  const v = node.status?.allocatable?.[resource];
  const n = typeof v === 'number' ? v : Number.parseInt(String(v ?? '0'), 10);
  return Number.isFinite(n) ? n : 0;
}

/** Cordoned: `kubectl cordon` set spec.unschedulable, and the scheduler places no new pod here. */
export const isCordoned = (node: Node): boolean => !!node.spec?.unschedulable;

/** A taint that keeps untolerating pods off the node (NoSchedule, NoExecute). */
export const keepsPodsOff = (taint: Taint): boolean => taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';

/** `taint key[=value]:Effect`, as reports name a taint. */
export const taintText = (taint: Taint): string => `taint ${taint.key}${taint.value ? '=' + taint.value : ''}:${taint.effect}`;

export function checkNode(node: Node, vmi: VirtualMachineInstance, podNodeSelector: Record<string, string>, deviceResources: Record<string, string>): Eligibility {
  const reasons: string[] = [];
  const labels = node.metadata.labels ?? {};
  const arch = nodeArchitecture(node);
  const wantArch = vmi.spec.architecture;
  if (wantArch && arch && arch !== wantArch) reasons.push(`node arch ${arch}, VM arch ${wantArch}`);
  for (const [k, v] of Object.entries(podNodeSelector)) {
    if (labels[k] !== v) reasons.push(`nodeSelector ${k}=${v} not matched`);
  }
  if (isCordoned(node)) reasons.push('node is cordoned (spec.unschedulable)');
  const terms = vmi.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && terms.length > 0 && !terms.some((t) => (t.matchExpressions ?? []).every((req) => matchRequirement(labels, req)))) {
    reasons.push('required node affinity not matched');
  }
  for (const taint of node.spec?.taints ?? []) {
    if (keepsPodsOff(taint) && !tolerated(taint, vmi.spec.tolerations ?? [])) reasons.push(`${taintText(taint)} not tolerated`);
  }
  for (const resource of Object.keys(deviceResources)) {
    if (allocatableCount(node, resource) <= 0) reasons.push(`no allocatable ${resource}`);
  }
  return { eligible: reasons.length === 0, reasons };
}

function matchRequirement(labels: Record<string, string>, req: NodeSelectorRequirement): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(value) > Number(values[0]);
    case 'Lt':
      return has && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

function tolerated(taint: Taint, tolerations: readonly Toleration[]): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}
