// The fleet as whatif sees it: one row per VM-like object, how many pods it starts, and where
// its running VMI is today. A VMI owned by a VirtualMachine among the inputs is that VM's running
// instance (the VM is the row; the VMI gives its node), not a second VM.

import type { ManifestObject } from '../parse/read-objects.js';
import { isVmLike } from '../parse/vm-like.js';

export interface FleetMember {
  object: ManifestObject;
  /** `namespace/name`. */
  id: string;
  pods: number;
  runningOn: string | null;
}

/** A VM's run strategy (VirtualMachine.RunStrategy() in kubevirt.io/api core/v1 types.go): running true → Always, false or unset → Halted. */
export function runStrategyOf(spec: Record<string, unknown> | undefined): string {
  if (typeof spec?.running === 'boolean') return spec.running ? 'Always' : 'Halted';
  return typeof spec?.runStrategy === 'string' ? spec.runStrategy : 'Halted';
}

/** Strategies under which virt-controller starts the VM without a user's `start`. */
const STARTED = new Set(['Always', 'RerunOnFailure', 'Once']);

export const idOf = (namespace: string | undefined, name: string): string => `${namespace ?? 'default'}/${name}`;

/** The VM-like objects among `objects`, in order, with their pods and today's node. */
export function fleetOf(objects: readonly ManifestObject[], runningOn: ReadonlyMap<string, string> = new Map()): FleetMember[] {
  const vmIds = new Set(objects.filter((o) => o.kind === 'VirtualMachine').map((o) => idOf(o.namespace, o.name)));
  const nodeOf = new Map(runningOn);
  const members: ManifestObject[] = [];
  for (const o of objects) {
    if (!isVmLike(o.kind)) continue;
    if (o.kind === 'VirtualMachineInstance') {
      const node = statusNodeName(o);
      const owner = ownerVm(o);
      if (owner && vmIds.has(idOf(o.namespace, owner))) {
        if (node && !nodeOf.has(idOf(o.namespace, owner))) nodeOf.set(idOf(o.namespace, owner), node);
        continue;
      }
      if (node && !nodeOf.has(idOf(o.namespace, o.name))) nodeOf.set(idOf(o.namespace, o.name), node);
    }
    members.push(o);
  }
  return members.map((object) => {
    const id = idOf(object.namespace, object.name);
    const today = nodeOf.get(id) ?? null;
    return { object, id, pods: podsOf(object, today !== null), runningOn: today };
  });
}

function podsOf(o: ManifestObject, running: boolean): number {
  const spec = asRecord(o.value.spec);
  switch (o.kind) {
    case 'VirtualMachineInstance':
      return 1;
    case 'VirtualMachine':
      return running || STARTED.has(runStrategyOf(spec)) ? 1 : 0;
    case 'VirtualMachinePool': {
      const vmSpec = asRecord(asRecord(spec?.virtualMachineTemplate)?.spec);
      return STARTED.has(runStrategyOf(vmSpec)) ? replicas(spec) : 0;
    }
    case 'VirtualMachineInstanceReplicaSet':
      return replicas(spec);
    default:
      return 0;
  }
}

/** spec.replicas, defaulting to 1 as the pool and replica-set controllers do. */
function replicas(spec: Record<string, unknown> | undefined): number {
  const r = spec?.replicas;
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 1;
}

function statusNodeName(o: ManifestObject): string | null {
  const n = asRecord(o.value.status)?.nodeName;
  return typeof n === 'string' && n ? n : null;
}

function ownerVm(o: ManifestObject): string | null {
  const refs = asRecord(o.value.metadata)?.ownerReferences;
  if (!Array.isArray(refs)) return null;
  for (const r of refs) {
    const ref = asRecord(r);
    if (ref?.kind === 'VirtualMachine' && typeof ref.name === 'string') return ref.name;
  }
  return null;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
