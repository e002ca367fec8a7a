// Interfaces and networks: KubeVirt's network admitter (pkg/network/admitter: Validator.Validate
// — netsource.go, admit.go, binding.go, passt.go, dra.go, netiface.go — and ValidateCreation's
// discontinued.go).

import type { VersionKey } from '../../profile/versions.js';
import { bridgeOnPodNetworkPermitted } from '../../defaults/cluster-settings.js';
import { FieldPath, type AdmissionCause } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { isPciAddress, isValidPortName, macAddressError } from './formats.js';
import { bool, isSet, num, rec, recs, str, strs } from './go-read.js';
import type { SpecValidator, ValidationSubject } from './index.js';

type Rec = Record<string, unknown>;

interface NetworkRules {
  /** main/v1.9: exactly one binding per interface; v1.8: only "not both a plugin and a method". */
  exactlyOneBinding: boolean;
  /** The port range check: v1.8 accepts 65536 and prints `ports[i]`, later `ports[i].port`. */
  portUpperBound: number;
  portFieldHasPortChild: boolean;
  /** DRA networks, portRanges and their gates exist (v1.9+). */
  draNetworks: boolean;
  portRanges: boolean;
}

const NETWORK_RULES: Record<VersionKey, NetworkRules> = {
  'v1.8': { exactlyOneBinding: false, portUpperBound: 65536, portFieldHasPortChild: false, draNetworks: false, portRanges: false },
  'v1.9': { exactlyOneBinding: true, portUpperBound: 65535, portFieldHasPortChild: true, draNetworks: true, portRanges: true },
  main: { exactlyOneBinding: true, portUpperBound: 65535, portFieldHasPortChild: true, draNetworks: true, portRanges: true },
};

const INTERFACE_MODELS = ['e1000', 'e1000e', 'igb', 'ne2k_pci', 'pcnet', 'rtl8139', 'virtio'];
const INTERFACE_STATES = ['', 'absent', 'down', 'up'];
const INTERFACE_NAME = /^[A-Za-z0-9-_]+$/;
const RESERVED_MASQUERADE_MAC = '02:00:00:00:00:00';
const MAX_PORT_RANGES = 10;

/** discontinued.go: bindings KubeVirt no longer implements. */
const DISCONTINUED_BINDINGS = [
  { key: 'slirp', message: 'Slirp interface support has been discontinued since v1.3' },
  { key: 'passt', message: 'Passt network binding has been discontinued since v1.3' },
  { key: 'macvtap', message: 'Macvtap network binding has been discontinued since v1.3' },
] as const;

interface Net {
  spec: Rec;
  field: FieldPath;
  interfaces: Rec[];
  networks: Rec[];
  /** IndexNetworkSpecByName: the last network of a name wins. */
  networkByName: Map<string, Rec>;
  ifacesAt: FieldPath;
  netsAt: FieldPath;
}

function netView(field: FieldPath, spec: Rec): Net {
  const interfaces = recs(rec(rec(spec.domain).devices).interfaces);
  const networks = recs(spec.networks);
  const networkByName = new Map<string, Rec>();
  for (const n of networks) networkByName.set(str(n.name), n);
  return { spec, field, interfaces, networks, networkByName, ifacesAt: field.child('domain', 'devices', 'interfaces'), netsAt: field.child('networks') };
}

const isPod = (n: Rec | undefined): boolean => isSet(n?.pod);
const isMultusDefault = (n: Rec): boolean => isSet(n.multus) && bool(rec(n.multus).default);
const isDra = (n: Rec): boolean => isSet(n.resourceClaim);

// ---- netsource.go -------------------------------------------------------------------------

