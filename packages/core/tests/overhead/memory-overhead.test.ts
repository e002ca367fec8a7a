// KubeVirt's pkg/hypervisor/{kvm,mshv}/hypervisorbackend_test.go tables, run through our
// computeOverhead for both backends. KubeVirt's tests write the base as "7Mi + 243Mi static";
// with the 1Gi request that is 2Mi page tables + 248Mi, 290Mi with the 8Mi vCPU and 32Mi video.
import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstance } from '../../src/api/kubevirt-types.js';
import { computeOverhead } from '../../src/overhead/memory-overhead.js';
import { memlockLimit } from '../../src/overhead/memlock.js';
import { selectHypervisor } from '../../src/select/select-hypervisor.js';
import { MI, profileOf, vmiOf, type Backend, type ProfileOptions } from './fixtures.js';

const base = (extra: Partial<VirtualMachineInstance['spec']['domain']> = {}, spec: Partial<VirtualMachineInstance['spec']> = {}): VirtualMachineInstance =>
  vmiOf({ ...spec, domain: { resources: { requests: { memory: '1Gi' }, limits: {} }, devices: {}, ...extra } });

function overheadOf(vmi: VirtualMachineInstance, o: ProfileOptions = {}): ReturnType<typeof computeOverhead> {
  const profile = profileOf(o);
  return computeOverhead(vmi, profile, selectHypervisor({ vmi, profile }));
}

describe.each<Backend>(['kvm', 'mshv'])('GetMemoryOverhead (%s backend, KubeVirt main)', (backend) => {
  const table: [string, VirtualMachineInstance, number, ProfileOptions?][] = [
    ['base overhead + static + 8Mi', base(), 290 * MI],
    ['2×2×2 topology: 8 vCPUs', base({ cpu: { cores: 2, threads: 2, sockets: 2 } }), 346 * MI],
    ['cpu limits 5 win over requests 3', base({ resources: { requests: { memory: '1Gi', cpu: '3' }, limits: { cpu: '5' } } }), 322 * MI],
    ['cpu requests 3 only', base({ resources: { requests: { memory: '1Gi', cpu: '3' }, limits: {} } }), 306 * MI],
    ['no graphics device: no video RAM', base({ devices: { autoattachGraphicsDevice: false } }), 258 * MI],
    ['arm64 pflash', base({}, { architecture: 'arm64' }), 418 * MI, { arch: 'arm64' }],
    ['VFIO host device', base({ devices: { hostDevices: [{ name: 'test' }] } }), 1314 * MI],
    ['VFIO GPU', base({ devices: { gpus: [{ name: 'test' }] } }), 1314 * MI],
    ['VFIO SR-IOV', base({ devices: { interfaces: [{ name: 'test', sriov: {} }] } }), 1314 * MI],
    ['downwardMetrics volume', base({}, { volumes: [{ name: 'dm', downwardMetrics: {} }] }), 291 * MI],
    ['exec liveness probe', base({}, { livenessProbe: { exec: {} } }), 400 * MI],
    ['exec readiness probe', base({}, { readinessProbe: { exec: {} } }), 400 * MI],
    ['both exec probes', base({}, { livenessProbe: { exec: {} }, readinessProbe: { exec: {} } }), 410 * MI],
    ['SEV', base({ launchSecurity: { sev: {} } }), 546 * MI],
    ['TPM', base({ devices: { tpm: {} } }), 343 * MI],
    ['ratio 3.2', base(), 973080040, { configuration: { additionalGuestMemoryOverheadRatio: '3.2' } }],
    ['ratio no_float is ignored', base(), 290 * MI, { configuration: { additionalGuestMemoryOverheadRatio: 'no_float' } }],
    ['dedicated CPU', base({ cpu: { cores: 1, dedicatedCpuPlacement: true } }), 390 * MI],
    ['QoS guaranteed', base({ cpu: { cores: 1 }, resources: { requests: { memory: '1Gi', cpu: '4' }, limits: { memory: '1Gi', cpu: '4' } } }), 390 * MI],
    ['reservedOverhead 100G', base({ memory: { reservedOverhead: { addedOverhead: '100G' } } }), 290 * MI + 100e9],
    ['reservedOverhead 0', base({ memory: { reservedOverhead: { addedOverhead: '0' } } }), 290 * MI],
  ];
  for (const [name, vmi, bytes, opts] of table) {
    it(name, () => {
      const r = overheadOf(vmi, { ...opts, backend });
      expect(r.totalBytes).toBe(bytes);
      expect(r.controllerTotalBytes).toBe(bytes);
      expect(r.terms.reduce((s, t) => s + t.bytes, 0)).toBe(r.totalBytes);
    });
  }

  // "Template with guest-to-request memory headroom": requests 1G memory and 1 CPU.
  const headroom = vmiOf({ domain: { devices: {}, resources: { requests: { memory: '1G', cpu: '1' } } } });
  it.each([
    ['2.332', 708796013],
    ['1.234', 375065013],
    ['1.0', 303943013],
  ])('headroom ratio %s', (ratio, bytes) => {
    expect(overheadOf(headroom, { backend, configuration: { additionalGuestMemoryOverheadRatio: ratio } }).totalBytes).toBe(bytes);
  });
});

