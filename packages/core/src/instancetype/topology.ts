// How an instancetype's vCPU count becomes sockets/cores/threads, steered by the preference's
// preferredCPUTopology (default sockets) and spread options; and the admission check that a
// spread topology divides evenly.

import type { CPU } from '../api/kubevirt-types.js';
import type { TypedPreferenceSpec } from './preference-spec.js';

export type TopologyAxis = 'sockets' | 'cores' | 'threads' | 'spread' | 'any';

/** Both spellings (the deprecated `prefer*` ones and the current ones) of each topology. */
const TOPOLOGY_NAMES: Readonly<Record<string, TopologyAxis>> = {
  preferSockets: 'sockets',
  preferCores: 'cores',
  preferThreads: 'threads',
  preferSpread: 'spread',
  preferAny: 'any',
  sockets: 'sockets',
  cores: 'cores',
  threads: 'threads',
  spread: 'spread',
  any: 'any',
};

export type SpreadAcross = 'SocketsCores' | 'CoresThreads' | 'SocketsCoresThreads';

const DEFAULT_SPREAD_RATIO = 2;
/** SocketsCoresThreads always puts two threads on a core. */
const THREADS_PER_CORE = 2;

/** GetPreferredTopology; an unknown name applies no topology (matches none of KubeVirt's cases). */
export function preferredTopology(pref: TypedPreferenceSpec | undefined): TopologyAxis | undefined {
  const name = pref?.cpu?.preferredCPUTopology;
  if (name === undefined) return 'sockets';
  return TOPOLOGY_NAMES[name];
}

export function spreadOptions(pref: TypedPreferenceSpec | undefined): { ratio: number; across: string } {
  let ratio = pref?.preferSpreadSocketToCoreRatio || DEFAULT_SPREAD_RATIO;
  let across: string = 'SocketsCores';
  const opts = pref?.cpu?.spreadOptions;
  if (opts?.across !== undefined) across = opts.across;
  if (opts?.ratio !== undefined) ratio = opts.ratio;
  return { ratio, across };
}

/** uint32 division as Go does it (a zero ratio would panic in Go; we leave the axis at 0). */
const div = (a: number, b: number): number => (b === 0 ? 0 : Math.floor(a / b));

/** applyGuestCPUTopology: 1/1/1, then the preferred axis takes the vCPUs. */
export function applyGuestCpuTopology(vcpus: number, pref: TypedPreferenceSpec | undefined, cpu: CPU): void {
  cpu.sockets = 1;
  cpu.cores = 1;
  cpu.threads = 1;
  if (vcpus === 1) return;
  switch (preferredTopology(pref)) {
    case 'cores':
      cpu.cores = vcpus;
      break;
    case 'sockets':
    case 'any':
      cpu.sockets = vcpus;
      break;
    case 'threads':
      cpu.threads = vcpus;
      break;
    case 'spread': {
      const { ratio, across } = spreadOptions(pref);
      if (across === 'SocketsCores') {
        cpu.cores = ratio;
        cpu.sockets = div(vcpus, ratio);
      } else if (across === 'CoresThreads') {
        cpu.threads = ratio;
        cpu.cores = div(vcpus, ratio);
      } else if (across === 'SocketsCoresThreads') {
        cpu.threads = THREADS_PER_CORE;
        cpu.cores = ratio;
        cpu.sockets = div(div(vcpus, THREADS_PER_CORE), ratio);
      }
      break;
    }
    default:
      break;
  }
}

/** CheckSpreadCPUTopology: the admission message when a spread topology does not divide, else null. */
export function spreadTopologyError(vcpus: number, pref: TypedPreferenceSpec | undefined): string | null {
  const topology = preferredTopology(pref);
  if (topology !== 'spread') return null;
  const { ratio, across } = spreadOptions(pref);
  const rem = (a: number, b: number): number => (b === 0 ? 0 : a % b);
  switch (across) {
    case 'SocketsCores':
      return rem(vcpus, ratio) > 0
        ? `${vcpus} vCPUs provided by the instance type are not divisible by the Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio} provided by the preference`
        : null;
    case 'CoresThreads':
      return rem(vcpus, ratio) > 0 ? `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core ${ratio}` : null;
    case 'SocketsCoresThreads':
      return vcpus % THREADS_PER_CORE > 0 || rem(div(vcpus, THREADS_PER_CORE), ratio) > 0
        ? `${vcpus} vCPUs provided by the instance type are not divisible by the number of threads per core ${THREADS_PER_CORE} and Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of ${ratio}`
        : null;
    default:
      return null;
  }
}
