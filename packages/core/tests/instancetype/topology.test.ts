// Expected topologies from KubeVirt's pkg/instancetype/apply/cpu_test.go; spread errors from
// the golden vectors (instancetypes-*/it-1-009) and preference/validation.
import { describe, expect, it } from 'vitest';
import type { CPU } from '../../src/api/kubevirt-types.js';
import type { TypedPreferenceSpec } from '../../src/instancetype/preference-spec.js';
import { applyGuestCpuTopology, spreadTopologyError } from '../../src/instancetype/topology.js';

const topo = (vcpus: number, pref: TypedPreferenceSpec | undefined): CPU => {
  const cpu: CPU = {};
  applyGuestCpuTopology(vcpus, pref, cpu);
  return cpu;
};
const spread = (across?: string, ratio?: number): TypedPreferenceSpec => ({
  cpu: { preferredCPUTopology: 'spread', ...(across || ratio ? { spreadOptions: { ...(across ? { across } : {}), ...(ratio ? { ratio } : {}) } } : {}) },
});

describe('guest CPU topology from an instancetype', () => {
  it('defaults to sockets (no preference, or preferAny/any)', () => {
    expect(topo(2, undefined)).toEqual({ sockets: 2, cores: 1, threads: 1 });
    expect(topo(2, { cpu: { preferredCPUTopology: 'preferAny' } })).toEqual({ sockets: 2, cores: 1, threads: 1 });
  });
  it.each([
    ['cores', { sockets: 1, cores: 2, threads: 1 }],
    ['preferCores', { sockets: 1, cores: 2, threads: 1 }],
    ['threads', { sockets: 1, cores: 1, threads: 2 }],
    ['sockets', { sockets: 2, cores: 1, threads: 1 }],
  ])('%s', (name, want) => expect(topo(2, { cpu: { preferredCPUTopology: name } })).toEqual(want));

  it.each<[string, number, TypedPreferenceSpec, CPU]>([
    ['SocketsCores, 1 vCPU', 1, spread(), { sockets: 1, cores: 1, threads: 1 }],
    ['SocketsCores, 2 vCPUs 1:2:1', 2, spread(), { sockets: 1, cores: 2, threads: 1 }],
    ['SocketsCores, 6 vCPUs 1:2:1', 6, spread(), { sockets: 3, cores: 2, threads: 1 }],
    ['SocketsCores, 8 vCPUs 1:2:1', 8, spread(), { sockets: 4, cores: 2, threads: 1 }],
    ['SocketsCores, 9 vCPUs 1:3:1', 9, spread(undefined, 3), { sockets: 3, cores: 3, threads: 1 }],
    ['SocketsCores, 16 vCPUs 1:4:1', 16, spread(undefined, 4), { sockets: 4, cores: 4, threads: 1 }],
    ['SocketsCores, ratio from preferSpreadSocketToCoreRatio', 12, { ...spread(), preferSpreadSocketToCoreRatio: 3 }, { sockets: 4, cores: 3, threads: 1 }],
    ['SocketsCoresThreads, 4 vCPUs 1:2:2', 4, spread('SocketsCoresThreads'), { sockets: 1, cores: 2, threads: 2 }],
    ['SocketsCoresThreads, 16 vCPUs 1:2:2', 16, spread('SocketsCoresThreads'), { sockets: 4, cores: 2, threads: 2 }],
    ['SocketsCoresThreads, 24 vCPUs 1:3:2', 24, spread('SocketsCoresThreads', 3), { sockets: 4, cores: 3, threads: 2 }],
    ['SocketsCoresThreads, 36 vCPUs 1:4:2', 36, spread('SocketsCoresThreads', 4), { sockets: 4, cores: 4, threads: 2 }],
    ['CoresThreads, 2 vCPUs 1:2', 2, spread('CoresThreads'), { sockets: 1, cores: 1, threads: 2 }],
    ['CoresThreads, 8 vCPUs 1:2', 8, spread('CoresThreads'), { sockets: 1, cores: 4, threads: 2 }],
  ])('spread %s', (_n, vcpus, pref, want) => expect(topo(vcpus, pref)).toEqual(want));
});

describe('spread topology admission check', () => {
  it('rejects vCPUs that do not divide (golden it-1-009)', () => {
    const pref = spread('SocketsCoresThreads', 4);
    expect(spreadTopologyError(2, pref)).toBe(
      '2 vCPUs provided by the instance type are not divisible by the number of threads per core 2 and Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of 4',
    );
    expect(spreadTopologyError(1, pref)).toContain('1 vCPUs provided by the instance type are not divisible');
    expect(spreadTopologyError(16, pref)).toBeNull();
  });
  it('SocketsCores and CoresThreads', () => {
    expect(spreadTopologyError(3, spread())).toBe(
      '3 vCPUs provided by the instance type are not divisible by the Spec.PreferSpreadSocketToCoreRatio or Spec.CPU.PreferSpreadOptions.Ratio of 2 provided by the preference',
    );
    expect(spreadTopologyError(3, spread('CoresThreads'))).toBe('3 vCPUs provided by the instance type are not divisible by the number of threads per core 2');
  });
  it('does not apply to other topologies', () => {
    expect(spreadTopologyError(3, { cpu: { preferredCPUTopology: 'cores' } })).toBeNull();
    expect(spreadTopologyError(3, undefined)).toBeNull();
  });
});
