// A change set: what a platform team would change on the cluster (KubeVirt CR settings, the
// KubeVirt release, node device plugins). Applied by editing the profile's own objects (the
// KubeVirt CR and the Nodes) and rebuilding like buildProfile (rebuildProfile), so the edited profile is by
// construction what a hand-edited profile file loads to.

import type { Node } from '../api/k8s-types.js';
import type { KubeVirtCR } from '../api/kubevirt-types.js';
import { deepClone } from '../clone.js';
import { loadObjects } from '../profile/resolve-profile.js';
import { rebuildProfile, type ClusterProfile } from '../profile/cluster-profile.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { VERSION_KEYS, VERSION_TRAITS, type VersionKey } from '../profile/versions.js';
import { BACKENDS, FEATURE_GATES, type BackendId } from '../select/hypervisors.js';

export type HypervisorConfigName = 'kvm' | 'hyperv-direct';
export type NodeDevice = BackendId | 'none';

export type Change =
  | { kind: 'hypervisor'; name: HypervisorConfigName }
  | { kind: 'feature-gate'; gate: string; enabled: boolean }
  | { kind: 'use-emulation'; enabled: boolean }
  | { kind: 'kubevirt-version'; version: VersionKey }
  /** `node: null` is every node (`all=`). */
  | { kind: 'node-device'; node: string | null; device: NodeDevice };

export type ChangeKind = Change['kind'];

/** The flag of each change kind, as the CLI spells it (`--hypervisor kvm`). */
export const CHANGE_KINDS: readonly ChangeKind[] = ['hypervisor', 'feature-gate', 'use-emulation', 'kubevirt-version', 'node-device'];

/** The observedKubeVirtVersion written for a release row (v1.8.4 and v1.9.0 as in the golden clusters; main as the embedded profile). */
export const OBSERVED_VERSION_OF: Readonly<Record<VersionKey, string>> = { 'v1.8': 'v1.8.4', 'v1.9': 'v1.9.0', main: 'v1.10.0' };

/** virt-handler's --max-devices default: what a device plugin advertises (cmd/virt-handler maxDevices). */
export const DEVICE_PLUGIN_COUNT = '1000';

const HYPERVISOR_NAMES: readonly HypervisorConfigName[] = [BACKENDS.kvm.configName as 'kvm', BACKENDS.mshv.configName as 'hyperv-direct'];
const NODE_DEVICES: readonly NodeDevice[] = ['mshv', 'kvm', 'none'];
const ALL_NODES = 'all';

export type ParsedChange = { ok: true; change: Change } | { ok: false; message: string };

/** Parses one flag value (`kvm`, `HyperVL1VH=on`, `node-1=none`); the message names the valid values. */
export function parseChange(kind: ChangeKind, text: string): ParsedChange {
  const bad = (message: string): ParsedChange => ({ ok: false, message: `--${kind} ${JSON.stringify(text)}: ${message}` });
  switch (kind) {
    case 'hypervisor':
      return (HYPERVISOR_NAMES as readonly string[]).includes(text) ? { ok: true, change: { kind, name: text as HypervisorConfigName } } : bad(`expected ${HYPERVISOR_NAMES.join(' or ')}`);
    case 'use-emulation': {
      const on = onOff(text);
      return on === null ? bad('expected on or off') : { ok: true, change: { kind, enabled: on } };
    }
    case 'kubevirt-version':
      return (VERSION_KEYS as readonly string[]).includes(text) ? { ok: true, change: { kind, version: text as VersionKey } } : bad(`expected ${VERSION_KEYS.join(', ')}`);
    case 'feature-gate': {
      const [gate, value] = splitAssignment(text);
      const on = value === undefined ? null : onOff(value);
      if (!gate || !/^[A-Za-z][A-Za-z0-9]*$/.test(gate) || on === null) return bad('expected NAME=on|off (e.g. ConfigurableHypervisor=on)');
      return { ok: true, change: { kind, gate, enabled: on } };
    }
    case 'node-device': {
      const [node, device] = splitAssignment(text);
      if (!node || device === undefined || !(NODE_DEVICES as readonly string[]).includes(device)) return bad(`expected NODE=${NODE_DEVICES.join('|')} (NODE "${ALL_NODES}" for every node)`);
      return { ok: true, change: { kind, node: node === ALL_NODES ? null : node, device: device as NodeDevice } };
    }
  }
}

function onOff(text: string): boolean | null {
  return text === 'on' || text === 'true' ? true : text === 'off' || text === 'false' ? false : null;
}

