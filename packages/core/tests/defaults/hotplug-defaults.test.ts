// Numbers from KubeVirt's vmi-mutator_test.go "when vmRolloutStrategy LiveUpdate is enabled".
import { describe, expect, it } from 'vitest';
import { liveUpdateMemoryProblem, setupHotplug } from '../../src/defaults/hotplug-defaults.js';
import { clusterConfig, spec } from './fixtures.js';

const topology = (sockets: number, cores = 1, threads = 1) => ({ sockets, cores, threads });

describe('CPU hotplug (maxSockets)', () => {
  for (const arch of ['amd64', 's390x']) {
    describe(arch, () => {
      it('takes maxCpuSockets from the cluster when the VMI sets none', () => {
        const s = spec({ cpu: topology(1) }, { architecture: arch });
        setupHotplug(s, clusterConfig({ liveUpdateConfiguration: { maxCpuSockets: 10 } }));
        expect(s.domain.cpu?.maxSockets).toBe(10);
      });
      it('prefers maxCpuSockets over maxHotplugRatio', () => {
        const s = spec({ cpu: topology(2) }, { architecture: arch });
        setupHotplug(s, clusterConfig({ liveUpdateConfiguration: { maxCpuSockets: 10, maxHotplugRatio: 2 } }));
        expect(s.domain.cpu).toMatchObject({ sockets: 2, maxSockets: 10 });
      });
      it("keeps the VMI's own maxSockets", () => {
        const s = spec({ cpu: { ...topology(2), maxSockets: 16 } }, { architecture: arch });
        setupHotplug(s, clusterConfig());
        expect(s.domain.cpu?.maxSockets).toBe(16);
      });
      it('uses the configured hotplug ratio', () => {
        const s = spec({ cpu: topology(1) }, { architecture: arch });
        setupHotplug(s, clusterConfig({ liveUpdateConfiguration: { maxHotplugRatio: 2 } }));
        expect(s.domain.cpu?.maxSockets).toBe(2);
      });
      it('defaults to 4x the sockets', () => {
        const s = spec({ cpu: topology(2) }, { architecture: arch });
        setupHotplug(s, clusterConfig());
        expect(s.domain.cpu?.maxSockets).toBe(8);
      });
      it('caps the vCPUs at 512: 32 sockets x 2 cores x 3 threads gives 85', () => {
        const s = spec({ cpu: topology(32, 2, 3) }, { architecture: arch });
        setupHotplug(s, clusterConfig());
        expect(s.domain.cpu?.maxSockets).toBe(85);
      });
      it('uses the sockets when maxCpuSockets is lower', () => {
        const s = spec({ cpu: topology(3) }, { architecture: arch });
        setupHotplug(s, clusterConfig({ liveUpdateConfiguration: { maxCpuSockets: 2 } }));
        expect(s.domain.cpu?.maxSockets).toBe(3);
      });
    });
  }

  it('never applies on arm64', () => {
    const s = spec({ cpu: topology(2), memory: { guest: '1Gi' } }, { architecture: 'arm64' });
    setupHotplug(s, clusterConfig());
    expect(s.domain.cpu?.maxSockets).toBeUndefined();
    expect(s.domain.memory?.maxGuest).toBeUndefined();
  });

  it('does nothing without the LiveUpdate rollout strategy', () => {
    const s = spec({ cpu: topology(2), memory: { guest: '1Gi' } }, { architecture: 'amd64' });
    setupHotplug(s, clusterConfig({ vmRolloutStrategy: 'Stage' }));
    expect(s.domain.cpu?.maxSockets).toBeUndefined();
    expect(s.domain.memory?.maxGuest).toBeUndefined();
  });

  it('a partial topology without sockets gets no vCPU hotplug', () => {
    const s = spec({ cpu: { cores: 2 } }, { architecture: 'amd64' });
    setupHotplug(s, clusterConfig());
    expect(s.domain.cpu?.maxSockets).toBeUndefined();
  });
});

describe('memory hotplug (maxGuest)', () => {
  it("keeps the VMI's maxGuest", () => {
    const s = spec({ memory: { guest: '2Gi', maxGuest: '6Gi' } }, { architecture: 'amd64' });
    setupHotplug(s, clusterConfig());
    expect(s.domain.memory).toEqual({ guest: '2Gi', maxGuest: '6Gi' });
  });
  it('takes maxGuest from the cluster, even over maxHotplugRatio', () => {
    const s = spec({ memory: { guest: '1Gi' } }, { architecture: 'amd64' });
    setupHotplug(s, clusterConfig({ liveUpdateConfiguration: { maxGuest: '10Gi', maxHotplugRatio: 2 } }));
    expect(s.domain.memory?.maxGuest).toBe('10Gi');
  });
  it('defaults to 4x the guest memory', () => {
    const s = spec({ memory: { guest: '1Gi' } }, { architecture: 'amd64' });
    setupHotplug(s, clusterConfig());
    expect(s.domain.memory?.maxGuest).toBe('4Gi');
  });
  it('uses the configured hotplug ratio', () => {
    const s = spec({ memory: { guest: '1Gi' } }, { architecture: 'amd64' });
    setupHotplug(s, clusterConfig({ liveUpdateConfiguration: { maxHotplugRatio: 2 } }));
    expect(s.domain.memory?.maxGuest).toBe('2Gi');
  });
  it.each([
    ['realtime', { cpu: { realtime: {} } }, 'Memory hotplug is not compatible with realtime VMs'],
    ['NUMA passthrough', { cpu: { numa: { guestMappingPassthrough: {} } } }, 'Memory hotplug is not compatible with guest mapping passthrough'],
    ['SEV', { launchSecurity: { sev: {} } }, 'Memory hotplug is not compatible with encrypted VMs'],
  ])('leaves maxGuest empty with %s', (_name, domain, message) => {
    const s = spec({ ...domain, memory: { guest: '2Gi' } }, { architecture: 'amd64' });
    expect(liveUpdateMemoryProblem(s, '8Gi')).toBe(message);
    setupHotplug(s, clusterConfig());
    expect(s.domain.memory?.maxGuest).toBeUndefined();
  });
  it('leaves maxGuest empty below 1Gi (128Mi, as KubeVirt tests)', () => {
    const s = spec({ memory: { guest: '128Mi' } }, { architecture: 'amd64' });
    setupHotplug(s, clusterConfig());
    expect(s.domain.memory?.maxGuest).toBeUndefined();
  });
  it('needs 2Mi alignment, and 1Gi alignment with 1Gi hugepages', () => {
    expect(liveUpdateMemoryProblem(spec({ memory: { guest: '1025Mi' } }, { architecture: 'amd64' }), '4100Mi')).toBe('Guest memory must be 2Mi aligned');
    expect(liveUpdateMemoryProblem(spec({ memory: { guest: '2Gi', hugepages: { pageSize: '1Gi' } } }, { architecture: 'amd64' }), '4098Mi')).toBe('MaxGuest must be 1Gi aligned');
  });
  it('is amd64 only', () => {
    expect(liveUpdateMemoryProblem(spec({ memory: { guest: '2Gi' } }, { architecture: 's390x' }), '8Gi')).toBe('Memory hotplug is only available for x86_64 VMs');
  });
});
