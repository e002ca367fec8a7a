// Applying an instancetype to a VMI spec (pkg/instancetype/apply): each area either copies the
// instancetype's value or reports that the VM already sets it. Every area runs, so all conflicts
// are reported together, in KubeVirt's area order.

import { deepClone } from '../clone.js';
import type { InstancetypeSpec, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { ObjectMeta } from '../api/k8s-types.js';
import { formatWholeQuantity, quantityValueOf, readQuantity } from '../quantity/text.js';
import { conflictAt, type Conflict } from './conflicts.js';
import type { TypedPreferenceSpec } from './preference-spec.js';
import { applyGuestCpuTopology } from './topology.js';

type Area = (base: string, it: InstancetypeSpec, spec: VirtualMachineInstanceSpec, pref: TypedPreferenceSpec | undefined) => Conflict[];

const has = (list: Record<string, unknown> | undefined, key: string): boolean => !!list && Object.prototype.hasOwnProperty.call(list, key);
const clone = deepClone;

const nodeSelector: Area = (base, it, spec) => {
  if (it.nodeSelector === undefined || it.nodeSelector === null) return [];
  if (spec.nodeSelector !== undefined && spec.nodeSelector !== null) return [conflictAt(base, 'nodeSelector')];
  spec.nodeSelector = { ...it.nodeSelector };
  return [];
};

const schedulerName: Area = (base, it, spec) => {
  if (!it.schedulerName) return [];
  if (spec.schedulerName) return [conflictAt(base, 'schedulerName')];
  spec.schedulerName = it.schedulerName;
  return [];
};

const cpu: Area = (base, it, spec, pref) => {
  const c = (spec.domain.cpu ??= {});
  const itCpu = it.cpu ?? {};
  const resources = spec.domain.resources;
  const conflicts: Conflict[] = [];
  if (has(resources?.requests, 'cpu')) conflicts.push(conflictAt(base, 'domain', 'resources', 'requests', 'cpu'));
  if (has(resources?.limits, 'cpu')) conflicts.push(conflictAt(base, 'domain', 'resources', 'limits', 'cpu'));
  if (c.sockets) conflicts.push(conflictAt(base, 'domain', 'cpu', 'sockets'));
  if (c.cores) conflicts.push(conflictAt(base, 'domain', 'cpu', 'cores'));
  if (c.threads) conflicts.push(conflictAt(base, 'domain', 'cpu', 'threads'));
  if (c.model && itCpu.model !== undefined) conflicts.push(conflictAt(base, 'domain', 'cpu', 'model'));
  if (c.dedicatedCpuPlacement && itCpu.dedicatedCPUPlacement !== undefined) conflicts.push(conflictAt(base, 'domain', 'cpu', 'dedicatedCPUPlacement'));
  if (c.isolateEmulatorThread && itCpu.isolateEmulatorThread !== undefined) conflicts.push(conflictAt(base, 'domain', 'cpu', 'isolateEmulatorThread'));
  if (c.numa && itCpu.numa) conflicts.push(conflictAt(base, 'domain', 'cpu', 'numa'));
  if (c.realtime && itCpu.realtime) conflicts.push(conflictAt(base, 'domain', 'cpu', 'realtime'));
  if (conflicts.length > 0) return conflicts;

  if (itCpu.model !== undefined) setOrDrop(c, 'model', itCpu.model);
  if (itCpu.dedicatedCPUPlacement !== undefined) setOrDrop(c, 'dedicatedCpuPlacement', itCpu.dedicatedCPUPlacement);
  if (itCpu.isolateEmulatorThread !== undefined) setOrDrop(c, 'isolateEmulatorThread', itCpu.isolateEmulatorThread);
  if (itCpu.numa) c.numa = clone(itCpu.numa);
  if (itCpu.realtime) c.realtime = clone(itCpu.realtime);
  if (itCpu.maxSockets !== undefined) setOrDrop(c, 'maxSockets', itCpu.maxSockets);
  applyGuestCpuTopology(itCpu.guest ?? 0, pref, c);
  return [];
};

/** Go's omitempty: a zero value set from a pointer field disappears from the JSON. */
function setOrDrop<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (value === false || value === 0 || value === '') delete target[key];
  else target[key] = value;
}

