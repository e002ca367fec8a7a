// Interfaces and networks: for each check of KubeVirt's network admitter (pkg/network/admitter), a
// manifest it refuses with its exact causes and one it admits at the boundary, per release where
// they differ.
import { describe, expect, it } from 'vitest';
import { admitSpec, printed, sortCauses, specWith, type AdmitSpecOptions, type Cause } from '../support/spec-admission.js';

type Spec = Parameters<Parameters<typeof specWith>[0]>[0];
type Want = Omit<Cause, 'at'>;

const P = 'spec.template.spec';
const I = `${P}.domain.devices.interfaces`;
const N = `${P}.networks`;
const cause = (type: string, field: string, message: string): Want => ({ type, field, message });
const invalid = (field: string, message: string): Want => cause('FieldValueInvalid', field, message);

interface Case {
  name: string;
  edit: (s: Spec) => void;
  opts?: AdmitSpecOptions;
  want: Want[];
}

const multus = (name: string, extra: Record<string, unknown> = {}) => ({ name, multus: { networkName: `ns/${name}`, ...extra } });

const CASES: Case[] = [
  {
    name: 'two pod networks',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'p2', masquerade: {} });
      s.networks.push({ name: 'p2', pod: {} });
    },
    want: [cause('FieldValueDuplicate', `${P}.interfaces`, `more than one interface is connected to a pod network in ${P}.interfaces`)],
  },
  {
    name: 'accepts a pod network and a secondary multus network',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'sec', bridge: {} });
      s.networks.push(multus('sec'));
    },
    want: [],
  },
  {
    name: 'two multus default networks, beside the pod network',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'm1', bridge: {} }, { name: 'm2', bridge: {} });
      s.networks.push(multus('m1', { default: true }), multus('m2', { default: true }));
    },
    want: [invalid(N, 'Multus CNI should only have one default network'), invalid(N, 'Pod network cannot be defined when Multus default network is defined')],
  },
  {
    name: 'network without a type, and one with two',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'none', bridge: {} }, { name: 'both', bridge: {} });
      s.networks.push({ name: 'none' }, { name: 'both', pod: {}, multus: { networkName: 'x' } });
    },
    want: [
      cause('FieldValueDuplicate', `${P}.interfaces`, `more than one interface is connected to a pod network in ${P}.interfaces`),
      cause('FieldValueRequired', `${N}[1]`, 'should have a network type'),
      cause('FieldValueRequired', `${N}[2]`, 'should have only one network type'),
    ],
  },
  {
    name: 'multus network without a network name',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'sec', bridge: {} });
      s.networks.push({ name: 'sec', multus: { networkName: '' } });
    },
    want: [cause('FieldValueRequired', `${N}[1]`, 'CNI delegating plugin must have a networkName')],
  },
  {
    name: 'unsupported interface state, and absent on a non-bridge default interface',
    edit: (s) => {
      s.domain.devices.interfaces[0]!.state = 'absent';
      s.domain.devices.interfaces.push({ name: 'sec', bridge: {}, state: 'sleeping' });
      s.networks.push(multus('sec'));
    },
    want: [
      invalid(`${I}[0].state`, `"default" interface's state "absent" is supported only for bridge binding`),
      invalid(`${I}[0].state`, `"default" interface's state "absent" is not supported on default networks`),
      invalid(`${I}[1].state`, 'logical sec interface state value is unsupported: sleeping'),
    ],
  },
  {
    name: 'link state on an SR-IOV interface',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'vf', sriov: {}, state: 'down' });
      s.networks.push(multus('vf'));
    },
    want: [invalid(`${I}[1].state`, `"vf" interface's state "down" is not supported for SR-IOV NICs`)],
  },
  {
    name: 'accepts a secondary bridge interface that is absent',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'sec', bridge: {}, state: 'absent' });
      s.networks.push(multus('sec'));
    },
    want: [],
  },
  {
    name: 'interface without a binding, and one with two (main)',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'none' }, { name: 'two', bridge: {}, binding: { name: 'plugin' } });
      s.networks.push(multus('none'), multus('two'));
    },
    want: [
      invalid(`${I}[1]`, 'logical none interface must have exactly one binding method or binding plugin'),
      invalid(`${I}[2]`, 'logical two interface must have exactly one binding method or binding plugin'),
    ],
  },
  {
    name: 'v1.8 only refuses a binding plugin beside a binding method',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'none' }, { name: 'two', bridge: {}, binding: { name: 'plugin' } });
      s.networks.push(multus('none'), multus('two'));
    },
    opts: { version: 'v1.8' },
    want: [invalid(`${I}[2].binding`, 'logical two interface cannot have both binding plugin and interface binding method')],
  },
  {
    name: 'masquerade on a multus network, and with the reserved MAC',
    edit: (s) => {
      s.domain.devices.interfaces[0]!.macAddress = '02:00:00:00:00:00';
      s.domain.devices.interfaces.push({ name: 'sec', masquerade: {} });
      s.networks.push(multus('sec'));
    },
    want: [
      invalid(`${I}[0].macAddress`, 'The requested MAC address is reserved for the in-pod bridge. Please choose another one.'),
      invalid(`${I}[1].name`, 'Masquerade interface only implemented with pod network'),
    ],
  },
  {
    name: 'bridge on the pod network when the cluster forbids it',
    edit: (s) => (s.domain.devices.interfaces[0] = { name: 'default', bridge: {} }),
    opts: { configuration: { network: { permitBridgeInterfaceOnPodNetwork: false } } },
    want: [invalid(`${I}[0].name`, 'Bridge on pod network configuration is not enabled under kubevirt-config')],
  },
  { name: 'accepts bridge on the pod network by default', edit: (s) => (s.domain.devices.interfaces[0] = { name: 'default', bridge: {} }), want: [] },
  {
    name: 'passt binding on a multus network, and with the PasstBinding gate disabled',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'sec', passtBinding: {} });
      s.networks.push(multus('sec'));
    },
    opts: { configuration: { developerConfiguration: { disabledFeatureGates: ['PasstBinding'] } } },
    want: [invalid(`${I}[1].name`, 'PasstBinding feature gate is not enabled'), invalid(`${I}[1].name`, 'PasstBinding interface only implemented with pod network')],
  },
  { name: 'accepts passt binding on the pod network (Beta, on by default)', edit: (s) => (s.domain.devices.interfaces[0] = { name: 'default', passtBinding: {} }), want: [] },
  {
    name: 'v1.8 needs the PasstBinding gate listed',
    edit: (s) => (s.domain.devices.interfaces[0] = { name: 'default', passtBinding: {} }),
    opts: { version: 'v1.8' },
    want: [invalid(`${I}[0].name`, 'PasstBinding feature gate is not enabled')],
  },
  {
    name: 'duplicate network names',
    edit: (s) => s.networks.push({ name: 'default', pod: {} }),
    want: [
      cause('FieldValueDuplicate', `${P}.interfaces`, `more than one interface is connected to a pod network in ${P}.interfaces`),
      cause('FieldValueDuplicate', `${N}[1].name`, 'Network with name "default" already exists, every network must have a unique name'),
    ],
  },
  {
    name: 'network without an interface',
    edit: (s) => s.networks.push(multus('second')),
    want: [cause('FieldValueRequired', `${N}[1].name`, `${N}[1].name 'second' not found.`)],
  },
  {
    name: 'interface without a network',
    edit: (s) => s.domain.devices.interfaces.push({ name: 'orphan', bridge: {} }),
    want: [invalid(`${I}[1].name`, `${I}[1].name 'orphan' not found.`)],
  },
  {
    name: 'two interfaces on one network',
    edit: (s) => s.domain.devices.interfaces.push({ name: 'default', masquerade: {} }),
    want: [cause('FieldValueDuplicate', `${I}[1].name`, 'Only one interface can be connected to one specific network')],
  },
  {
    name: 'interface name with a dot',
    edit: (s) => {
      s.domain.devices.interfaces[0]!.name = 'eth.0';
      s.networks[0]!.name = 'eth.0';
    },
    want: [invalid(`${I}[0].name`, 'Network interface name can only contain alphabetical characters, numbers, dashes (-) or underscores (_)')],
  },
  {
    name: 'accepts an interface name with dashes and underscores',
    edit: (s) => {
      s.domain.devices.interfaces[0]!.name = 'Eth-0_a';
      s.networks[0]!.name = 'Eth-0_a';
    },
    want: [],
  },
  {
    name: 'unknown interface model',
    edit: (s) => (s.domain.devices.interfaces[0]!.model = 'vmxnet3'),
    want: [cause('FieldValueNotSupported', `${I}[0].model`, `interface ${I}[0].name uses model vmxnet3 that is not supported.`)],
  },
  { name: 'accepts model ne2k_pci', edit: (s) => (s.domain.devices.interfaces[0]!.model = 'ne2k_pci'), want: [] },
  {
    name: 'malformed MAC address',
    edit: (s) => (s.domain.devices.interfaces[0]!.macAddress = 'zz:zz:zz:zz:zz:zz'),
    want: [invalid(`${I}[0].macAddress`, `interface ${I}[0].name has malformed MAC address (zz:zz:zz:zz:zz:zz).`)],
  },
  {
    name: 'MAC address with mixed separators',
    edit: (s) => (s.domain.devices.interfaces[0]!.macAddress = '02:00-00:00:00:01'),
    want: [invalid(`${I}[0].macAddress`, `interface ${I}[0].name has malformed MAC address (02:00-00:00:00:01).`)],
  },
  {
    name: 'EUI-64 MAC address (too long)',
    edit: (s) => (s.domain.devices.interfaces[0]!.macAddress = '02:00:00:00:00:00:00:01'),
    want: [invalid(`${I}[0].macAddress`, `interface ${I}[0].name has too long MAC address (02:00:00:00:00:00:00:01).`)],
  },
  { name: 'accepts a dash-separated MAC address', edit: (s) => (s.domain.devices.interfaces[0]!.macAddress = '02-00-5E-10-00-01'), want: [] },
  { name: 'accepts a dotted MAC address', edit: (s) => (s.domain.devices.interfaces[0]!.macAddress = '0200.5e10.0001'), want: [] },
  {
    name: 'malformed interface PCI address',
    edit: (s) => (s.domain.devices.interfaces[0]!.pciAddress = '0000:zz:00.0'),
    want: [invalid(`${I}[0].pciAddress`, `interface ${I}[0].name has malformed PCI address (0000:zz:00.0).`)],
  },
  {
    name: 'PCI address with function 8',
    edit: (s) => (s.domain.devices.interfaces[0]!.pciAddress = '0000:00:0a.8'),
    want: [invalid(`${I}[0].pciAddress`, `interface ${I}[0].name has malformed PCI address (0000:00:0a.8).`)],
  },
  { name: 'accepts PCI address 0000:ff:1f.7', edit: (s) => (s.domain.devices.interfaces[0]!.pciAddress = '0000:ff:1f.7'), want: [] },
  {
    name: 'port 70000',
    edit: (s) => (s.domain.devices.interfaces[0]!.ports = [{ port: 70000 }]),
    want: [invalid(`${I}[0].ports[0].port`, 'Port field must be in range 0 < x < 65536.')],
  },
  {
    name: 'port 65536 (main)',
    edit: (s) => (s.domain.devices.interfaces[0]!.ports = [{ port: 65536 }]),
    want: [invalid(`${I}[0].ports[0].port`, 'Port field must be in range 0 < x < 65536.')],
  },
  { name: 'v1.8 accepts port 65536', edit: (s) => (s.domain.devices.interfaces[0]!.ports = [{ port: 65536 }]), opts: { version: 'v1.8' }, want: [] },
  {
    name: 'v1.8 prints the port entry, not its port field',
    edit: (s) => (s.domain.devices.interfaces[0]!.ports = [{ port: 70000 }, { port: 0 }]),
    opts: { version: 'v1.8' },
    want: [invalid(`${I}[0].ports[0]`, 'Port field must be in range 0 < x < 65536.'), cause('FieldValueRequired', `${I}[0].ports[1]`, 'Port field is mandatory.')],
  },
  { name: 'accepts port 65535', edit: (s) => (s.domain.devices.interfaces[0]!.ports = [{ port: 65535, protocol: 'UDP', name: 'dns-1' }]), want: [] },
  {
    name: 'port 0, bad protocol, duplicate and invalid port names',
    edit: (s) =>
      (s.domain.devices.interfaces[0]!.ports = [
        { name: 'http', port: 80 },
        { name: 'http', port: 0, protocol: 'SCTP' },
        { name: '1234', port: 81 },
      ]),
    want: [
      cause('FieldValueDuplicate', `${I}[0].ports[1].name`, 'Duplicate name of the port: http'),
      cause('FieldValueRequired', `${I}[0].ports[1].port`, 'Port field is mandatory.'),
      invalid(`${I}[0].ports[1].protocol`, 'Unknown protocol, only TCP or UDP allowed'),
      invalid(`${I}[0].ports[2].name`, 'Invalid name of the port: 1234'),
    ],
  },
  {
    name: 'port ranges without the PortRangesSpec gate',
    edit: (s) => (s.domain.devices.interfaces[0]!.portRanges = [{ protocol: 'TCP', start: 1000, end: 2000 }]),
    want: [invalid(`${I}[0].name`, 'portRanges is specified on interface but the PortRangesSpec feature gate is not enabled')],
  },
  {
    name: 'overlapping port ranges, a bad range and ports beside them',
    edit: (s) => {
      s.domain.devices.interfaces[0]!.ports = [{ port: 80 }];
      s.domain.devices.interfaces[0]!.portRanges = [
        { protocol: 'TCP', start: 1000, end: 2000 },
        { protocol: 'TCP', start: 1500, end: 2500 },
        { protocol: 'TCP', start: 3000, end: 2999 },
        { protocol: 'UDP', start: 0, end: 10 },
      ];
    },
    opts: { gates: ['PortRangesSpec'] },
    want: [
      invalid(`${I}[0].name`, 'Cannot define both ports and portRanges on interface'),
      invalid(`${I}[0].portRanges[2].start`, 'Start must be less than or equal to end'),
      invalid(`${I}[0].portRanges[3].start`, 'Start must be a valid port number, 0 < x < 65536'),
      invalid(`${I}[0].portRanges`, 'TCP portRanges [1000-2000] and [1500-2500] overlap'),
    ],
  },
  {
    name: 'accepts adjacent port ranges with the gate',
    edit: (s) => (s.domain.devices.interfaces[0]!.portRanges = [{ protocol: 'TCP', start: 1000, end: 1999 }, { protocol: 'TCP', start: 2000, end: 65535 }]),
    opts: { gates: ['PortRangesSpec'] },
    want: [],
  },
  {
    name: 'DHCP private options out of range and duplicated, NTP server not IPv4',
    edit: (s) => (s.domain.devices.interfaces[0]!.dhcpOptions = { privateOptions: [{ option: 240, value: 'a' }, { option: 240, value: 'b' }, { option: 255, value: 'c' }], ntpServers: ['::1', '10.0.0.01'] }),
    want: [
      invalid(P, 'Found Duplicates: you have provided duplicate DHCPPrivateOptions'),
      invalid(P, 'provided DHCPPrivateOptions are out of range, must be in range 224 to 254'),
      invalid(`${I}[0].dhcpOptions.ntpServers[0]`, 'NTP servers must be a list of valid IPv4 addresses.'),
      invalid(`${I}[0].dhcpOptions.ntpServers[1]`, 'NTP servers must be a list of valid IPv4 addresses.'),
    ],
  },
  {
    name: 'accepts DHCP options 224 and 254 and an IPv4 NTP server',
    edit: (s) => (s.domain.devices.interfaces[0]!.dhcpOptions = { privateOptions: [{ option: 224, value: 'a' }, { option: 254, value: 'b' }], ntpServers: ['10.0.0.1'] }),
    want: [],
  },
  {
    name: 'DRA network without its gate',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'dra', sriov: {} });
      s.networks.push({ name: 'dra', resourceClaim: { claimName: 'c', requestName: 'r' } });
    },
    want: [invalid(N, 'vmi.spec.networks contains DRA networks but NetworkDevicesWithDRA feature gate is not enabled')],
  },
  {
    name: 'DRA network on a bridge interface, without a request name, and an unknown claim',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'dra1', bridge: {} }, { name: 'dra2', sriov: {} });
      s.networks.push({ name: 'dra1', resourceClaim: { claimName: 'c' } }, { name: 'dra2', resourceClaim: { claimName: 'missing', requestName: 'r' } });
    },
    opts: { gates: ['NetworkDevicesWithDRA'] },
    want: [
      invalid(`${I}`, 'DRA network "dra1" requires an SR-IOV or binding plugin interface'),
      cause('FieldValueRequired', `${N}[1].resourceClaim.requestName`, 'requestName is required for DRA network'),
      cause('FieldValueNotFound', `${N}[2].resourceClaim.claimName`, 'network references resourceClaim "missing" which is not defined in spec.resourceClaims'),
    ],
  },
  {
    name: 'accepts an SR-IOV DRA network with its claim and gate',
    edit: (s) => {
      s.domain.devices.interfaces.push({ name: 'dra', sriov: {} });
      s.networks.push({ name: 'dra', resourceClaim: { claimName: 'c', requestName: 'r' } });
      s.resourceClaims = [{ name: 'c', resourceClaimName: 'claim-1' }];
    },
    opts: { gates: ['NetworkDevicesWithDRA'] },
    want: [],
  },
];