function networkSourceCauses(v: Net, rules: NetworkRules): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const pods = v.networks.filter((n) => isPod(n));
  const multusDefaults = v.networks.filter(isMultusDefault);
  if (pods.length > 1) {
    const printed = v.field.child('interfaces');
    causes.push(v.netsAt.cause('FieldValueDuplicate', `more than one interface is connected to a pod network in ${printed}`, printed.toString()));
  }
  if (multusDefaults.length > 1) causes.push(v.netsAt.cause('FieldValueInvalid', 'Multus CNI should only have one default network'));
  if (pods.length > 0 && multusDefaults.length > 0) causes.push(v.netsAt.cause('FieldValueInvalid', 'Pod network cannot be defined when Multus default network is defined'));
  v.networks.forEach((n, idx) => {
    const count = [isPod(n), isSet(n.multus), rules.draNetworks && isDra(n)].filter(Boolean).length;
    if (count === 0) causes.push(v.netsAt.index(idx).cause('FieldValueRequired', 'should have a network type'));
    else if (count > 1) causes.push(v.netsAt.index(idx).cause('FieldValueRequired', 'should have only one network type'));
  });
  const unnamed = v.networks.findIndex((n) => isSet(n.multus) && str(rec(n.multus).networkName) === '');
  if (unnamed >= 0) causes.push(v.netsAt.index(unnamed).cause('FieldValueRequired', 'CNI delegating plugin must have a networkName'));
  return causes;
}

// ---- admit.go: interface state ------------------------------------------------------------

function stateCauses(v: Net): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const defaultNetwork = v.networks.find((n) => isPod(n) || isMultusDefault(n));
  v.interfaces.forEach((iface, idx) => {
    const state = str(iface.state);
    const name = str(iface.name);
    const at = v.ifacesAt.index(idx).child('state');
    if (!INTERFACE_STATES.includes(state)) causes.push(at.cause('FieldValueInvalid', `logical ${name} interface state value is unsupported: ${state}`));
    if (isSet(iface.sriov) && (state === 'down' || state === 'up')) {
      causes.push(at.cause('FieldValueInvalid', `${JSON.stringify(name)} interface's state ${JSON.stringify(state)} is not supported for SR-IOV NICs`));
    }
    if (state === 'absent' && !isSet(iface.bridge)) {
      causes.push(at.cause('FieldValueInvalid', `${JSON.stringify(name)} interface's state "absent" is supported only for bridge binding`));
    }
    if (state === 'absent' && defaultNetwork && str(defaultNetwork.name) === name) {
      causes.push(at.cause('FieldValueInvalid', `${JSON.stringify(name)} interface's state "absent" is not supported on default networks`));
    }
  });
  return causes;
}

// ---- binding.go, passt.go -----------------------------------------------------------------

function bindingCauses(v: Net, rules: NetworkRules, ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  v.interfaces.forEach((iface, idx) => {
    const name = str(iface.name);
    const at = v.ifacesAt.index(idx);
    const net = v.networkByName.get(name);
    const methods = ['bridge', 'masquerade', 'sriov', 'passtBinding'].filter((k) => isSet(iface[k])).length;
    if (rules.exactlyOneBinding) {
      if (methods + (isSet(iface.binding) ? 1 : 0) !== 1) {
        causes.push(at.cause('FieldValueInvalid', `logical ${name} interface must have exactly one binding method or binding plugin`));
      }
    } else if (isSet(iface.binding) && methods > 0) {
      causes.push(at.child('binding').cause('FieldValueInvalid', `logical ${name} interface cannot have both binding plugin and interface binding method`));
    }
    if (isSet(iface.masquerade) && !isPod(net)) causes.push(at.child('name').cause('FieldValueInvalid', 'Masquerade interface only implemented with pod network'));
    if (isSet(iface.masquerade) && str(iface.macAddress) === RESERVED_MASQUERADE_MAC) {
      causes.push(at.child('macAddress').cause('FieldValueInvalid', 'The requested MAC address is reserved for the in-pod bridge. Please choose another one.'));
    }
    if (isSet(iface.bridge) && isPod(net) && !bridgeOnPodNetworkPermitted(ctx.config)) {
      causes.push(at.child('name').cause('FieldValueInvalid', 'Bridge on pod network configuration is not enabled under kubevirt-config'));
    }
    if (isSet(iface.passtBinding) && !ctx.gate('PasstBinding')) causes.push(at.child('name').cause('FieldValueInvalid', 'PasstBinding feature gate is not enabled'));
    if (isSet(iface.passtBinding) && !isPod(net)) causes.push(at.child('name').cause('FieldValueInvalid', 'PasstBinding interface only implemented with pod network'));
  });
  return causes;
}

// ---- dra.go -------------------------------------------------------------------------------

