// Cases from KubeVirt's vmi-mutator_test.go ("should set the hyperv dependencies", "modify the VMI cpu feature").
import { describe, expect, it } from 'vitest';
import type { CPU, FeatureHyperv } from '../../src/api/kubevirt-types.js';
import { setHypervDependencies } from '../../src/defaults/hyperv-dependencies.js';
import { spec } from './fixtures.js';

const vmx = { name: 'vmx', policy: 'require' };

describe('Hyper-V feature dependencies', () => {
  it('synictimer enables synic, which enables vpindex', () => {
    const s = spec({ features: { hyperv: { synictimer: { enabled: true } } } });
    expect(setHypervDependencies(s).problem).toBeNull();
    expect(s.domain.features?.hyperv).toMatchObject({ synictimer: { enabled: true }, synic: { enabled: true }, vpindex: { enabled: true } });
  });

  it('ipi and tlbflush need vpindex, evmcs needs vapic', () => {
    const s = spec({ features: { hyperv: { ipi: { enabled: true }, tlbflush: { enabled: true }, evmcs: { enabled: true } } } });
    setHypervDependencies(s);
    expect(s.domain.features?.hyperv).toMatchObject({ vpindex: { enabled: true }, vapic: { enabled: true } });
  });

  it('stops at an explicitly disabled requirement and leaves it disabled', () => {
    const s = spec({ features: { hyperv: { synic: { enabled: true }, vpindex: { enabled: false } } } });
    expect(setHypervDependencies(s).problem).toBe("'spec.domain.features.hyperv.synic' requires 'spec.domain.features.hyperv.vpindex', which was disabled.");
    expect(s.domain.features?.hyperv?.vpindex).toEqual({ enabled: false });
  });

  it.each<[string, CPU | undefined, FeatureHyperv, CPU | undefined]>([
    ["hyperV doesn't contain EVMCS", undefined, { relaxed: { enabled: true } }, undefined],
    ['EVMCS is explicitly false', undefined, { evmcs: { enabled: false } }, undefined],
    ['hyperV does contain EVMCS', undefined, { evmcs: {} }, { features: [vmx] }],
    ['EVMCS is explicitly true', undefined, { evmcs: { enabled: true } }, { features: [vmx] }],
    ['EVMCS and cpu sockets', { sockets: 2 }, { evmcs: {} }, { sockets: 2, features: [vmx] }],
    ['EVMCS and 0 cpu features', { features: [] }, { evmcs: {} }, { features: [vmx] }],
    ['EVMCS and 1 different cpu feature', { features: [{ name: 'monitor', policy: 'require' }] }, { evmcs: {} }, { features: [{ name: 'monitor', policy: 'require' }, vmx] }],
    ['EVMCS and disabled vmx cpu feature', { features: [{ name: 'vmx', policy: 'disabled' }] }, { evmcs: {} }, { features: [vmx] }],
    ['EVMCS and enabled vmx cpu feature', { features: [{ name: 'vmx', policy: 'require' }] }, { evmcs: {} }, { features: [vmx] }],
  ])('VMX: %s', (_n, cpu, hyperv, want) => {
    const s = spec({ ...(cpu ? { cpu } : {}), features: { hyperv } });
    setHypervDependencies(s);
    expect(s.domain.cpu).toEqual(want);
  });
});
