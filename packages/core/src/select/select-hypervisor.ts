// Which hypervisor a VMI gets, on every node of the profile, and why.
//
// Two models, never mixed in one answer:
// - "kubevirt": KubeVirt as shipped. ConfigurableHypervisor + hypervisors[0].name picks the backend
//   (else kvm); device present → that backend; missing + useEmulation → qemu; else launch fails.
// - "hypervl1vh-proposal": the HyperVL1VH gate of the seed proposal. /dev/mshv → MSHV, else a
//   transparent fallback to KVM (then emulation, then failure, as for kvm).

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { manifestPathOfVmiField, type VmLikeKind } from '../parse/vm-like.js';
import type { ClusterProfile, Sourced } from '../profile/cluster-profile.js';
import type { Node } from '../api/k8s-types.js';
import { isGateEnabled } from '../profile/kubevirt-config.js';
import { requiredDeviceResources } from '../resources/device-resources.js';
import { BACKENDS, backendForConfigName, DOMAIN_TYPE_OF, FEATURE_GATES, HYPERVISOR_LABELS, type BackendId, type DomainType, type HypervisorId } from './hypervisors.js';
import { allocatableCount, checkNode } from './node-eligibility.js';
import type { FieldRef, TraceStep } from './trace.js';

export type Semantics = 'kubevirt' | 'hypervl1vh-proposal';

export interface NodeOutcome {
  node: string;
  eligible: boolean;
  /** Why the launcher pod cannot be scheduled here (empty when eligible). */
  reasons: string[];
  /** Which hypervisor devices the node advertises (allocatable devices.kubevirt.io/<dev> > 0). */
  devices: Record<BackendId, boolean>;
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  error: string | null;
}

export interface Selection {
  semantics: Semantics;
  /** The backend virt-launcher runs with (`--hypervisor`), i.e. the converter's HypervisorName. */
  backend: BackendId;
  hypervisorName: string;
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  error: string | null;
  allowEmulation: boolean;
  /** Whether the backend's device exists where the pod lands (the converter context's view). */
  hypervisorDeviceAvailable: boolean;
  landingNode: string | null;
  nodes: NodeOutcome[];
  /** Device-plugin resources the launcher pod requests. */
  deviceResources: Record<string, string>;
  /** Set when the VM was meant for MSHV but gets something else. */
  fallback: { to: HypervisorId | null; reason: string } | null;
  summary: string;
  trace: TraceStep[];
}

export interface SelectionInput {
  vmi: VirtualMachineInstance;
  profile: ClusterProfile;
  /** The manifest the VMI came from, for source positions in the trace. */
  source?: { object: ManifestObject; kind: VmLikeKind };
}

const CONFIG = ['spec', 'configuration'];