function draNetworkCauses(v: Net, ctx: ValidationContext): AdmissionCause[] {
  if (!v.networks.some(isDra)) return [];
  if (!ctx.gate('NetworkDevicesWithDRA')) {
    return [v.netsAt.cause('FieldValueInvalid', 'vmi.spec.networks contains DRA networks but NetworkDevicesWithDRA feature gate is not enabled')];
  }
  if (v.networks.some((n) => isSet(n.multus))) return [v.netsAt.cause('FieldValueInvalid', 'mixing Multus and DRA resourceClaim networks in the same VMI is not supported')];
  const causes: AdmissionCause[] = [];
  const firstIndex = new Map<string, number>();
  v.networks.forEach((n, idx) => {
    if (!isDra(n)) return;
    const claim = rec(n.resourceClaim);
    const key = `${str(claim.claimName)}/${str(claim.requestName)}`;
    if (str(claim.claimName) !== '' && str(claim.requestName) !== '' && !firstIndex.has(key)) firstIndex.set(key, idx);
  });
  const claimNames = new Set(recs(v.spec.resourceClaims).map((c) => str(c.name)));
  v.networks.forEach((n, idx) => {
    if (!isDra(n)) return;
    const name = str(n.name);
    const iface = v.interfaces.find((i) => str(i.name) === name);
    if (iface && !isSet(iface.sriov) && !isSet(iface.binding)) {
      causes.push(v.ifacesAt.cause('FieldValueInvalid', `DRA network ${JSON.stringify(name)} requires an SR-IOV or binding plugin interface`));
    }
    const claim = rec(n.resourceClaim);
    const claimName = str(claim.claimName);
    const requestName = str(claim.requestName);
    const at = v.netsAt.index(idx);
    if (claimName === '') causes.push(at.child('resourceClaim', 'claimName').cause('FieldValueRequired', 'claimName is required for DRA network'));
    if (requestName === '') causes.push(at.child('resourceClaim', 'requestName').cause('FieldValueRequired', 'requestName is required for DRA network'));
    if (claimName === '' || requestName === '') return;
    if (!claimNames.has(claimName)) {
      causes.push(at.child('resourceClaim', 'claimName').cause('FieldValueNotFound', `network references resourceClaim ${JSON.stringify(claimName)} which is not defined in spec.resourceClaims`));
    }
    const key = `${claimName}/${requestName}`;
    const first = firstIndex.get(key);
    if (first !== undefined && first !== idx) causes.push(at.cause('FieldValueDuplicate', `duplicate claimName/requestName combination ${JSON.stringify(key)}`));
  });
  return causes;
}

// ---- netiface.go --------------------------------------------------------------------------

function namingCauses(v: Net): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const seenNetworks = new Set<string>();
  v.networks.forEach((n, i) => {
    const name = str(n.name);
    if (seenNetworks.has(name)) {
      causes.push(v.netsAt.index(i).child('name').cause('FieldValueDuplicate', `Network with name ${JSON.stringify(name)} already exists, every network must have a unique name`));
    }
    seenNetworks.add(name);
  });
  return causes;
}

function assignmentCauses(v: Net): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const interfaceNames = new Set(v.interfaces.map((i) => str(i.name)));
  v.networks.forEach((n, i) => {
    const at = v.netsAt.index(i).child('name');
    if (!interfaceNames.has(str(n.name))) causes.push(at.cause('FieldValueRequired', `${at} '${str(n.name)}' not found.`));
  });
  const seen = new Set<string>();
  v.interfaces.forEach((iface, idx) => {
    const name = str(iface.name);
    if (seen.has(name)) causes.push(v.ifacesAt.index(idx).child('name').cause('FieldValueDuplicate', 'Only one interface can be connected to one specific network'));
    seen.add(name);
  });
  v.interfaces.forEach((iface, idx) => {
    const at = v.ifacesAt.index(idx).child('name');
    if (!v.networkByName.has(str(iface.name))) causes.push(at.cause('FieldValueInvalid', `${at} '${str(iface.name)}' not found.`));
  });
  return causes;
}

