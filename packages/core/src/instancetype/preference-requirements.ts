// The preference's hard requirements (pkg/instancetype/preference/requirements), checked by the
// VM admission webhook after the instancetype, the preference and the VMI spec defaults were
// applied to a copy of the VM. Returns KubeVirt's message, or null when satisfied.

import type { InstancetypeSpec, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import { canonicalQuantityText as canonicalQuantity, compareQuantityText as compareQuantities } from '../quantity/text.js';
import type { TypedPreferenceSpec } from './preference-spec.js';
import { preferredTopology, spreadOptions } from './topology.js';

const vmCpuShort = (have: number, need: number, as: string): string =>
  `insufficient CPU resources of ${have} vCPU provided by VirtualMachine, preference requires ${need} vCPU provided as ${as}`;

function checkCpu(need: number, it: InstancetypeSpec | undefined, pref: TypedPreferenceSpec, spec: VirtualMachineInstanceSpec): string | null {
  if (it) {
    const guest = it.cpu?.guest ?? 0;
    return guest < need ? `insufficient CPU resources of ${guest} vCPU provided by instance type, preference requires ${need} vCPU` : null;
  }
  const cpu = spec.domain.cpu;
  if (!cpu) return `no CPU resources provided by VirtualMachine, preference requires ${need} vCPU`;
  const sockets = cpu.sockets ?? 0;
  const cores = cpu.cores ?? 0;
  const threads = cpu.threads ?? 0;
  switch (preferredTopology(pref)) {
    case 'threads':
      return threads < need ? vmCpuShort(threads, need, 'threads') : null;
    case 'cores':
      return cores < need ? vmCpuShort(cores, need, 'cores') : null;
    case 'sockets':
      return sockets < need ? vmCpuShort(sockets, need, 'sockets') : null;
    case 'any': {
      const total = cores * sockets * threads;
      return total < need ? vmCpuShort(total, need, 'cores, sockets and threads') : null;
    }
    case 'spread': {
      const { across } = spreadOptions(pref);
      const vcpus = across === 'SocketsCores' ? sockets * cores : across === 'CoresThreads' ? cores * threads : across === 'SocketsCoresThreads' ? sockets * cores * threads : 0;
      return vcpus < need ? vmCpuShort(vcpus, need, across) : null;
    }
    default:
      return null;
  }
}

function checkMemory(need: string | number, it: InstancetypeSpec | undefined, spec: VirtualMachineInstanceSpec): string | null {
  let provided: string | number = '0Mi';
  let source = 'VirtualMachine';
  if (it) {
    source = 'instance type';
    provided = it.memory?.guest ?? '0';
  }
  if (spec.domain.memory?.guest !== undefined) provided = spec.domain.memory.guest;
  return compareQuantities(provided, need) === -1
    ? `insufficient Memory resources of ${canonicalQuantity(provided)} provided by ${source}, preference requires ${canonicalQuantity(need)}`
    : null;
}

export function checkPreferenceRequirements(it: InstancetypeSpec | undefined, pref: TypedPreferenceSpec | undefined, spec: VirtualMachineInstanceSpec): string | null {
  const req = pref?.requirements;
  if (!pref || !req) return null;
  const problem =
    (req.cpu ? checkCpu(req.cpu.guest ?? 0, it, pref, spec) : null) ??
    (req.memory ? checkMemory(req.memory.guest ?? '0', it, spec) : null) ??
    (req.architecture !== undefined && spec.architecture !== req.architecture
      ? `preference requires architecture ${req.architecture} but ${spec.architecture ?? ''} is being requested`
      : null);
  return problem === null ? null : `failure checking preference requirements: ${problem}`;
}
