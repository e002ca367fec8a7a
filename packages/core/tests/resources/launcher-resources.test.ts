// KubeVirt's pod numbers (pkg/virt-controller/services/template_test.go "with cpu and memory
// constraints", "with hugepages constraints", "memory overcommit") and renderresources_test.go
// cases, through computeOverhead + computeLauncherResources on a KubeVirt-main profile.
import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstance } from '../../src/api/kubevirt-types.js';
import { computeOverhead } from '../../src/overhead/memory-overhead.js';
import { mustParse, scaledValue, value } from '../../src/quantity/index.js';
import { computeLauncherResources, launcherResourceNotes, type LauncherResources } from '../../src/resources/launcher-resources.js';
import { selectHypervisor } from '../../src/select/select-hypervisor.js';
import { profileOf, vmiOf, type ProfileOptions } from '../overhead/fixtures.js';

function render(vmi: VirtualMachineInstance, o: ProfileOptions = {}): { res: LauncherResources; overhead: number } {
  const profile = profileOf(o);
  const selection = selectHypervisor({ vmi, profile });
  const overhead = computeOverhead(vmi, profile, selection);
  return { res: computeLauncherResources(vmi, profile, selection, overhead), overhead: overhead.controllerTotalBytes };
}

const mega = (q: string | undefined): bigint => scaledValue(mustParse(q ?? '0'), 6);
type Domain = Partial<VirtualMachineInstance['spec']['domain']>;
const vmi = (arch: string, domain: Domain, annotations?: Record<string, string>): VirtualMachineInstance =>
  vmiOf({ architecture: arch, domain: { devices: { disableHotplug: true }, ...domain } }, annotations ? { annotations } : {});

describe.each([
  ['amd64', { req: '1303943013', lim: '2303943013', cores3: 383n, noGraphics: 350n, hugepages: 303n }],
  ['arm64', { req: '1438160741', lim: '2438160741', cores3: 518n, noGraphics: 484n, hugepages: 437n }],
])('template_test pod numbers on %s', (arch, want) => {
  const o: ProfileOptions = { arch };
  it('cpu and memory constraints', () => {
    const { res } = render(vmi(arch, { resources: { requests: { cpu: '1m', memory: '1G' }, limits: { cpu: '2m', memory: '2G' } } }), o);
    expect(res.requests['cpu']).toBe('1m');
    expect(res.limits?.['cpu']).toBe('2m');
    expect(res.requests['memory']).toBe(want.req);
    expect(res.limits?.['memory']).toBe(want.lim);
  });
  it('overcommitGuestOverhead adds the overhead to the limit only', () => {
    const { res } = render(vmi(arch, { resources: { overcommitGuestOverhead: true, requests: { memory: '1G' }, limits: { memory: '2G' } } }), o);
    expect(res.requests['memory']).toBe('1G');
    expect(res.limits?.['memory']).toBe(want.lim);
  });
  it('64M and cores 3: unset resources stay unset', () => {
    const { res } = render(vmi(arch, { cpu: { cores: 3 }, resources: { requests: { cpu: '1m', memory: '64M' } } }), o);
    expect(res.requests['cpu']).toBe('1m');
    expect(mega(res.requests['memory'])).toBe(want.cores3);
    expect(res.limits?.['devices.kubevirt.io/kvm']).toBe('1');
    expect(res.limits?.['memory']).toBeUndefined();
  });
  it.each([[undefined, 'cores3'], [true, 'cores3'], [false, 'noGraphics']] as const)('autoattachGraphicsDevice %s', (auto, key) => {
    const devices = auto === undefined ? {} : { autoattachGraphicsDevice: auto };
    const { res } = render(vmi(arch, { cpu: { cores: 3 }, devices, resources: { requests: { cpu: '1m', memory: '64M' } } }), o);
    expect(mega(res.requests['memory'])).toBe(want[key]);
  });
  it.each(['2Mi', '1Gi'])('hugepages-%s with requests = limits = 64M', (pageSize) => {
    const { res } = render(vmi(arch, { memory: { hugepages: { pageSize } }, resources: { requests: { memory: '64M' }, limits: { memory: '64M' } } }), o);
    expect(mega(res.requests['memory'])).toBe(want.hugepages);
    expect(mega(res.limits?.['memory'])).toBe(want.hugepages);
    expect(mega(res.requests[`hugepages-${pageSize}`])).toBe(64n);
    expect(mega(res.limits?.[`hugepages-${pageSize}`])).toBe(64n);
  });
  it('hugepages with guest 64M and requests 70M: the 6M difference is added', () => {
    const { res } = render(vmi(arch, { memory: { hugepages: { pageSize: '1Gi' }, guest: '64M' }, resources: { requests: { memory: '70M' }, limits: { memory: '70M' } } }), o);
    expect(mega(res.requests['memory'])).toBe(want.hugepages + 6n);
    expect(mega(res.limits?.['memory'])).toBe(want.hugepages + 6n);
    expect(mega(res.requests['hugepages-1Gi'])).toBe(64n);
  });
});