function interfaceFieldCauses(v: Net, rules: NetworkRules, ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  v.interfaces.forEach((iface, idx) => {
    const at = v.ifacesAt.index(idx);
    const name = str(iface.name);
    const net = v.networkByName.get(name);
    if (!INTERFACE_NAME.test(name)) {
      causes.push(at.child('name').cause('FieldValueInvalid', 'Network interface name can only contain alphabetical characters, numbers, dashes (-) or underscores (_)'));
    }
    const model = str(iface.model);
    if (model !== '' && !INTERFACE_MODELS.includes(model)) {
      causes.push(at.child('model').cause('FieldValueNotSupported', `interface ${at.child('name')} uses model ${model} that is not supported.`));
    }
    const macError = macAddressError(str(iface.macAddress));
    if (macError) causes.push(at.child('macAddress').cause('FieldValueInvalid', `interface ${at.child('name')} has ${macError}.`));
    const pci = str(iface.pciAddress);
    if (pci !== '' && !isPciAddress(pci)) causes.push(at.child('pciAddress').cause('FieldValueInvalid', `interface ${at.child('name')} has malformed PCI address (${pci}).`));
    if (isPod(net) && isSet(iface.ports)) causes.push(...portCauses(at, recs(iface.ports), rules));
    if (rules.portRanges) causes.push(...portRangeCauses(at, iface, net, ctx));
    if (isSet(iface.dhcpOptions)) causes.push(...dhcpCauses(v.field, at, rec(iface.dhcpOptions)));
  });
  return causes;
}

function portCauses(at: FieldPath, ports: Rec[], rules: NetworkRules): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const name = str(port.name);
    if (name === '') return;
    const nameAt = at.child('ports').index(i).child('name');
    if (names.has(name)) causes.push(nameAt.cause('FieldValueDuplicate', `Duplicate name of the port: ${name}`));
    if (!isValidPortName(name)) causes.push(nameAt.cause('FieldValueInvalid', `Invalid name of the port: ${name}`));
    names.add(name);
  });
  ports.forEach((port, i) => {
    const value = num(port.port);
    const portAt = at.child('ports').index(i).child('port');
    const printed = rules.portFieldHasPortChild ? portAt.toString() : at.child('ports').index(i).toString();
    if (value === 0) causes.push(portAt.cause('FieldValueRequired', 'Port field is mandatory.', printed));
    if (value < 0 || value > rules.portUpperBound) causes.push(portAt.cause('FieldValueInvalid', 'Port field must be in range 0 < x < 65536.', printed));
    const protocol = str(port.protocol);
    if (protocol !== '' && protocol !== 'TCP' && protocol !== 'UDP') {
      causes.push(at.child('ports').index(i).child('protocol').cause('FieldValueInvalid', 'Unknown protocol, only TCP or UDP allowed'));
    }
  });
  return causes;
}

function portRangeCauses(at: FieldPath, iface: Rec, net: Rec | undefined, ctx: ValidationContext): AdmissionCause[] {
  if (!ctx.gate('PortRangesSpec')) {
    return isSet(iface.portRanges) ? [at.child('name').cause('FieldValueInvalid', 'portRanges is specified on interface but the PortRangesSpec feature gate is not enabled')] : [];
  }
  if (!isPod(net) || !isSet(iface.portRanges)) return [];
  const causes: AdmissionCause[] = [];
  if (isSet(iface.ports)) causes.push(at.child('name').cause('FieldValueInvalid', 'Cannot define both ports and portRanges on interface'));
  if (!isSet(iface.masquerade)) causes.push(at.child('name').cause('FieldValueInvalid', 'portRanges are only supported on masquerade interfaces'));
  const ranges = recs(iface.portRanges);
  const rangesAt = at.child('portRanges');
  if (ranges.length > MAX_PORT_RANGES) return [...causes, rangesAt.cause('FieldValueInvalid', 'No more than 10 portRanges are allowed')];
  const byProtocol = new Map<string, { start: number; end: number }[]>();
  ranges.forEach((r, i) => {
    const protocol = str(r.protocol);
    const start = num(r.start);
    const end = num(r.end);
    const rAt = rangesAt.index(i);
    if (protocol !== 'TCP' && protocol !== 'UDP') causes.push(rAt.child('protocol').cause('FieldValueInvalid', 'Unknown protocol, only TCP or UDP allowed'));
    else if (start <= 0 || start >= 65536) causes.push(rAt.child('start').cause('FieldValueInvalid', 'Start must be a valid port number, 0 < x < 65536'));
    else if (end <= 0 || end >= 65536) causes.push(rAt.child('end').cause('FieldValueInvalid', 'End must be a valid port number, 0 < x < 65536'));
    else if (start > end) causes.push(rAt.child('start').cause('FieldValueInvalid', 'Start must be less than or equal to end'));
    else byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), { start, end }]);
  });
  for (const [protocol, intervals] of byProtocol) {
    intervals.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < intervals.length; i++) {
      const prev = intervals[i - 1]!;
      const curr = intervals[i]!;
      if (curr.start <= prev.end) {
        causes.push(rangesAt.cause('FieldValueInvalid', `${protocol} portRanges [${prev.start}-${prev.end}] and [${curr.start}-${curr.end}] overlap`));
      }
    }
  }
  return causes;
}

