// Rows A–V of SetDefaultVirtualMachineInstanceSpec and the status/annotation steps, with cases from
// KubeVirt's vmi-mutator_test.go and the behaviour map's overhead table (limit 5 vs request 3).
import { describe, expect, it } from 'vitest';
import { applyVmiDefaults, pullPolicyFor, setSpecDefaults, supportsPcieHotplug } from '../../src/defaults/vmi-defaults.js';
import { defaultsContext, spec, vmi } from './fixtures.js';

describe('guest CPU topology from resources (row E)', () => {
  it('takes sockets from the CPU limit over the request', () => {
    const s = spec({ resources: { requests: { cpu: '3' }, limits: { cpu: '5' } } });
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.cpu).toEqual({ sockets: 5, cores: 1, threads: 1 });
  });
  it('takes sockets from the request when there is no limit', () => {
    const s = spec({ resources: { requests: { cpu: '3' } } });
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.cpu).toEqual({ sockets: 3, cores: 1, threads: 1 });
  });
  it('rounds a fractional CPU up (Quantity.Value)', () => {
    const s = spec({ resources: { requests: { cpu: '1500m' } } });
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.cpu?.sockets).toBe(2);
  });
  it('defaults to one socket', () => {
    const s = spec();
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.cpu).toEqual({ sockets: 1, cores: 1, threads: 1 });
  });
  it('keeps a partial topology with its zeros', () => {
    const s = spec({ cpu: { cores: 2 } });
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.cpu).toEqual({ cores: 2 });
  });
});

describe('resource requests and guest memory (rows C, D)', () => {
  it('copies a CPU limit to an absent request', () => {
    const s = spec({ resources: { requests: {}, limits: { cpu: '1' } } });
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.resources?.requests?.cpu).toBe('1');
  });
  it('writes the cluster cpuRequest only when it differs from 100m', () => {
    const same = spec();
    setSpecDefaults(same, defaultsContext({ cpuRequest: '100m' }));
    expect(same.domain.resources?.requests?.cpu).toBeUndefined();
    const other = spec();
    setSpecDefaults(other, defaultsContext({ cpuRequest: '250m' }));
    expect(other.domain.resources?.requests?.cpu).toBe('250m');
    const dedicated = spec({ cpu: { dedicatedCpuPlacement: true } });
    setSpecDefaults(dedicated, defaultsContext({ cpuRequest: '250m' }));
    expect(dedicated.domain.resources?.requests?.cpu).toBeUndefined();
  });
  it.each([
    ['requests', { resources: { requests: { memory: '1Gi' } } }],
    ['limits', { resources: { limits: { memory: '1Gi' } } }],
    ['requests and limits', { resources: { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } } }],
    ['only hugepages', { memory: { hugepages: { pageSize: '1Gi' } } }],
  ])('always sets memory.guest (%s)', (_n, domain) => {
    const s = spec(domain);
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.memory?.guest).toBe('1Gi');
  });
});

describe('container disk pull policies (row F)', () => {
  it.each([
    ['test@sha256:9c2b78e11c25b3fd0b24b0ed684a112052dff03eee4ca4bdcc4f3168f9a14396', 'IfNotPresent'],
    ['test:latest', 'Always'],
    ['test', 'Always'],
    ['test:notlatest', 'IfNotPresent'],
    // Any ':' counts as a tag, a registry port included (strings.ContainsAny).
    ['registry:5000/kubevirt/fedora-cloud', 'IfNotPresent'],
  ])('%s → %s', (image, policy) => expect(pullPolicyFor(image)).toBe(policy));
  it('keeps an explicit policy', () => {
    const s = spec({}, { volumes: [{ name: 'a', containerDisk: { image: 'fedora:latest', imagePullPolicy: 'Never' } }] });
    setSpecDefaults(s, defaultsContext());
    expect(s.volumes?.[0]?.containerDisk?.imagePullPolicy).toBe('Never');
  });
});

describe('default pod interface (row N)', () => {
  it.each([
    ['bridge', { bridge: {} }],
    ['masquerade', { masquerade: {} }],
  ])('as %s', (kind, binding) => {
    const s = spec();
    expect(setSpecDefaults(s, defaultsContext({ network: { defaultNetworkInterface: kind } }))).toBeNull();
    expect(s.domain.devices.interfaces).toEqual([{ name: 'default', ...binding }]);
    expect(s.networks).toEqual([{ name: 'default', pod: {} }]);
  });
  it('defaults to bridge, and ignores the misspelt key `networkInterface`', () => {
    const s = spec();
    setSpecDefaults(s, defaultsContext({ network: { networkInterface: 'masquerade' } }));
    expect(s.domain.devices.interfaces).toEqual([{ name: 'default', bridge: {} }]);
  });
  it.each([
    ['interfaces and networks', [{ name: 'a' }], [{ name: 'b' }]],
    ['interfaces', [{ name: 'a' }], []],
    ['networks', [], [{ name: 'b' }]],
  ])('adds nothing when %s are non-empty', (_n, interfaces, networks) => {
    const s = spec({ devices: { interfaces } }, { networks });
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.devices.interfaces).toEqual(interfaces);
    expect(s.networks).toEqual(networks);
  });
  it('adds nothing with autoattachPodInterface: false', () => {
    const s = spec({ devices: { autoattachPodInterface: false } });
    setSpecDefaults(s, defaultsContext());
    expect(s.networks).toBeUndefined();
  });
  it('rejects bridge when the cluster forbids it on the pod network, and slirp', () => {
    expect(setSpecDefaults(spec(), defaultsContext({ network: { permitBridgeInterfaceOnPodNetwork: false } }))).toBe(
      'bridge interface is not enabled in kubevirt-config',
    );
    expect(setSpecDefaults(spec(), defaultsContext({ network: { defaultNetworkInterface: 'slirp' } }))).toBe('slirp interface is deprecated as of v1.3');
  });
});

