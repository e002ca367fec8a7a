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
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null) out.push(typeof v === 'object' ? withoutNulls(v) : v);
    }
    return out as T;
  }
  const out: Record<string, unknown> = {};
  // for-in (no key array per object): parsed manifests are plain objects, own keys only.
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && v !== undefined) out[k] = typeof v === 'object' ? withoutNulls(v) : v;
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

/** Non-pointer `omitempty` fields of the VMI spec that users plausibly write as 0, false or "", by struct. */
const CPU_KEYS = ['sockets', 'cores', 'threads', 'maxSockets', 'model', 'dedicatedCpuPlacement', 'isolateEmulatorThread'];
const DEVICES_KEYS = ['disableHotplug'];
const MACHINE_KEYS = ['type'];
const DISK_KEYS = ['bus', 'cache', 'io', 'serial', 'tag', 'pciAddress'];
/** A disk's `disk`/`lun` target: the disk keys plus `readonly`. */
const DISK_TARGET_KEYS = [...DISK_KEYS, 'readonly'];
const INTERFACE_KEYS = ['model', 'macAddress', 'pciAddress', 'tag', 'acpiIndex'];
const SPEC_KEYS = ['architecture', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName'];

function dropZeros(target: unknown, keys: readonly string[]): void {
  if (!target || typeof target !== 'object') return;
  const record = target as Record<string, unknown>;
  for (const key of keys) {
    const v = record[key];
    if (v === 0 || v === false || v === '') delete record[key];
  }
}

/** Drops the zero values Go would not marshal, so later stages see them as unset. */
export function dropGoZeroValues(spec: VirtualMachineInstanceSpec): void {
  const { domain } = spec;
  const devices = domain.devices;
  dropZeros(domain.cpu, CPU_KEYS);
  dropZeros(devices, DEVICES_KEYS);
  dropZeros(domain.machine, MACHINE_KEYS);
  // Plain loops (no callbacks): this runs for every VM.
  const disks = devices.disks;
  if (Array.isArray(disks)) {
    for (const d of disks) {
      dropZeros(d, DISK_KEYS);
      if (!d || typeof d !== 'object') continue;
      dropZeros(d.disk, DISK_TARGET_KEYS);
      dropZeros(d.lun, DISK_TARGET_KEYS);
      dropZeros(d.cdrom, DISK_KEYS);
    }
  }
  const interfaces = devices.interfaces;
  if (Array.isArray(interfaces)) for (const iface of interfaces) dropZeros(iface, INTERFACE_KEYS);
  dropZeros(spec, SPEC_KEYS);
}