describe('version table', () => {
  it('uses the 30Mi QEMU term on v1.8 and v1.9, 50Mi on main', () => {
    expect(overheadOf(base(), { version: 'v1.8.4' }).totalBytes).toBe(270 * MI);
    expect(overheadOf(base(), { version: 'v1.9.0' }).totalBytes).toBe(270 * MI);
    expect(overheadOf(base(), { version: 'v1.10.0-alpha.0' }).totalBytes).toBe(290 * MI);
  });
  it('keeps KubeVirt\'s quantity format: DecimalSI with page tables, BinarySI without', () => {
    expect(overheadOf(base()).quantity).toBe('304087040');
    const guestOnly = vmiOf({ domain: { devices: {}, memory: { guest: '1Gi' } } });
    expect(overheadOf(guestOnly).quantity).toBe('288Mi');
  });
});

describe('network binding overhead (pkg/network/resources/memory_test.go)', () => {
  const plugins = { binding: { plugin1: { computeResourceOverhead: { requests: { memory: '500Mi' } } }, plugin2: { computeResourceOverhead: { requests: { memory: '600Mi' } } }, plugin3: { computeResourceOverhead: { requests: { cpu: '100m' } } } } };
  const withIfaces = (interfaces: NonNullable<VirtualMachineInstance['spec']['domain']['devices']['interfaces']>): VirtualMachineInstance => base({ devices: { interfaces } });
  it.each([
    ['no binding plugin', [{ name: 'default', bridge: {} }], 0],
    ['a plugin without memory overhead', [{ name: 'net1', binding: { name: 'plugin3' } }], 0],
    ['one interface with a plugin', [{ name: 'net1', binding: { name: 'plugin1' } }], 500 * MI],
    ['two interfaces, same plugin (counted once)', [{ name: 'net1', binding: { name: 'plugin1' } }, { name: 'net2', binding: { name: 'plugin1' } }], 500 * MI],
    ['two interfaces, two plugins', [{ name: 'net1', binding: { name: 'plugin1' } }, { name: 'net2', binding: { name: 'plugin2' } }], 1100 * MI],
    ['one plain interface and one plugin', [{ name: 'net1' }, { name: 'net2', binding: { name: 'plugin2' } }], 600 * MI],
    ['a plugin that is not registered', [{ name: 'net1', binding: { name: 'nope' } }], 0],
    ['passt binding', [{ name: 'default', passtBinding: {} }], 250 * MI],
    ['passt binding and a plugin', [{ name: 'default', passtBinding: {} }, { name: 'net1', binding: { name: 'plugin1' } }], 750 * MI],
  ] as [string, NonNullable<VirtualMachineInstance['spec']['domain']['devices']['interfaces']>, number][])('%s', (_name, interfaces, extra) => {
    const r = overheadOf(withIfaces(interfaces), { configuration: { network: plugins } });
    expect(r.controllerTotalBytes - r.totalBytes).toBe(extra);
    // The terms table sums exactly to both totals.
    expect(r.terms.filter((t) => t.scope !== 'controller').reduce((s, t) => s + t.bytes, 0)).toBe(r.totalBytes);
    expect(r.terms.reduce((s, t) => s + t.bytes, 0)).toBe(r.controllerTotalBytes);
  });
});

describe('memlock (pkg/hypervisor/{kvm,mshv}/runtime.go AdjustResources)', () => {
  const note = (vmi: VirtualMachineInstance, o: ProfileOptions = {}): string | undefined => overheadOf(vmi, o).notes.find((n) => n.startsWith('memlock:'));
  it('is raised for VFIO, realtime, SEV and memLock Required only', () => {
    expect(note(base())).toBeUndefined();
    expect(note(base({ devices: { gpus: [{ name: 'g', deviceName: 'nvidia.com/x' }] } }))).toContain('unlimited');
    expect(note(base({ cpu: { cores: 1, realtime: {} } }))).toBeDefined();
    expect(note(base({ launchSecurity: { snp: {} } }))).toBeDefined();
    expect(note(base({ memory: { reservedOverhead: { memLock: 'Required' } } }))).toBeDefined();
    expect(note(base({ memory: { reservedOverhead: { memLock: 'NotRequired' } } }))).toBeUndefined();
  });
  it('v1.9: overhead + guest memory, plus (N-1) × guest for N VFIO devices on KVM only', () => {
    const twoGpus = base({ devices: { gpus: [{ name: 'a', deviceName: 'x' }, { name: 'b', deviceName: 'x' }] } });
    // 270Mi base + 1Gi VFIO overhead, + 1Gi guest rounded up to kB (1073742000), + exactly 1Gi for the second device (KVM).
    const kvm = 1294 * MI + 1073742000 + 1024 * MI;
    expect(memlockLimit(twoGpus, 'kvm', 'v1.9', overheadOf(twoGpus, { version: 'v1.9.0' }).totalBytes)?.limit).toBe(kvm);
    expect(memlockLimit(twoGpus, 'mshv', 'v1.9', overheadOf(twoGpus, { version: 'v1.9.0', backend: 'mshv' }).totalBytes)?.limit).toBe(1294 * MI + 1073742000);
    expect(note(twoGpus, { version: 'v1.9.0' })).toContain(`${kvm} bytes`);
  });
  it('the MSHV runtime ignores memLock Required before main', () => {
    const required = base({ memory: { reservedOverhead: { memLock: 'Required' } } });
    expect(note(required, { backend: 'mshv', version: 'v1.9.0' })).toBeUndefined();
    expect(note(required, { backend: 'kvm', version: 'v1.9.0' })).toBeDefined();
    expect(note(required, { backend: 'mshv' })).toContain('unlimited');
  });
});
