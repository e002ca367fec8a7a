// Devices: for each of KubeVirt's device checks (vmi-create-admitter.go, grace_io_virtualization.go,
// pkg/dra/admitter, pkg/virt-api/webhooks/{amd64,arm64,s390x}.go), a manifest it refuses with its
// exact causes and one it admits at the boundary, per release where they differ.
import { describe, expect, it } from 'vitest';
import { loadProfile, type VirtualMachineInstanceSpec } from '@l1vh/core';
import { validationContext } from '../../src/validate/context.js';
import { validateVirtualMachine, validateVirtualMachineInstance } from '../../src/validate/validate.js';
import { admitSpec, printed, sortCauses, specWith, type AdmitSpecOptions, type Cause } from '../support/spec-admission.js';

type Spec = Parameters<Parameters<typeof specWith>[0]>[0];
type Want = Omit<Cause, 'at'>;

const P = 'spec.template.spec';
const DEV = `${P}.domain.devices`;
const cause = (type: string, field: string, message: string): Want => ({ type, field, message });
const invalid = (field: string, message: string): Want => cause('FieldValueInvalid', field, message);

interface Case {
  name: string;
  edit: (s: Spec) => void;
  opts?: AdmitSpecOptions;
  want: Want[];
}

const ramfbGpus = (ramFB: Record<string, unknown> | undefined) =>
  [0, 1].map((i) => ({ name: `g${i}`, deviceName: 'nvidia.com/GRID', virtualGPUOptions: { display: ramFB === undefined ? {} : { ramFB } } }));

const GRACE_CONFIG = { permittedHostDevices: { pciHostDevices: [{ pciVendorSelector: '10de:2342', resourceName: 'nvidia.com/GH100' }, { pciVendorSelector: '10DE:*', resourceName: 'nvidia.com/ANY' }] } };

