// Conflict paths and messages: golden vectors (instancetypes-kvm it-1-008, kubevirt-examples
// vm-cirros-clarge) and pkg/instancetype/apply/*_test.go behaviour.
import { describe, expect, it } from 'vitest';
import type { InstancetypeSpec, VirtualMachineInstanceSpec } from '../../src/api/kubevirt-types.js';
import { applyInstancetype, overcommittedBytes } from '../../src/instancetype/apply-instancetype.js';
import { applyToVmi } from '../../src/instancetype/apply-to-vmi.js';
import { admissionMessage, controllerMessage } from '../../src/instancetype/conflicts.js';
import { VERSION_TRAITS } from '../../src/profile/versions.js';

const it2: InstancetypeSpec = { cpu: { guest: 2 }, memory: { guest: '4Gi' } };
const vmiSpec = (domain: Partial<VirtualMachineInstanceSpec['domain']> = {}): VirtualMachineInstanceSpec => ({ domain: { resources: {}, devices: {}, ...domain } });
const BASE = 'spec.template.spec';

describe('instancetype conflicts', () => {
  it('a template topology conflicts (golden it-1-008 message)', () => {
    const conflicts = applyInstancetype(BASE, it2, undefined, vmiSpec({ cpu: { sockets: 2 } }), {});
    expect(admissionMessage(conflicts)).toBe('VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type');
  });
  it('memory.guest conflicts (golden vm-cirros-clarge message)', () => {
    const conflicts = applyInstancetype(BASE, it2, undefined, vmiSpec({ memory: { guest: '128Mi' } }), {});
    expect(admissionMessage(conflicts)).toBe('VM field(s) spec.template.spec.domain.memory.guest conflicts with selected instance type');
  });
  it('reports every CPU conflict, one cause each, joined by ", "', () => {
    const conflicts = applyInstancetype(BASE, { cpu: { guest: 2, model: 'x' }, memory: { guest: '1Gi' } }, undefined, vmiSpec({
      cpu: { cores: 2, threads: 2, model: 'host-model' },
      resources: { requests: { cpu: '1', memory: '1Gi' } },
    }), {});
    expect(conflicts.map((c) => c.path)).toEqual([
      'spec.template.spec.domain.resources.requests.cpu',
      'spec.template.spec.domain.cpu.cores',
      'spec.template.spec.domain.cpu.threads',
      'spec.template.spec.domain.cpu.model',
      'spec.template.spec.domain.resources.requests.memory',
    ]);
    expect(admissionMessage(conflicts)).toBe(conflicts.map((c) => `VM field(s) ${c.path} conflicts with selected instance type`).join(', '));
    expect(controllerMessage(conflicts.slice(0, 2))).toBe('VMI conflicts with instancetype spec in fields: [spec.template.spec.domain.resources.requests.cpu, spec.template.spec.domain.cpu.cores]');
  });
  it('a model in the VM only conflicts when the instancetype sets one too', () => {
    const s = vmiSpec({ cpu: { model: 'host-passthrough' } });
    expect(applyInstancetype(BASE, it2, undefined, s, {})).toEqual([]);
    expect(s.domain.cpu).toEqual({ model: 'host-passthrough', sockets: 2, cores: 1, threads: 1 });
  });
  it('nodeSelector, schedulerName, gpus, hostDevices, ioThreadsPolicy, launchSecurity and annotations', () => {
    const it: InstancetypeSpec = {
      ...it2,
      nodeSelector: { a: 'b' },
      schedulerName: 's',
      gpus: [{ name: 'g', deviceName: 'd' }],
      hostDevices: [{ name: 'h', deviceName: 'd' }],
      ioThreadsPolicy: 'auto',
      launchSecurity: { sev: {} },
      annotations: { k: 'v' },
    };
    const s = vmiSpec({ devices: { gpus: [{ name: 'x' }], hostDevices: [{ name: 'y' }] }, ioThreadsPolicy: 'shared', launchSecurity: { sev: {} } });
    s.nodeSelector = {};
    s.schedulerName = 'mine';
    const conflicts = applyInstancetype('spec', it, undefined, s, { annotations: { k: 'other' } });
    expect(conflicts.map((c) => c.path)).toEqual([
      'spec.nodeSelector',
      'spec.schedulerName',
      'spec.domain.ioThreadsPolicy',
      'spec.domain.launchSecurity',
      'spec.domain.devices.gpus',
      'spec.domain.devices.hostDevices',
      'annotations.k',
    ]);
  });
  it('an instancetype conflict skips the preference', () => {
    const s = vmiSpec({ cpu: { sockets: 2 } });
    const conflicts = applyToVmi(BASE, it2, { preferredSubdomain: 'x' }, s, {}, VERSION_TRAITS.main);
    expect(conflicts).toHaveLength(1);
    expect(s.subdomain).toBeUndefined();
  });
});

describe('instancetype memory', () => {
  it('copies guest, hugepages and maxGuest', () => {
    const s = vmiSpec();
    applyInstancetype('spec', { cpu: { guest: 1 }, memory: { guest: '2Gi', hugepages: { pageSize: '1Gi' }, maxGuest: '8Gi' } }, undefined, s, {});
    expect(s.domain.memory).toEqual({ guest: '2Gi', hugepages: { pageSize: '1Gi' }, maxGuest: '8Gi' });
  });
  it('overcommitPercent lowers the memory request with float32 arithmetic', () => {
    // KubeVirt's memory_test.go cases (512M at 15% and 80%), worked out by hand in float32:
    // float32(0.85) = 0.8500000238…, 512e6 × that = 435200012.2 → nearest float32 (step 32) 435200000;
    // 1 − float32(0.8) = 0.1999999880…, 512e6 × that = 102399993.9 → nearest float32 (step 8) 102399992.
    expect(overcommittedBytes(512000000n, 15)).toBe(435200000n);
    expect(overcommittedBytes(512000000n, 80)).toBe(102399992n);
    expect(overcommittedBytes(1073741824n, 50)).toBe(536870912n);
    const s = vmiSpec();
    applyInstancetype('spec', { cpu: { guest: 1 }, memory: { guest: '1Gi', overcommitPercent: 50 } }, undefined, s, {});
    expect(s.domain.resources?.requests?.memory).toBe('512Mi');
    const decimal = vmiSpec();
    applyInstancetype('spec', { cpu: { guest: 1 }, memory: { guest: '512M', overcommitPercent: 80 } }, undefined, decimal, {});
    expect(decimal.domain.resources?.requests?.memory).toBe('102399992');
  });
});