describe('memory overcommit (template_test "should honor memoryOvercommit when set in the CR")', () => {
  type Setter = (d: Domain) => void;
  const requests: Setter = (d) => { d.resources = { ...d.resources, requests: { memory: '1Gi' } }; };
  const limits: Setter = (d) => { d.resources = { ...d.resources, limits: { memory: '1Gi' } }; };
  const guest: Setter = (d) => { d.memory = { ...d.memory, guest: '1Gi' }; };
  const hugepages: Setter = (d) => { d.memory = { ...d.memory, hugepages: { pageSize: '1Gi' } }; };
  const table: [string, boolean, Setter[]][] = [
    ['none', false, []],
    ['requests', false, [requests]],
    ['limits', false, [limits]],
    ['guest', true, [guest]],
    ['hugepages', true, [hugepages]],
    ['requests+limits', false, [requests, limits]],
    ['requests+guest', false, [requests, guest]],
    ['requests+hugepages', false, [requests, hugepages]],
    ['limits+guest', false, [limits, guest]],
    ['limits+hugepages', false, [limits, hugepages]],
    ['guest+hugepages', true, [guest, hugepages]],
    ['requests+limits+guest', false, [requests, limits, guest]],
    ['requests+limits+hugepages', false, [requests, limits, hugepages]],
    ['requests+guest+hugepages', false, [requests, guest, hugepages]],
    ['limits+guest+hugepages', false, [limits, guest, hugepages]],
    ['all', false, [requests, limits, guest, hugepages]],
  ];
  it.each(table)('%s (overcommit expected: %s)', (_n, expectOvercommit, setters) => {
    const domain: Domain = { devices: {} };
    for (const s of setters) s(domain);
    const v = vmiOf({ domain: domain as VirtualMachineInstance['spec']['domain'] });
    const at100 = render(v);
    const at110 = render(v, { configuration: { developerConfiguration: { memoryOvercommit: 110 } } });
    const mem100 = value(mustParse(at100.res.requests['memory']!)) - BigInt(at100.overhead);
    const mem110 = value(mustParse(at110.res.requests['memory']!)) - BigInt(at110.overhead);
    if (expectOvercommit) expect((mem100 * 100n) / 110n).toBe(mem110);
    else expect(at110.res.requests['memory']).toBe(at100.res.requests['memory']);
  });
});