const memory: Area = (base, it, spec) => {
  const m = (spec.domain.memory ??= {});
  const itMem = it.memory ?? {};
  const resources = spec.domain.resources;
  if (m.guest !== undefined) return [conflictAt(base, 'domain', 'memory', 'guest')];
  if (m.hugepages && itMem.hugepages) return [conflictAt(base, 'domain', 'memory', 'hugepages')];
  if (m.maxGuest !== undefined && itMem.maxGuest !== undefined) return [conflictAt(base, 'domain', 'memory', 'maxGuest')];
  if (has(resources?.requests, 'memory')) return [conflictAt(base, 'domain', 'resources', 'requests', 'memory')];
  if (has(resources?.limits, 'memory')) return [conflictAt(base, 'domain', 'resources', 'limits', 'memory')];

  if (itMem.guest !== undefined) m.guest = itMem.guest;
  const pct = itMem.overcommitPercent ?? 0;
  if (pct > 0) {
    const guestBytes = quantityValueOf(itMem.guest) ?? 0n;
    const format = readQuantity(itMem.guest)?.format || 'BinarySI';
    spec.domain.resources ??= {};
    spec.domain.resources.requests ??= {};
    spec.domain.resources.requests.memory = formatWholeQuantity(overcommittedBytes(guestBytes, pct), format);
  }
  if (itMem.hugepages) m.hugepages = clone(itMem.hugepages);
  if (itMem.maxGuest !== undefined) m.maxGuest = itMem.maxGuest;
  return [];
};

/** int64(float32(guest) * (1 - float32(pct)/100)), float32 arithmetic included. */
export function overcommittedBytes(guestBytes: bigint, pct: number): bigint {
  const f = Math.fround;
  const factor = f(1 - f(f(pct) / 100));
  return BigInt(Math.trunc(f(f(Number(guestBytes)) * factor)));
}

const ioThreads: Area = (base, it, spec) => {
  const count = it.ioThreads?.supplementalPoolThreadCount;
  if (count === undefined || count === null) return [];
  if (spec.domain.ioThreads?.supplementalPoolThreadCount !== undefined) return [conflictAt(base, 'domain', 'ioThreads', 'supplementalPoolThreadCount')];
  spec.domain.ioThreads = { ...(spec.domain.ioThreads ?? {}), supplementalPoolThreadCount: count };
  return [];
};

const ioThreadsPolicy: Area = (base, it, spec) => {
  if (it.ioThreadsPolicy === undefined || it.ioThreadsPolicy === null) return [];
  if (spec.domain.ioThreadsPolicy !== undefined) return [conflictAt(base, 'domain', 'ioThreadsPolicy')];
  spec.domain.ioThreadsPolicy = it.ioThreadsPolicy;
  return [];
};

const launchSecurity: Area = (base, it, spec) => {
  if (!it.launchSecurity) return [];
  if (spec.domain.launchSecurity) return [conflictAt(base, 'domain', 'launchSecurity')];
  spec.domain.launchSecurity = clone(it.launchSecurity);
  return [];
};

const gpus: Area = (base, it, spec) => {
  if (!it.gpus?.length) return [];
  if (spec.domain.devices.gpus?.length) return [conflictAt(base, 'domain', 'devices', 'gpus')];
  spec.domain.devices.gpus = clone(it.gpus);
  return [];
};

const hostDevices: Area = (base, it, spec) => {
  if (!it.hostDevices?.length) return [];
  if (spec.domain.devices.hostDevices?.length) return [conflictAt(base, 'domain', 'devices', 'hostDevices')];
  spec.domain.devices.hostDevices = clone(it.hostDevices);
  return [];
};

/** In KubeVirt's order: nodeSelector, schedulerName, CPU, memory, IO threads, launchSecurity, GPUs, host devices. */
const AREAS: readonly Area[] = [nodeSelector, schedulerName, cpu, memory, ioThreads, ioThreadsPolicy, launchSecurity, gpus, hostDevices];

/** Instancetype annotations: added unless present; a different existing value conflicts (path `annotations.<key>`). */
function applyAnnotations(annotations: Record<string, string> | undefined, meta: ObjectMeta): Conflict[] {
  const target = (meta.annotations ??= {});
  const conflicts: Conflict[] = [];
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (key in target) {
      if (target[key] !== value) conflicts.push(conflictAt('annotations', key));
      continue;
    }
    target[key] = value;
  }
  return conflicts;
}

export function applyInstancetype(
  base: string,
  it: InstancetypeSpec,
  pref: TypedPreferenceSpec | undefined,
  spec: VirtualMachineInstanceSpec,
  meta: ObjectMeta,
): Conflict[] {
  spec.domain.devices ??= {};
  const conflicts = AREAS.flatMap((area) => area(base, it, spec, pref));
  conflicts.push(...applyAnnotations(it.annotations, meta));
  return conflicts;
}