describe('volumes without disks (row V)', () => {
  it('adds a bare disk per volume without a disk or filesystem', () => {
    const s = spec({ devices: { disks: [{ name: 'a' }], filesystems: [{ name: 'fs', virtiofs: {} }] } }, {
      volumes: [{ name: 'a', emptyDisk: {} }, { name: 'fs', emptyDisk: {} }, { name: 'b', emptyDisk: {} }],
    });
    setSpecDefaults(s, defaultsContext());
    expect(s.domain.devices.disks?.map((d) => d.name)).toEqual(['a', 'b']);
  });
});

describe('eviction strategy (row G)', () => {
  it('keeps the VMI value, else takes the cluster one (default None)', () => {
    const own = spec({}, { evictionStrategy: 'LiveMigrate' });
    setSpecDefaults(own, defaultsContext({ evictionStrategy: 'External' }));
    expect(own.evictionStrategy).toBe('LiveMigrate');
    const cluster = spec();
    setSpecDefaults(cluster, defaultsContext({ evictionStrategy: 'External' }));
    expect(cluster.evictionStrategy).toBe('External');
    const none = spec();
    setSpecDefaults(none, defaultsContext());
    expect(none.evictionStrategy).toBe('None');
  });
});

describe('status and annotations', () => {
  it('copies guest memory and topology into status, runs as 107, annotates PCI topology v3', () => {
    const v = vmi(spec({ resources: { requests: { memory: '128Mi' } } }));
    expect(applyVmiDefaults(v, defaultsContext(), () => 'uuid').error).toBeNull();
    expect(v.status).toEqual({
      memory: { guestAtBoot: '128Mi', guestCurrent: '128Mi', guestRequested: '128Mi' },
      currentCPUTopology: { sockets: 1, cores: 1, threads: 1 },
      runtimeUser: 107,
      guestOSInfo: {},
    });
    expect(v.metadata.annotations).toEqual({ 'kubevirt.io/pci-topology-version': 'v3' });
  });
  it('keeps an existing currentCPUTopology', () => {
    const v = vmi(spec({ cpu: { sockets: 2, cores: 1, threads: 1 } }));
    v.status = { currentCPUTopology: { sockets: 1, cores: 1, threads: 1 } };
    applyVmiDefaults(v, defaultsContext(), () => 'uuid');
    expect(v.status.currentCPUTopology).toEqual({ sockets: 1, cores: 1, threads: 1 });
  });
  it('runs as root with the Root feature gate', () => {
    const v = vmi(spec());
    applyVmiDefaults(v, defaultsContext({ developerConfiguration: { featureGates: ['Root'] } }), () => 'uuid');
    expect(v.status?.runtimeUser).toBe(0);
  });
  it.each([
    ['amd64', 'q35', true],
    ['arm64', 'virt', true],
    ['s390x', 's390-ccw-virtio', false],
    ['ppc64le', 'pseries', false],
    ['amd64', 'pc-i440fx-rhel7.6.0', false],
  ])('SupportsPCIeHotplug(%s, %s) = %s', (architecture, type, expected) => {
    expect(supportsPcieHotplug(spec({ machine: { type } }, { architecture }))).toBe(expected);
  });
  it('copies the emulator-thread parity annotation only with AlignCPUs and isolateEmulatorThread', () => {
    const kubevirt = { apiVersion: 'kubevirt.io/v1', kind: 'KubeVirt' as const, metadata: { annotations: { 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' } } };
    const on = vmi(spec({ cpu: { isolateEmulatorThread: true, dedicatedCpuPlacement: true } }));
    applyVmiDefaults(on, { ...defaultsContext({ developerConfiguration: { featureGates: ['AlignCPUs'] } }), kubevirt }, () => 'uuid');
    expect(on.metadata.annotations?.['alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity']).toBe('');
    const off = vmi(spec({ cpu: { isolateEmulatorThread: true, dedicatedCpuPlacement: true } }));
    applyVmiDefaults(off, { ...defaultsContext(), kubevirt }, () => 'uuid');
    expect(off.metadata.annotations?.['alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity']).toBeUndefined();
  });
});