/** net.ParseIP(ip).To4() != nil: dotted IPv4 (no leading zeros) or its IPv4-mapped IPv6 form. */
function isIPv4(ip: string): boolean {
  const v4 = /^::ffff:/i.test(ip) ? ip.slice(7) : ip;
  const parts = v4.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function dhcpCauses(field: FieldPath, at: FieldPath, dhcp: Rec): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  // These two print the spec path itself; the manifest place is the interface's privateOptions.
  const optionsAt = at.child('dhcpOptions', 'privateOptions');
  const options = recs(dhcp.privateOptions).map((o) => num(o.option));
  if (new Set(options).size < options.length) causes.push(optionsAt.cause('FieldValueInvalid', 'Found Duplicates: you have provided duplicate DHCPPrivateOptions', field.toString()));
  for (const option of options) {
    if (!(option >= 224 && option <= 254)) {
      causes.push(optionsAt.cause('FieldValueInvalid', 'provided DHCPPrivateOptions are out of range, must be in range 224 to 254', field.toString()));
    }
  }
  strs(dhcp.ntpServers).forEach((ip, i) => {
    if (!isIPv4(ip)) causes.push(at.child('dhcpOptions', 'ntpServers').index(i).cause('FieldValueInvalid', 'NTP servers must be a list of valid IPv4 addresses.'));
  });
  return causes;
}

// ---- creation-only checks -----------------------------------------------------------------

/** discontinued.go, printing `root.domain.devices.interfaces[i].<binding>`. */
function discontinuedCauses(root: FieldPath, spec: Rec): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const ifacesAt = root.child('domain', 'devices', 'interfaces');
  recs(rec(rec(spec.domain).devices).interfaces).forEach((iface, idx) => {
    for (const b of DISCONTINUED_BINDINGS) {
      if (isSet(iface[b.key])) causes.push(ifacesAt.index(idx).child(b.key).cause('FieldValueInvalid', b.message));
    }
  });
  return causes;
}

/** netadmitter Validator.Validate, run by the VM webhook on the template and by the VMI webhook. */
export const INTERFACES_NETWORKS: SpecValidator = {
  area: 'interfaces-networks',
  scope: 'both',
  validate(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[] {
    const rules = NETWORK_RULES[ctx.version];
    const v = netView(subject.specField, rec(subject.spec));
    return [
      ...networkSourceCauses(v, rules),
      ...stateCauses(v),
      ...bindingCauses(v, rules, ctx),
      ...namingCauses(v),
      ...(rules.draNetworks ? draNetworkCauses(v, ctx) : []),
      ...assignmentCauses(v),
      ...interfaceFieldCauses(v, rules, ctx),
    ];
  },
};

/** The VMI webhook also runs netadmitter.ValidateCreation (api.go registers netadmitter.Validate). */
export const DISCONTINUED_BINDINGS_VMI: SpecValidator = {
  area: 'interfaces-networks',
  scope: 'vmi',
  validate: (subject) => discontinuedCauses(subject.specField, rec(subject.spec)),
};

/**
 * The VM webhook's create-only network check (vms-admitter.go Admit: ValidateCreation on the
 * template with the path `spec`): it refuses alone, after the discontinued gates.
 */
export const DISCONTINUED_BINDINGS_VM: SpecValidator = {
  area: 'interfaces-networks',
  scope: 'vm-template',
  exclusive: true,
  validate: (subject) => discontinuedCauses(FieldPath.root('spec', subject.specField.at), rec(subject.spec)),
};
