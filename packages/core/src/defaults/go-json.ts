// What a trip through KubeVirt's Go types does to a manifest that admission can observe: JSON
// nulls vanish (nil pointers, slices and maps are omitted), and quantities print canonically
// ("1024Mi" → "1Gi").

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ResourceList } from '../api/k8s-types.js';
import { canonicalQuantity } from './quantity-math.js';

/** A deep copy without null values (in objects and arrays alike). */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = withoutNulls(v);
    return out as T;
  }
  return value;
}

function canonicalList(list: ResourceList | undefined): void {
  if (!list) return;
  for (const [k, v] of Object.entries(list)) list[k] = canonicalQuantity(v);
}

/** Canonicalises the quantity fields of a defaulted VMI in place. */
export function canonicalizeVmiQuantities(vmi: VirtualMachineInstance): void {
  const domain = vmi.spec.domain;
  canonicalList(domain.resources?.requests);
  canonicalList(domain.resources?.limits);
  const memory = domain.memory;
  if (memory?.guest !== undefined) memory.guest = canonicalQuantity(memory.guest);
  if (memory?.maxGuest !== undefined) memory.maxGuest = canonicalQuantity(memory.maxGuest);
  const status = vmi.status?.memory;
  if (status) {
    for (const key of ['guestAtBoot', 'guestCurrent', 'guestRequested'] as const) {
      const q = status[key];
      if (q !== undefined) status[key] = canonicalQuantity(q);
    }
  }
}