function splitAssignment(text: string): [string, string | undefined] {
  const i = text.indexOf('=');
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/** The change as a flag again (`--node-device all=none`). */
export function changeFlag(c: Change): string {
  switch (c.kind) {
    case 'hypervisor':
      return `--hypervisor ${c.name}`;
    case 'feature-gate':
      return `--feature-gate ${c.gate}=${c.enabled ? 'on' : 'off'}`;
    case 'use-emulation':
      return `--use-emulation ${c.enabled ? 'on' : 'off'}`;
    case 'kubevirt-version':
      return `--kubevirt-version ${c.version}`;
    case 'node-device':
      return `--node-device ${c.node ?? ALL_NODES}=${c.device}`;
  }
}

/** One field the change set edited, for the report: `KubeVirt kubevirt/kubevirt spec.configuration.hypervisors[0].name: hyperv-direct → kvm`. */
export interface ProfileEdit {
  object: string;
  field: string;
  before: string | null;
  after: string | null;
}

export type EditResult = { ok: true; profile: ClusterProfile; edits: ProfileEdit[]; notes: string[] } | { ok: false; message: string };

/**
 * The profile after the changes, in order (a later change to the same field wins): the profile's
 * objects with its KubeVirt CR and Nodes replaced by edited copies (same source places), rebuilt
 * by rebuildProfile; a profile without a KubeVirt CR gets one. Built-ins are shared with the original.
 */
export function applyChanges(profile: ClusterProfile, changes: readonly Change[]): EditResult {
  const edits: ProfileEdit[] = [];
  const needsCr = changes.some((c) => c.kind !== 'node-device');
  const originalCr = profile.kubevirt?.object;
  const cr = originalCr ? editable(originalCr) : needsCr ? syntheticKubeVirt() : undefined;
  // The objects the profile indexed are edited by identity; every other object stays as it was.
  const replaced = new Map<ManifestObject, ManifestObject>();
  if (originalCr && cr) replaced.set(originalCr, cr);

  for (const c of changes) {
    if (c.kind === 'node-device') {
      const targets = c.node === null ? profile.nodes : profile.nodes.filter((n) => n.value.metadata.name === c.node);
      if (c.node !== null && targets.length === 0) {
        const names = profile.nodes.map((n) => n.value.metadata.name).join(', ');
        return { ok: false, message: `--node-device ${c.node}=${c.device}: no node "${c.node}" in the profile (nodes: ${names || 'none'})` };
      }
      for (const n of targets) {
        if (!n.object) continue;
        const node = replaced.get(n.object) ?? editable(n.object);
        replaced.set(n.object, node);
        edits.push(...setNodeDevice(node.value as unknown as Node, c.device));
      }
    } else if (cr) {
      edits.push(...editKubeVirt(cr.value as unknown as KubeVirtCR, c));
    }
  }

  const objects = profile.objects.map((o) => replaced.get(o) ?? o);
  if (cr && !originalCr) objects.unshift(cr);
  const edited = rebuildProfile(profile, objects);
  return { ok: true, profile: edited, edits: edits.filter((e) => e.before !== e.after), notes: changeNotes(edited, changes) };
}

/** A copy whose value may be edited (the original's `value` is never mutated). */
function editable(obj: ManifestObject): ManifestObject {
  return { ...obj, value: deepClone(obj.value) };
}

function syntheticKubeVirt(): ManifestObject {
  const text = 'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata:\n  name: kubevirt\n  namespace: kubevirt\nspec:\n  configuration: {}\n';
  const obj = loadObjects([{ path: '<whatif: KubeVirt CR added>', text }]).objects[0];
  if (!obj) throw new Error('IMPOSSIBLE: the synthetic KubeVirt CR did not parse');
  return editable(obj);
}

function record(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = parent[key];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  parent[key] = fresh;
  return fresh;
}

function list(parent: Record<string, unknown>, key: string): unknown[] {
  const v = parent[key];
  if (Array.isArray(v)) return v;
  const fresh: unknown[] = [];
  parent[key] = fresh;
  return fresh;
}

const show = (v: unknown): string | null => (v === undefined || v === null ? null : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function editKubeVirt(cr: KubeVirtCR, c: Exclude<Change, { kind: 'node-device' }>): ProfileEdit[] {
  const root = cr as unknown as Record<string, unknown>;
  const id = `KubeVirt ${cr.metadata?.namespace ?? ''}/${cr.metadata?.name ?? ''}`;
  const configuration = record(record(root, 'spec'), 'configuration');
  switch (c.kind) {
    case 'hypervisor': {
      const hypervisors = list(configuration, 'hypervisors');
      const first = hypervisors[0] && typeof hypervisors[0] === 'object' ? (hypervisors[0] as Record<string, unknown>) : undefined;
      const before = show(first?.name);
      if (first) first.name = c.name;
      else hypervisors.splice(0, hypervisors.length > 0 ? 1 : 0, { name: c.name });
      return [{ object: id, field: 'spec.configuration.hypervisors[0].name', before, after: c.name }];
    }
    case 'use-emulation': {
      const dev = record(configuration, 'developerConfiguration');
      const before = show(dev.useEmulation);
      dev.useEmulation = c.enabled;
      return [{ object: id, field: 'spec.configuration.developerConfiguration.useEmulation', before, after: String(c.enabled) }];
    }
    case 'feature-gate':
      return setGate(id, record(configuration, 'developerConfiguration'), c.gate, c.enabled);
    case 'kubevirt-version': {
      const status = record(root, 'status');
      const before = show(status.observedKubeVirtVersion);
      status.observedKubeVirtVersion = OBSERVED_VERSION_OF[c.version];
      return [{ object: id, field: 'status.observedKubeVirtVersion', before, after: OBSERVED_VERSION_OF[c.version] }];
    }
  }
}

/** Beta gates (on by default in some release) are turned off through disabledFeatureGates. */
const BETA_GATES = new Set(Object.values(VERSION_TRAITS).flatMap((t) => t.defaultOnGates));

function setGate(id: string, dev: Record<string, unknown>, gate: string, enabled: boolean): ProfileEdit[] {
  const gates = list(dev, 'featureGates');
  const beforeGates = show([...gates]);
  const edits: ProfileEdit[] = [];
  const kept = gates.filter((g) => g !== gate);
  if (enabled) kept.push(gate);
  gates.splice(0, gates.length, ...kept);
  edits.push({ object: id, field: 'spec.configuration.developerConfiguration.featureGates', before: beforeGates, after: show(gates) });
  const hasDisabled = Array.isArray(dev.disabledFeatureGates);
  if (hasDisabled || (!enabled && BETA_GATES.has(gate))) {
    const disabled = list(dev, 'disabledFeatureGates');
    const beforeDisabled = hasDisabled ? show([...disabled]) : null;
    const keptDisabled = disabled.filter((g) => g !== gate);
    if (!enabled && BETA_GATES.has(gate)) keptDisabled.push(gate);
    disabled.splice(0, disabled.length, ...keptDisabled);
    edits.push({ object: id, field: 'spec.configuration.developerConfiguration.disabledFeatureGates', before: beforeDisabled, after: show(disabled) });
  }
  return edits;
}

function setNodeDevice(node: Node, device: NodeDevice): ProfileEdit[] {
  const id = `Node ${node.metadata.name ?? ''}`;
  const status = record(node as unknown as Record<string, unknown>, 'status');
  const edits: ProfileEdit[] = [];
  for (const list of ['allocatable', 'capacity'] as const) {
    if (list === 'capacity' && status.capacity === undefined) continue; // a profile without capacity keeps none
    const resources = record(status, list);
    for (const b of Object.keys(BACKENDS) as BackendId[]) {
      const key = BACKENDS[b].resource;
      const before = show(resources[key]);
      if (b === device) {
        if (!(Number.parseInt(String(resources[key] ?? '0'), 10) > 0)) resources[key] = DEVICE_PLUGIN_COUNT;
      } else delete resources[key];
      edits.push({ object: id, field: `status.${list}["${key}"]`, before, after: show(resources[key]) });
    }
  }
  return edits;
}

/** What the edited profile will not do although the changes suggest it. */
function changeNotes(after: ClusterProfile, changes: readonly Change[]): string[] {
  const notes: string[] = [];
  const gates = after.config.developerConfiguration.featureGates;
  if (changes.some((c) => c.kind === 'hypervisor') && !gates.includes(FEATURE_GATES.configurableHypervisor) && !gates.includes(FEATURE_GATES.hyperVL1VH)) {
    notes.push(`spec.configuration.hypervisors[0] is ignored while the ${FEATURE_GATES.configurableHypervisor} gate is off (add --feature-gate ${FEATURE_GATES.configurableHypervisor}=on)`);
  }
  if (changes.some((c) => c.kind === 'hypervisor') && gates.includes(FEATURE_GATES.hyperVL1VH)) {
    notes.push(`the ${FEATURE_GATES.hyperVL1VH} gate is on: the proposal's selection (MSHV, else KVM) applies and hypervisors[0] is not read`);
  }
  return notes;
}