describe('interfaces and networks admission (VM webhook)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(printed(admitSpec(specWith(c.edit), c.opts))).toEqual(printed(sortCauses(c.want)));
    });
  }
});

describe('discontinued bindings', () => {
  it('the VM webhook refuses a slirp interface alone, printing spec.… for the template', () => {
    const spec = specWith((s) => {
      s.domain.devices.interfaces[0] = { name: 'default', slirp: {} };
      s.domain.devices.disks[0]!.disk = { bus: 'ide' };
    });
    expect(admitSpec(spec)).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec.domain.devices.interfaces[0].slirp',
        message: 'Slirp interface support has been discontinued since v1.3',
        at: ['spec', 'template', 'spec', 'domain', 'devices', 'interfaces', 0, 'slirp'],
      },
    ]);
  });
  it('a listed Passt gate refuses the old passt binding with its own message, before the binding check', () => {
    const spec = specWith((s) => (s.domain.devices.interfaces[0] = { name: 'default', passt: {} }));
    expect(printed(admitSpec(spec, { gates: ['Passt'] }))).toEqual([
      { type: 'FieldValueNotSupported', field: '', message: 'Passt network binding is discontinued since v1.3. Please refer to Kubevirt user guide for alternatives.' },
    ]);
  });
  it('the VMI webhook reports the discontinued binding beside the other network causes', () => {
    const spec = specWith((s) => (s.domain.devices.interfaces[0] = { name: 'default', macvtap: {} }));
    expect(printed(admitSpec(spec, { kind: 'VirtualMachineInstance' }))).toEqual(
      sortCauses([
        invalid('spec.domain.devices.interfaces[0]', 'logical default interface must have exactly one binding method or binding plugin'),
        invalid('spec.domain.devices.interfaces[0].macvtap', 'Macvtap network binding has been discontinued since v1.3'),
      ]),
    );
  });
});
