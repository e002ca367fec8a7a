// What a trip through KubeVirt's Go types does to a manifest that admission can observe: JSON
// nulls vanish (nil pointers, slices and maps are omitted), zero values of non-pointer
// `omitempty` fields vanish (Go cannot tell them from "unset"), and quantities print
// canonically ("1024Mi" → "1Gi").

import type { VirtualMachineInstance, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { ResourceList } from '../api/k8s-types.js';
import { canonicalQuantityText as canonicalQuantity } from '../quantity/text.js';

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

/** Non-pointer `omitempty` fields of the VMI spec that users plausibly write as 0, false or "". */
const ZERO_OMITTED: readonly { at: (s: VirtualMachineInstanceSpec) => object[]; keys: readonly string[] }[] = [
  { at: (s) => [s.domain.cpu ?? {}], keys: ['sockets', 'cores', 'threads', 'maxSockets', 'model', 'dedicatedCpuPlacement', 'isolateEmulatorThread'] },
  { at: (s) => [s.domain.devices], keys: ['disableHotplug'] },
  { at: (s) => [s.domain.machine ?? {}], keys: ['type'] },
  { at: (s) => (s.domain.devices.disks ?? []).flatMap((d) => [d, d.disk ?? {}, d.lun ?? {}, d.cdrom ?? {}]), keys: ['bus', 'cache', 'io', 'serial', 'tag', 'pciAddress'] },
  { at: (s) => (s.domain.devices.disks ?? []).flatMap((d) => [d.disk ?? {}, d.lun ?? {}]), keys: ['readonly'] },
  { at: (s) => s.domain.devices.interfaces ?? [], keys: ['model', 'macAddress', 'pciAddress', 'tag', 'acpiIndex'] },
  { at: (s) => [s], keys: ['architecture', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName'] },
];

/** Drops the zero values Go would not marshal, so later stages see them as unset. */
export function dropGoZeroValues(spec: VirtualMachineInstanceSpec): void {
  for (const { at, keys } of ZERO_OMITTED) {
    for (const target of at(spec)) {
      if (!target || typeof target !== 'object') continue;
      const record = target as Record<string, unknown>;
      for (const key of keys) if (record[key] === 0 || record[key] === false || record[key] === '') delete record[key];
    }
  }
}
