// featuregate.IsEnabled over KubeVirt's registered gate states, per release (active.go/inactive.go):
// GA always on; listed on; disabled off; Beta on by default from v1.9 only; unregistered never on.
import { describe, expect, it } from 'vitest';
import { featureGateEnabled, gateState } from '../../src/profile/feature-gate-states.js';
import { resolveKubeVirtConfig } from '../../src/profile/kubevirt-config.js';
import type { VersionKey } from '../../src/profile/versions.js';

const config = (version: VersionKey, featureGates: string[] = [], disabledFeatureGates?: string[]) =>
  resolveKubeVirtConfig({ developerConfiguration: { featureGates, ...(disabledFeatureGates ? { disabledFeatureGates } : {}) } }, version);

describe('feature gate states', () => {
  it('records the states KubeVirt registers', () => {
    expect(gateState('v1.8', 'WorkloadEncryptionSEV')).toBe('Alpha');
    expect(gateState('v1.9', 'WorkloadEncryptionSEV')).toBe('Beta');
    expect(gateState('main', 'NUMA')).toBe('GA');
    expect(gateState('v1.9', 'DecentralizedLiveMigration')).toBe('Alpha');
    expect(gateState('main', 'DecentralizedLiveMigration')).toBe('Beta');
    expect(gateState('main', 'Passt')).toBe('Discontinued');
    expect(gateState('main', 'NoSuchGate')).toBeUndefined();
  });
  it('GA gates are on whatever the configuration says', () => {
    expect(featureGateEnabled(config('v1.8', [], ['NUMA']), 'v1.8', 'NUMA')).toBe(true);
  });
  it('Beta gates are on by default from v1.9, and can be disabled', () => {
    expect(featureGateEnabled(config('main'), 'main', 'WorkloadEncryptionSEV')).toBe(true);
    expect(featureGateEnabled(config('main', [], ['WorkloadEncryptionSEV']), 'main', 'WorkloadEncryptionSEV')).toBe(false);
    expect(featureGateEnabled(config('v1.8'), 'v1.8', 'PasstBinding')).toBe(false);
    expect(featureGateEnabled(config('v1.8', ['PasstBinding']), 'v1.8', 'PasstBinding')).toBe(true);
  });
  it('Alpha gates need listing; listing beats disabling; unknown names stay off', () => {
    expect(featureGateEnabled(config('main'), 'main', 'HostDevices')).toBe(false);
    expect(featureGateEnabled(config('main', ['HostDevices'], ['HostDevices']), 'main', 'HostDevices')).toBe(true);
    expect(featureGateEnabled(config('main', ['NoSuchGate']), 'main', 'NoSuchGate')).toBe(false);
  });
});
