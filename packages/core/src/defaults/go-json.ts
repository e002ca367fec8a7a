// What a trip through KubeVirt's Go types does to a manifest that admission can observe: JSON
// nulls vanish (nil pointers, slices and maps are omitted), zero values of non-pointer
// `omitempty` fields vanish (Go cannot tell them from "unset"), and quantities print
// canonically ("1024Mi" → "1Gi").

import type { VirtualMachineInstance, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { ResourceList } from '../api/k8s-types.js';
import { canonicalQuantityText as canonicalQuantity } from '../quantity/text.js';

/** A deep copy without null values (in objects and arrays alike). */
export function withoutNulls<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) if (v !== null) out.push(withoutNulls(v));
    return out as T;
  }
  const out: Record<string, unknown> = {};
  // for-in (no key array per object): parsed manifests are plain objects, own keys only.
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && v !== undefined) out[k] = withoutNulls(v);
  }
  return out as T;
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

/** Non-pointer `omitempty` fields of the VMI spec that users plausibly write as 0, false or "". */
/** `at` calls `visit` on each struct holding the keys (per VM, so it allocates nothing). */
const ZERO_OMITTED: readonly { at: (s: VirtualMachineInstanceSpec, visit: (target: object | undefined) => void) => void; keys: readonly string[] }[] = [
  { at: (s, visit) => visit(s.domain.cpu), keys: ['sockets', 'cores', 'threads', 'maxSockets', 'model', 'dedicatedCpuPlacement', 'isolateEmulatorThread'] },
  { at: (s, visit) => visit(s.domain.devices), keys: ['disableHotplug'] },
  { at: (s, visit) => visit(s.domain.machine), keys: ['type'] },
  {
    at: (s, visit) => s.domain.devices.disks?.forEach((d) => (visit(d), visit(d.disk), visit(d.lun), visit(d.cdrom))),
    keys: ['bus', 'cache', 'io', 'serial', 'tag', 'pciAddress'],
  },
  { at: (s, visit) => s.domain.devices.disks?.forEach((d) => (visit(d.disk), visit(d.lun))), keys: ['readonly'] },
  { at: (s, visit) => s.domain.devices.interfaces?.forEach(visit), keys: ['model', 'macAddress', 'pciAddress', 'tag', 'acpiIndex'] },
  { at: (s, visit) => visit(s), keys: ['architecture', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName'] },
];

/** Drops the zero values Go would not marshal, so later stages see them as unset. */
export function dropGoZeroValues(spec: VirtualMachineInstanceSpec): void {
  for (const { at, keys } of ZERO_OMITTED) {
    at(spec, (target) => {
      if (!target || typeof target !== 'object') return;
      const record = target as Record<string, unknown>;
      for (const key of keys) if (record[key] === 0 || record[key] === false || record[key] === '') delete record[key];
    });
  }
}
