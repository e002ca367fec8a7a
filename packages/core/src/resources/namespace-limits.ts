// Automatic CPU/memory limits on the launcher pod (template.go doesVMIRequireAutoResourceLimits,
// doesVMIRequireAutoCPULimits; renderresources.go getMemoryLimitsRatio): a ResourceQuota in the
// VMI's namespace with limits.<resource>, or (CPU only) a namespace matching the KubeVirt CR's
// autoCPULimitNamespaceLabelSelector.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { hasKey } from '../vmi-facts.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';

export const AUTO_MEMORY_LIMITS_RATIO_LABEL = 'alpha.kubevirt.io/auto-memory-limits-ratio';
export const DEFAULT_MEMORY_LIMIT_RATIO = 2.0;

const namespaceOf = (vmi: VirtualMachineInstance): string => vmi.metadata.namespace ?? 'default';

function quotaRequiresLimit(vmi: VirtualMachineInstance, profile: ClusterProfile, resource: 'cpu' | 'memory'): boolean {
  if (hasKey(vmi.spec.domain.resources?.limits, resource)) return false;
  const ns = namespaceOf(vmi);
  return profile.quotas.some((q) => (q.value.metadata.namespace ?? 'default') === ns && hasKey(q.value.spec?.hard, `limits.${resource}`));
}

export function autoMemoryLimitsApply(vmi: VirtualMachineInstance, profile: ClusterProfile): boolean {
  return quotaRequiresLimit(vmi, profile, 'memory');
}

export function autoCpuLimitsApply(vmi: VirtualMachineInstance, profile: ClusterProfile): boolean {
  if (quotaRequiresLimit(vmi, profile, 'cpu')) return true;
  const selector = profile.config.autoCPULimitNamespaceLabelSelector;
  if (!selector || hasKey(vmi.spec.domain.resources?.limits, 'cpu')) return false;
  const ns = profile.namespaces.get(namespaceOf(vmi));
  if (!ns) return false;
  return matchesLabelSelector(ns.value.metadata.labels ?? {}, selector);
}

/** The namespace label's ratio if it parses as a float >= 1, else 2.0. */
export function memoryLimitsRatio(vmi: VirtualMachineInstance, profile: ClusterProfile): number {
  const label = profile.namespaces.get(namespaceOf(vmi))?.value.metadata.labels?.[AUTO_MEMORY_LIMITS_RATIO_LABEL];
  if (label === undefined) return DEFAULT_MEMORY_LIMIT_RATIO;
  const ratio = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(label) ? Number(label) : Number.NaN;
  return Number.isFinite(ratio) && ratio >= 1.0 ? ratio : DEFAULT_MEMORY_LIMIT_RATIO;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: unknown[];
}

/** metav1.LabelSelectorAsSelector semantics (an empty selector matches everything). */
export function matchesLabelSelector(labels: Record<string, string>, selector: LabelSelector): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const raw of selector.matchExpressions ?? []) {
    const e = raw as { key?: string; operator?: string; values?: string[] };
    const key = e.key ?? '';
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