export function selectHypervisor(input: SelectionInput): Selection {
  const { vmi, profile } = input;
  const cfg = profile.config;
  const cr = profile.kubevirt?.object;
  const trace: TraceStep[] = [];
  const crRef = (path: (string | number)[], label?: string): FieldRef => ({ object: cr, path: [...CONFIG, ...path], ...(label ? { label } : {}) });
  const gateRef = (gate: string): FieldRef => {
    const i = cfg.developerConfiguration.featureGates.indexOf(gate);
    return crRef(['developerConfiguration', 'featureGates', ...(i >= 0 ? [i] : [])], i >= 0 ? undefined : 'KubeVirt CR');
  };

  trace.push({
    rule: 'kubevirt-version',
    outcome: profile.version,
    reason: profile.versionReason,
    at: { object: cr, path: ['status', 'observedKubeVirtVersion'], label: profile.origin },
  });

  const l1vhGate = isGateEnabled(cfg, FEATURE_GATES.hyperVL1VH);
  const chGate = isGateEnabled(cfg, FEATURE_GATES.configurableHypervisor);
  const configuredName = cfg.hypervisors?.[0]?.name;
  const semantics: Semantics = l1vhGate ? 'hypervl1vh-proposal' : 'kubevirt';
  let order: BackendId[];

  if (l1vhGate) {
    trace.push({ rule: 'gate-hypervl1vh', outcome: 'enabled', reason: 'HyperVL1VH gate on: the proposal applies (MSHV when /dev/mshv exists, else transparent fallback to KVM); upstream KubeVirt does not know this gate', at: gateRef(FEATURE_GATES.hyperVL1VH) });
    order = ['mshv', 'kvm'];
  } else {
    const configured: BackendId = chGate && cfg.hypervisors.length > 0 ? backendForConfigName(configuredName) : 'kvm';
    trace.push({
      rule: 'gate-configurable-hypervisor',
      outcome: chGate ? 'enabled' : 'disabled',
      reason: chGate ? 'ConfigurableHypervisor gate on: spec.configuration.hypervisors[0] is honoured' : 'ConfigurableHypervisor gate off: KubeVirt uses kvm whatever spec.configuration.hypervisors says',
      at: gateRef(FEATURE_GATES.configurableHypervisor),
    });
    if (chGate) {
      const known = configuredName === BACKENDS.mshv.configName || configuredName === BACKENDS.kvm.configName;
      trace.push({
        rule: 'configured-hypervisor',
        outcome: configured,
        reason: configuredName === undefined
          ? 'no hypervisors entry: kvm'
          : known
            ? `hypervisors[0].name ${configuredName} → ${configured} backend (device ${BACKENDS[configured].devicePath})`
            : `hypervisors[0].name "${configuredName}" is not kvm or hyperv-direct: the API rejects it, the backend factory would fall back to kvm`,
        at: crRef(['hypervisors', 0, 'name'], 'KubeVirt default'),
      });
    }
    order = [configured];
  }

  const allowEmulation = cfg.developerConfiguration.useEmulation === true;
  trace.push({
    rule: 'emulation',
    outcome: allowEmulation ? 'allowed' : 'not allowed',
    reason: allowEmulation ? 'developerConfiguration.useEmulation: a missing device falls back to QEMU software emulation, and the pod requests no hypervisor device' : 'useEmulation is off: a missing device fails the launch',
    at: crRef(['developerConfiguration', 'useEmulation'], 'KubeVirt default'),
  });

  // The proposal leaves the pod's device request unspecified: model it as requesting none.
  const hypervisorResource = semantics === 'kubevirt' ? BACKENDS[order[0]!].resource : null;
  const deviceResources = requiredDeviceResources(vmi, { hypervisorResource, useEmulation: allowEmulation });
  const podNodeSelector: Record<string, string> = { ...(vmi.spec.nodeSelector ?? {}), 'kubevirt.io/schedulable': 'true' };
  if (vmi.spec.architecture) podNodeSelector['kubernetes.io/arch'] = vmi.spec.architecture;

  const nodes = profile.nodes.map((n) => evaluateNode(n, vmi, podNodeSelector, deviceResources, order, allowEmulation));
  const landing = pickLandingNode(profile.nodes, nodes, vmi.spec.architecture);
  const kind = input.source?.kind;
  const vmRef = (vmiPath: string[]): FieldRef | undefined => (input.source && kind ? { object: input.source.object, path: manifestPathOfVmiField(kind, vmiPath) } : undefined);

  for (const n of nodes) {
    const at = profile.nodes.find((p) => p.value.metadata.name === n.node);
    trace.push({
      rule: 'node',
      outcome: n.eligible ? (n.hypervisor ?? 'fails') : 'ineligible',
      reason: n.eligible
        ? `${n.node}: ${describeDevices(n.devices)} → ${n.hypervisor ? HYPERVISOR_LABELS[n.hypervisor] : n.error}`
        : `${n.node}: launcher pod cannot land here (${n.reasons.join('; ')})`,
      ...(at?.object ? { at: { object: at.object, path: ['status', 'allocatable'] } } : {}),
    });
  }

  let outcome: { hypervisor: HypervisorId | null; error: string | null; backend: BackendId; deviceAvailable: boolean };
  let summary: string;
  if (!landing) {
    outcome = { hypervisor: order[0]!, error: null, backend: order[0]!, deviceAvailable: true };
    summary = `no nodes in the profile: assuming ${BACKENDS[order[0]!].devicePath} exists → ${HYPERVISOR_LABELS[order[0]!]}`;
    trace.push({ rule: 'no-nodes', outcome: order[0]!, reason: summary });
  } else {
    const n = nodes[landing.index]!;
    outcome = resolveOutcome(n.devices, order, allowEmulation);
    const eligibleCount = nodes.filter((x) => x.eligible).length;
    const distinct = new Set(nodes.filter((x) => x.eligible).map((x) => x.hypervisor ?? x.error));
    summary = landing.eligible
      ? `${eligibleCount} of ${nodes.length} node(s) can run the launcher pod; on ${n.node}: ${n.hypervisor ? HYPERVISOR_LABELS[n.hypervisor] : n.error}${distinct.size > 1 ? ' (the outcome differs between eligible nodes)' : ''}`
      : `no node can run the launcher pod (it would stay Pending); evaluated on ${n.node}: ${n.hypervisor ? HYPERVISOR_LABELS[n.hypervisor] : n.error}`;
    trace.push({ rule: 'landing-node', outcome: n.node, reason: summary, ...(vmRef(['spec', 'architecture']) ? { at: vmRef(['spec', 'architecture'])! } : {}) });
  }

  const hypervisor = outcome.hypervisor;
  const fallback = order[0] === 'mshv' && hypervisor !== 'mshv'
    ? { to: hypervisor, reason: hypervisor ? `/dev/mshv is not available: ${semantics === 'kubevirt' ? 'emulation' : 'transparent fallback'} gives ${HYPERVISOR_LABELS[hypervisor]}` : `/dev/mshv is not available: ${outcome.error}` }
    : null;
  trace.push({
    rule: 'outcome',
    outcome: hypervisor ?? 'launch fails',
    reason: hypervisor ? `${HYPERVISOR_LABELS[hypervisor]}, libvirt domain type "${DOMAIN_TYPE_OF[hypervisor]}"` : `virt-launcher fails: ${outcome.error}`,
  });

  return {
    semantics,
    backend: outcome.backend,
    hypervisorName: BACKENDS[outcome.backend].configName,
    hypervisor,
    domainType: hypervisor ? DOMAIN_TYPE_OF[hypervisor] : null,
    error: outcome.error,
    allowEmulation,
    hypervisorDeviceAvailable: outcome.deviceAvailable,
    landingNode: landing ? nodes[landing.index]!.node : null,
    nodes,
    deviceResources,
    fallback,
    summary,
    trace,
  };
}