describe('renderresources_test cases', () => {
  it('ephemeral storage: +50M on requests and on an existing limit', () => {
    const { res } = render(vmiOf({ domain: { devices: {}, resources: { requests: { 'ephemeral-storage': '30M' }, limits: { 'ephemeral-storage': '70M' } } } }));
    expect(res.requests['ephemeral-storage']).toBe('80M');
    expect(res.limits?.['ephemeral-storage']).toBe('120M');
    expect(render(vmiOf()).res.requests['ephemeral-storage']).toBe('50M');
  });
  it.each([
    [1, false, '5', undefined],
    [10, false, '500m', undefined],
  ] as const)('5 vCPUs at cpuAllocationRatio %s', (ratio, _limits, request, limit) => {
    const { res } = render(vmiOf({ domain: { devices: {}, cpu: { cores: 5 } } }), { configuration: { developerConfiguration: { cpuAllocationRatio: ratio } } });
    expect(res.requests['cpu']).toBe(request);
    expect(res.limits?.['cpu']).toBe(limit);
  });
  it.each([
    [1, '5'],
    [10, '500m'],
  ] as const)('auto CPU limits (namespace quota with limits.cpu) at ratio %s', (ratio, request) => {
    const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard: { 'limits.cpu': '10' } } };
    const { res } = render(vmiOf({ domain: { devices: {}, cpu: { cores: 5 } } }), { configuration: { developerConfiguration: { cpuAllocationRatio: ratio } }, extra: [quota] });
    expect(res.requests['cpu']).toBe(request);
    expect(res.limits?.['cpu']).toBe('5');
  });
  it.each([
    ['default', 2.0],
    ['custom-memory-ratio-ns', 3.2],
  ] as const)('auto memory limits in namespace %s (ratio %s)', (namespace, ratio) => {
    const extra = [
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace }, spec: { hard: { 'limits.memory': '100Gi' } } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'custom-memory-ratio-ns', labels: { 'alpha.kubevirt.io/auto-memory-limits-ratio': '3.200000' } } },
    ];
    const { res } = render(vmiOf({ domain: { devices: {}, resources: { requests: { memory: '64M' } } } }, { namespace }), { extra });
    const request = value(mustParse(res.requests['memory']!));
    expect(value(mustParse(res.limits!['memory']!))).toBe(BigInt(Math.trunc(Number(request) * ratio)));
  });
  it('auto memory limits never override a VMI memory limit', () => {
    const extra = [{ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard: { 'limits.memory': '100Gi' } } }];
    const { res, overhead } = render(vmiOf({ domain: { devices: {}, resources: { requests: { memory: '64M' }, limits: { memory: '64M' } } } }), { extra });
    expect(value(mustParse(res.limits!['memory']!))).toBe(64000000n + BigInt(overhead));
  });
  it.each([
    ['5 vCPUs + 2 I/O threads', 5, 2, undefined, undefined, 8],
    ['parity, odd total', 5, 2, undefined, { 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' }, 8],
    ['parity, even total', 6, 2, undefined, { 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' }, 10],
    ['no vCPUs, user cpu 3', 0, 0, '3', undefined, 4],
    ['no vCPUs, 2 I/O threads, user cpu 5, parity', 0, 2, '5', { 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity': '' }, 8],
  ] as const)('isolated emulator thread: %s', (_n, cores, io, userCpu, annotations, expected) => {
    const resources = userCpu ? { requests: { cpu: userCpu }, limits: { cpu: userCpu } } : {};
    const v = vmiOf({ domain: { devices: {}, cpu: { cores, dedicatedCpuPlacement: true, isolateEmulatorThread: true }, ioThreadsPolicy: 'supplementalPool', ioThreads: { supplementalPoolThreadCount: io }, resources } }, annotations ? { annotations: { ...annotations } } : {});
    const { res } = render(v);
    expect(res.limits?.['cpu']).toBe(String(expected));
    expect(res.requests['cpu']).toBe(String(expected));
  });
  it('dedicated cores 2 + 4 I/O threads + emulator thread: limit 7', () => {
    const v = vmiOf({ domain: { devices: {}, cpu: { cores: 2, dedicatedCpuPlacement: true, isolateEmulatorThread: true }, ioThreadsPolicy: 'supplementalPool', ioThreads: { supplementalPoolThreadCount: 4 } } });
    expect(render(v).res.limits?.['cpu']).toBe('7');
  });
  it('host devices and GPUs by device plugin, and DRA claims', () => {
    const v = vmiOf({ domain: { devices: { hostDevices: [{ name: 'a', deviceName: 'pci-device' }, { name: 'b', claimName: 'dra-claim', requestName: 'dra-request' }], gpus: [{ name: 'g', deviceName: 'nvidia-gpu' }, { name: 'h', claimName: 'gpu-claim', requestName: 'gpu-request' }] } } });
    const { res } = render(v);
    expect(res.limits?.['pci-device']).toBe('1');
    expect(res.requests['pci-device']).toBe('1');
    expect(res.limits?.['nvidia-gpu']).toBe('1');
    expect(res.claims).toEqual([{ name: 'gpu-claim', request: 'gpu-request' }, { name: 'dra-claim', request: 'dra-request' }]);
    // v1.8: the DRA gates are Alpha, so no claims without listing them.
    expect(render(v, { version: 'v1.8.4' }).res.claims).toBeUndefined();
  });
  it('SEV, TDX, pr-helper and IOMMUFD device resources', () => {
    expect(render(vmiOf({ domain: { devices: {}, launchSecurity: { sev: {} } } })).res.limits?.['devices.kubevirt.io/sev']).toBe('1');
    expect(render(vmiOf({ domain: { devices: {}, launchSecurity: { tdx: {} } } })).res.requests['devices.kubevirt.io/tdx']).toBe('1');
    expect(render(vmiOf({ domain: { devices: {}, launchSecurity: { tdx: {} } } }), { version: 'v1.8.4' }).res.requests['devices.kubevirt.io/tdx']).toBeUndefined();
    expect(render(vmiOf({ domain: { devices: { disks: [{ name: 'l', lun: { reservation: true } }] } } })).res.limits?.['devices.kubevirt.io/pr-helper']).toBe('1');
    expect(render(vmiOf(), { configuration: { developerConfiguration: { featureGates: ['IOMMUFD'] } } }).res.limits?.['devices.kubevirt.io/iommufd']).toBe('1');
  });
  it('requests the backend device: devices.kubevirt.io/mshv on an MSHV cluster, none under emulation', () => {
    expect(render(vmiOf(), { backend: 'mshv' }).res.limits?.['devices.kubevirt.io/mshv']).toBe('1');
    const emu = render(vmiOf({ domain: { devices: { interfaces: [{ name: 'default', bridge: {} }] } } }), { backend: 'mshv', configuration: { developerConfiguration: { useEmulation: true } } }).res;
    expect(emu.limits).toEqual({ 'devices.kubevirt.io/tun': '1' });
  });
  it('says when Multus network resources cannot be shown', () => {
    expect(launcherResourceNotes(vmiOf({ networks: [{ name: 'default', pod: {} }] }))).toEqual([]);
    const notes = launcherResourceNotes(vmiOf({ networks: [{ name: 'default', pod: {} }, { name: 'sriov-net', multus: { networkName: 'sriov/sriov-network' } }] }));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('sriov-net');
  });
});