const CASES: Case[] = [
  {
    name: 'input of type mouse on the ps2 bus',
    edit: (s) => (s.domain.devices.inputs = [{ name: 'm', type: 'mouse', bus: 'ps2' }]),
    want: [invalid(`${DEV}.inputs[0].bus`, 'Input device can have only virtio or usb bus.'), invalid(`${DEV}.inputs[0].type`, 'Input device can have only tablet type.')],
  },
  { name: 'accepts a virtio tablet', edit: (s) => (s.domain.devices.inputs = [{ name: 't', type: 'tablet', bus: 'virtio' }]), want: [] },
  {
    name: 'sound model sb16, and a sound device without a name',
    edit: (s) => (s.domain.devices.sound = { model: 'sb16' }),
    want: [invalid(`${P}.Sound`, "Sound device type is not supported. Options: 'ich9' or 'ac97'"), invalid(`${P}.Sound`, 'Sound device requires a name field.')],
  },
  { name: 'accepts sound model ac97', edit: (s) => (s.domain.devices.sound = { name: 's', model: 'ac97' }), want: [] },
  { name: 'accepts a watchdog with any action (KubeVirt does not check it)', edit: (s) => (s.domain.devices.watchdog = { name: 'w', i6300esb: { action: 'explode' } }), want: [] },
  { name: 'accepts GPUs without any gate', edit: (s) => (s.domain.devices.gpus = [{ name: 'g', deviceName: 'nvidia.com/GP100' }]), want: [] },
  {
    name: 'host devices without the HostDevices gate',
    edit: (s) => (s.domain.devices.hostDevices = [{ name: 'h', deviceName: 'vendor.com/x' }]),
    want: [invalid(`${P}.HostDevices`, 'Host Devices feature gate is not enabled in kubevirt-config')],
  },
  { name: 'accepts host devices with the HostDevices gate', edit: (s) => (s.domain.devices.hostDevices = [{ name: 'h', deviceName: 'vendor.com/x' }]), opts: { gates: ['HostDevices'] }, want: [] },
  {
    name: 'two ramfb displays with ramFB left unset (main counts them)',
    edit: (s) => (s.domain.devices.gpus = ramfbGpus({})),
    want: [invalid(`${P}.GPUs`, 'configuring multiple displays with ramfb is not valid ')],
  },
  {
    name: 'v1.9: the VM webhook counts only ramFB set to true, but the VMI defaults set it and the VMI webhook refuses',
    edit: (s) => (s.domain.devices.gpus = ramfbGpus({})),
    opts: { version: 'v1.9' },
    want: [invalid('spec.GPUs', 'configuring multiple displays with ramfb is not valid ')],
  },
  {
    name: 'v1.9 refuses two explicitly enabled ramfb displays',
    edit: (s) => (s.domain.devices.gpus = ramfbGpus({ enabled: true })),
    opts: { version: 'v1.9' },
    want: [invalid(`${P}.GPUs`, 'configuring multiple displays with ramfb is not valid ')],
  },
  { name: 'accepts two displays with ramfb disabled', edit: (s) => (s.domain.devices.gpus = ramfbGpus({ enabled: false })), want: [] },
  {
    name: 'VSOCK without its gate',
    edit: (s) => (s.domain.devices.autoattachVSOCK = true),
    want: [invalid(`${DEV}.autoattachVSOCK`, 'VSOCK feature gate is not enabled in kubevirt-config')],
  },
  { name: 'accepts autoattachVSOCK false without the gate', edit: (s) => (s.domain.devices.autoattachVSOCK = false), want: [] },
  {
    name: 'downward metrics device without its gate',
    edit: (s) => (s.domain.devices.downwardMetrics = {}),
    want: [invalid(`${DEV}.downwardMetrics`, 'downwardMetrics virtio serial is not allowed: DownwardMetrics feature gate is not enabled')],
  },
  { name: 'accepts the downward metrics device with its gate', edit: (s) => (s.domain.devices.downwardMetrics = {}), opts: { gates: ['DownwardMetrics'] }, want: [] },
  {
    name: 'video with graphics turned off',
    edit: (s) => {
      s.domain.devices.video = { type: 'virtio' };
      s.domain.devices.autoattachGraphicsDevice = false;
    },
    want: [invalid(`${P}.video`, 'Video configuration is not allowed when autoattachGraphicsDevice is set to false')],
  },
  { name: 'accepts a video type on main (VideoConfig is GA)', edit: (s) => (s.domain.devices.video = { type: 'virtio' }), want: [] },
  {
    name: 'v1.8 needs the VideoConfig gate listed',
    edit: (s) => (s.domain.devices.video = { type: 'virtio' }),
    opts: { version: 'v1.8' },
    want: [invalid(`${P}.video`, 'Video configuration is specified but the VideoConfig feature gate is not enabled')],
  },
  {
    name: 'unknown panic device model',
    edit: (s) => (s.domain.devices.panicDevices = [{ model: 'isa' }, { model: 'fancy' }]),
    want: [invalid(`${DEV}.panicDevices[1].model`, 'invalid PanicDeviceModel(fancy)')],
  },
  {
    name: 'panic devices on s390x',
    edit: (s) => {
      s.architecture = 's390x';
      s.domain.devices.panicDevices = [{ model: 'pvpanic' }];
    },
    want: [invalid(`${DEV}.panicDevices`, 'custom panic devices are not supported on s390x architecture')],
  },
  {
    name: 'v1.8 needs the PanicDevices gate listed',
    edit: (s) => (s.domain.devices.panicDevices = [{ model: 'pvpanic' }]),
    opts: { version: 'v1.8' },
    want: [invalid(`${DEV}.panicDevices`, 'Panic Devices feature gate is not enabled in kubevirt-config')],
  },
  { name: 'accepts a hyperv panic device', edit: (s) => (s.domain.devices.panicDevices = [{ model: 'hyperv' }]), want: [] },
  {
    name: 'Grace GPU without GraceIOVirtualization',
    edit: (s) => (s.domain.devices.gpus = [{ name: 'g', deviceName: 'nvidia.com/GH100' }]),
    opts: { configuration: GRACE_CONFIG },
    want: [invalid(`${DEV}.gpus[0].deviceName`, 'GraceIOVirtualization feature gate must be enabled for NVIDIA Grace GPU passthrough resource "nvidia.com/GH100"')],
  },
  {
    name: 'Grace GPU on amd64 with its gate, an ambiguous NVIDIA selector, and the root-complex annotation',
    edit: (s) => {
      s.domain.devices.gpus = [{ name: 'g', deviceName: 'nvidia.com/GH100' }];
      s.domain.devices.hostDevices = [{ name: 'h', deviceName: 'nvidia.com/ANY' }];
    },
    opts: { configuration: GRACE_CONFIG, gates: ['GraceIOVirtualization', 'HostDevices'], annotations: { 'kubevirt.io/placePCIDevicesOnRootComplex': 'true' } },
    want: [
      invalid(`${DEV}.hostDevices[0].deviceName`, 'GraceIOVirtualization requires an exact pciVendorSelector for NVIDIA PCI host device resource "nvidia.com/ANY"'),
      invalid(`${P}.architecture`, 'GraceIOVirtualization requires arm64 architecture'),
      invalid(`${P}.domain.machine.type`, 'GraceIOVirtualization requires "virt" machine type'),
      cause('FieldValueRequired', `${P}.domain.cpu.dedicatedCpuPlacement`, 'GraceIOVirtualization requires dedicated CPU placement'),
      invalid(DEV, 'PCINUMAAwareTopology feature gate must be enabled when GraceIOVirtualization is used'),
      invalid(DEV, 'IOMMUFD feature gate must be enabled when GraceIOVirtualization is used'),
      invalid('spec.template.metadata.annotations[kubevirt.io/placePCIDevicesOnRootComplex]', 'GraceIOVirtualization is not compatible with placing PCI devices on the root complex'),
    ],
  },
  { name: 'v1.8 has no Grace checks', edit: (s) => (s.domain.devices.gpus = [{ name: 'g', deviceName: 'nvidia.com/GH100' }]), opts: { version: 'v1.8', configuration: GRACE_CONFIG }, want: [] },
  {
    name: 'DRA and device-plugin GPUs mixed',
    edit: (s) => (s.domain.devices.gpus = [{ name: 'a', deviceName: 'nvidia.com/X' }, { name: 'b', claimName: 'c', requestName: 'r' }]),
    want: [invalid(`${DEV}.gpus`, 'vmi.spec.domain.devices.gpus contains both DRA and non-DRA GPUs; each GPU must be either DRA or non-DRA')],
  },
  {
    name: 'host device with neither a device name nor a claim, and one with both',
    edit: (s) => (s.domain.devices.hostDevices = [{ name: 'a' }, { name: 'b', deviceName: 'x', claimName: 'c' }]),
    opts: { gates: ['HostDevices'] },
    want: [
      cause('FieldValueRequired', `${DEV}.hostDevices`, 'vmi.spec.domain.devices.hostDevices contains HostDevices without deviceName or claimRequest; each HostDevice must specify either a deviceName or a claimRequest'),
      invalid(`${DEV}.hostDevices`, 'vmi.spec.domain.devices.hostDevices contains HostDevices with both deviceName and claimRequest'),
    ],
  },
  {
    name: 'v1.8 DRA GPUs need the GPUsWithDRA gate listed',
    edit: (s) => (s.domain.devices.gpus = [{ name: 'b', claimName: 'c', requestName: 'r' }]),
    opts: { version: 'v1.8' },
    want: [invalid(`${DEV}.gpus`, 'vmi.spec.domain.devices.gpus contains DRA enabled GPUs but feature gate is not enabled')],
  },
  {
    name: 'DRA GPU without a request name, duplicate pairs and an undeclared claim',
    edit: (s) => {
      s.domain.devices.gpus = [
        { name: 'a', claimName: 'c' },
        { name: 'b', claimName: 'c', requestName: 'r' },
        { name: 'd', claimName: 'c', requestName: 'r' },
      ];
      s.domain.devices.hostDevices = [{ name: 'h', claimName: 'c', requestName: 'r' }];
    },
    opts: { gates: ['HostDevices'] },
    want: [
      cause('FieldValueRequired', `${DEV}.gpus[0].requestName`, 'requestName is required for DRA GPU'),
      cause('FieldValueDuplicate', `${DEV}.gpus[2]`, 'duplicate claimName/requestName pair "c/r"'),
      cause('FieldValueDuplicate', `${DEV}.hostDevices[0]`, 'duplicate claimName/requestName pair "c/r" between GPUs[1] and HostDevices[0]'),
      invalid(`${P}.resourceClaims`, 'vmi.spec.resourceClaims must specify all claims used in vmi.spec.domain.devices.gpus and vmi.spec.domain.devices.hostDevices'),
    ],
  },
  {
    name: 'resource claims: empty name, duplicate, bad name, both and neither source',
    edit: (s) =>
      (s.resourceClaims = [
        { resourceClaimName: 'x' },
        { name: 'c', resourceClaimName: 'x' },
        { name: 'c', resourceClaimTemplateName: 't' },
        { name: 'Bad', resourceClaimName: 'x', resourceClaimTemplateName: 't' },
        { name: 'none' },
      ]),
    want: [
      cause('FieldValueRequired', `${P}.resourceClaims[0].name`, `${P}.resourceClaims[0].name is a required field`),
      cause('FieldValueDuplicate', `${P}.resourceClaims[2].name`, 'duplicate resourceClaims name "c"'),
      invalid(
        `${P}.resourceClaims[3].name`,
        `${P}.resourceClaims[3].name does not conform to the kubernetes DNS_LABEL rules: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ),
      invalid(`${P}.resourceClaims[3]`, 'at most one of resourceClaimName or resourceClaimTemplateName may be specified'),
      invalid(`${P}.resourceClaims[4]`, 'must specify one of: resourceClaimName, resourceClaimTemplateName'),
    ],
  },
  {
    name: 'accepts DRA GPUs with declared claims (GPUsWithDRA is Beta on main)',
    edit: (s) => {
      s.domain.devices.gpus = [{ name: 'a', claimName: 'c', requestName: 'r1' }, { name: 'b', claimName: 'c', requestName: 'r2' }];
      s.resourceClaims = [{ name: 'c', resourceClaimTemplateName: 'gpu-template' }];
    },
    want: [],
  },
];

describe('devices admission (VM webhook)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(printed(admitSpec(specWith(c.edit), c.opts))).toEqual(printed(sortCauses(c.want)));
    });
  }
});

describe('per-architecture device checks (VMI webhook)', () => {
  const vmi = (edit: (s: Spec) => void) => printed(admitSpec(specWith(edit), { kind: 'VirtualMachineInstance' })).filter((c) => c.field.includes('devices'));
  it('refuses a diag288 watchdog and an unknown video model on amd64', () => {
    expect(
      vmi((s) => {
        s.domain.devices.watchdog = { name: 'w', diag288: {} };
        s.domain.devices.video = { type: 'qxl' };
      }),
    ).toEqual([
      cause('FieldValueNotSupported', 'spec.domain.devices.video.type', "video model 'qxl' is not supported on amd64 architecture"),
      cause('FieldValueNotSupported', 'spec.domain.devices.watchdog', 'amd64 only supports I6300ESB watchdog device'),
    ]);
  });
  it('accepts an i6300esb watchdog and a bochs video device on amd64', () => {
    expect(
      vmi((s) => {
        s.domain.devices.watchdog = { name: 'w', i6300esb: {} };
        s.domain.devices.video = { type: 'bochs' };
      }),
    ).toEqual([]);
  });
  it('refuses any watchdog, sound and a vga video device on arm64', () => {
    expect(
      vmi((s) => {
        s.architecture = 'arm64';
        s.domain.devices.watchdog = { name: 'w', i6300esb: {} };
        s.domain.devices.sound = { name: 's' };
        s.domain.devices.video = { type: 'vga' };
      }),
    ).toEqual([
      cause('FieldValueNotSupported', 'spec.domain.devices.sound', 'Arm64 not support sound device'),
      cause('FieldValueNotSupported', 'spec.domain.devices.video.type', "video model 'vga' is not supported on arm64 architecture"),
      cause('FieldValueNotSupported', 'spec.domain.devices.watchdog', 'Arm64 not support Watchdog device'),
    ]);
  });
  it('a VM gets them from the VMI webhook: printed spec.…, pointing into the template', () => {
    expect(admitSpec(specWith((s) => (s.domain.devices.video = { type: 'qxl' })))).toEqual([
      {
        type: 'FieldValueNotSupported',
        field: 'spec.domain.devices.video.type',
        message: "video model 'qxl' is not supported on amd64 architecture",
        at: ['spec', 'template', 'spec', 'domain', 'devices', 'video', 'type'],
      },
    ]);
  });
});

describe('odd input', () => {
  it('mistyped device, disk, interface and volume fields never throw: they read as Go zero values', () => {
    // The loader refuses such manifests (type findings); the validators must still not throw on them.
    const odd = specWith((s) => {
      s.domain.devices.disks.push('not-a-disk' as never, { name: 7, disk: 'x', blockSize: { custom: 'big' }, bootOrder: 'first' } as never);
      s.domain.devices.interfaces.push({ name: ['x'], ports: 'all', dhcpOptions: { privateOptions: [null, 'x'] } } as never);
      s.domain.devices.gpus = [null, 3] as never;
      s.domain.devices.inputs = 'tablet' as never;
      s.domain.devices.sound = 'loud' as never;
      s.volumes.push({ name: 'ci', cloudInitNoCloud: { userData: 5, userDataBase64: {} } } as never);
      s.networks.push({ name: null, multus: 'x' } as never);
      s.resourceClaims = [7] as never;
    }) as unknown as VirtualMachineInstanceSpec;
    const ctx = validationContext(loadProfile([], []).profile);
    const vm = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine' as const, metadata: {}, spec: { runStrategy: 'Always', template: { metadata: {}, spec: odd } } };
    const vmi = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance' as const, metadata: {}, spec: odd };
    // The string disk reads as a disk without a name: no volume matches it, and '' is no DNS label.
    expect(validateVirtualMachine(vm, ctx).map((c) => c.field)).toContain('spec.template.spec.domain.devices.disks[2].name');
    expect(validateVirtualMachineInstance(vmi, [], ctx).map((c) => c.field)).toContain('spec.domain.devices.disks[2].name');
  });
});