function evaluateNode(node: Sourced<Node>, vmi: VirtualMachineInstance, selector: Record<string, string>, deviceResources: Record<string, string>, order: BackendId[], allowEmulation: boolean): NodeOutcome {
  const devices: Record<BackendId, boolean> = {
    mshv: allocatableCount(node.value, BACKENDS.mshv.resource) > 0,
    kvm: allocatableCount(node.value, BACKENDS.kvm.resource) > 0,
  };
  const elig = checkNode(node.value, vmi, selector, deviceResources);
  const o = resolveOutcome(devices, order, allowEmulation);
  return {
    node: node.value.metadata.name ?? '',
    eligible: elig.eligible,
    reasons: elig.reasons,
    devices,
    hypervisor: o.hypervisor,
    domainType: o.hypervisor ? DOMAIN_TYPE_OF[o.hypervisor] : null,
    error: o.error,
  };
}

/** The selection table: the first backend whose device exists, else emulation, else the last backend's error. */
function resolveOutcome(devices: Record<BackendId, boolean>, order: BackendId[], allowEmulation: boolean): { hypervisor: HypervisorId | null; error: string | null; backend: BackendId; deviceAvailable: boolean } {
  for (const b of order) if (devices[b]) return { hypervisor: b, error: null, backend: b, deviceAvailable: true };
  const last = order[order.length - 1]!;
  if (allowEmulation) return { hypervisor: 'qemu', error: null, backend: last, deviceAvailable: false };
  return { hypervisor: null, error: BACKENDS[last].missingError, backend: last, deviceAvailable: false };
}

/** The first eligible node; else (the pod would stay Pending) the first node of the VM's arch, else the first node. */
function pickLandingNode(profileNodes: Sourced<Node>[], nodes: NodeOutcome[], arch: string | undefined): { index: number; eligible: boolean } | null {
  if (nodes.length === 0) return null;
  const eligible = nodes.findIndex((n) => n.eligible);
  if (eligible >= 0) return { index: eligible, eligible: true };
  const sameArch = profileNodes.findIndex((n) => !arch || (n.value.metadata.labels?.['kubernetes.io/arch'] ?? n.value.status?.nodeInfo?.architecture) === arch);
  return { index: sameArch >= 0 ? sameArch : 0, eligible: false };
}

function describeDevices(d: Record<BackendId, boolean>): string {
  const present = (Object.keys(d) as BackendId[]).filter((b) => d[b]).map((b) => BACKENDS[b].devicePath);
  return present.length ? present.join(' + ') : 'no hypervisor device';
}
