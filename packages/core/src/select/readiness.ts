// Is a cluster (profile) ready for L1VH? A VM created with no tuning goes through the whole
// pipeline (admission adds the pod network interface, so the launcher pod asks for tun and
// vhost-net); the summary lays out the configuration, every node and that VM's outcome.

import type { Node } from '../api/k8s-types.js';
import { explainObject } from '../explain/explain.js';
import type { Verdict } from '../explain/verdict.js';
import { valueDocument } from '../parse/value-document.js';
import { readObjects } from '../parse/read-objects.js';
import { nodeArchitecture, type ClusterProfile } from '../profile/cluster-profile.js';
import { isGateEnabled } from '../profile/kubevirt-config.js';
import { VERSION_TRAITS } from '../profile/versions.js';
import { BACKENDS, FEATURE_GATES, HYPERVISOR_LABELS, type DomainType, type HypervisorId } from './hypervisors.js';
import { mshvIntent, type MshvIntent } from './mshv-intent.js';
import { allocatableCount, isCordoned, keepsPodsOff, taintText } from './node-eligibility.js';
import type { Semantics } from './select-hypervisor.js';

export interface NodeReadiness {
  name: string;
  arch: string | null;
  mshvAllocatable: number;
  kvmAllocatable: number;
  schedulable: boolean;
  /** Why virt-handler/the scheduler would not place VMs here: label, cordon, taints. */
  unschedulableReasons: string[];
  /** Whether the default VM's launcher pod fits here (devices, selectors, taints), and why not. */
  defaultVmFits: boolean;
  defaultVmReasons: string[];
  /** What the default VM would get here. */
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  error: string | null;
}

export interface Check {
  id: string;
  ok: boolean;
  detail: string;
}

/** The profile in one summary: what `cluster` prints and the editor's status bar shows. */
export interface ProfileSummary {
  profile: string;
  kubevirtVersion: string | null;
  versionKey: string;
  versionLabel: string;
  semantics: Semantics;
  /** Whether the configuration asks for MSHV, and under which rule. */
  intent: MshvIntent;
  featureGates: { configurableHypervisor: boolean; hyperVL1VH: boolean };
  hypervisors: string[];
  useEmulation: boolean;
  nodeCounts: { total: number; mshv: number; runDefaultVm: number };
  nodes: NodeReadiness[];
  newVm: { hypervisor: HypervisorId | null; domainType: DomainType | null; error: string | null; node: string | null; summary: string; fallback: string | null; runs: boolean; verdict: Verdict };
  checks: Check[];
  ready: boolean;
}

const SCHEDULABLE_LABEL = 'kubevirt.io/schedulable';

/** A VirtualMachine as a user writes it with no tuning (admission puts it on the cluster's default arch). */
export const DEFAULT_VM = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name: 'l1vh-probe', namespace: 'default' },
  spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {}, resources: { requests: { memory: '1Gi' } } } } } },
};

function unschedulableReasons(node: Node): string[] {
  const out: string[] = [];
  if (node.metadata.labels?.[SCHEDULABLE_LABEL] !== 'true') out.push(`label ${SCHEDULABLE_LABEL}=true missing (virt-handler not ready here?)`);
  if (isCordoned(node)) out.push('cordoned');
  for (const t of node.spec?.taints ?? []) if (keepsPodsOff(t)) out.push(taintText(t));
  return out;
}

export function summariseProfile(profile: ClusterProfile): ProfileSummary {
  const probe = readObjects([valueDocument('<default VM>', DEFAULT_VM)]).objects[0]!;
  const { item, selection } = explainObject(probe, profile, { positions: false });
  const cfg = profile.config;
  const chGate = isGateEnabled(cfg, FEATURE_GATES.configurableHypervisor);
  const l1vhGate = isGateEnabled(cfg, FEATURE_GATES.hyperVL1VH);
  const intent = mshvIntent(profile);
  const hypervisors = cfg.hypervisors.map((h) => h.name);
  const traits = VERSION_TRAITS[profile.version];

  const nodes: NodeReadiness[] = profile.nodes.map(({ value }) => {
    const name = value.metadata.name ?? '';
    const outcome = item.nodes.find((n) => n.node === name);
    const reasons = unschedulableReasons(value);
    return {
      name,
      arch: nodeArchitecture(value) ?? null,
      mshvAllocatable: allocatableCount(value, BACKENDS.mshv.resource),
      kvmAllocatable: allocatableCount(value, BACKENDS.kvm.resource),
      schedulable: reasons.length === 0,
      unschedulableReasons: reasons,
      defaultVmFits: outcome?.eligible ?? false,
      defaultVmReasons: outcome?.reasons ?? [],
      hypervisor: outcome?.hypervisor ?? null,
      domainType: outcome?.domainType ?? null,
      error: outcome?.error ?? null,
    };
  });

  // Explain's verdict, for whatever reason: rejected, unschedulable (no node takes its pod), launch-fails.
  const fits = nodes.filter((n) => n.defaultVmFits);
  const runs = item.verdict === 'runs';
  const newVm = {
    hypervisor: item.hypervisor,
    domainType: item.domainType,
    error: item.error,
    node: selection?.landingNode ?? null,
    summary: item.decision.summary,
    fallback: selection?.fallback?.reason ?? null,
    runs,
    verdict: item.verdict,
  };

  const mshvNodes = nodes.filter((n) => n.mshvAllocatable > 0);
  const checks: Check[] = [
    {
      id: 'kubevirt-version',
      ok: traits.configurableHypervisor,
      detail: `${traits.label}${profile.observedVersion ? ` (observed ${profile.observedVersion})` : ' (version unknown)'}${traits.configurableHypervisor ? '' : ': no ConfigurableHypervisor support'}`,
    },
    {
      id: 'hypervisor-configuration',
      ok: intent === 'proposal' || intent === 'configured',
      detail: l1vhGate
        ? 'HyperVL1VH gate on: the proposal semantics apply (MSHV where /dev/mshv exists, else KVM)'
        : !chGate
          ? `ConfigurableHypervisor gate off: KubeVirt uses kvm${intent === 'gate-off' ? ' and ignores hypervisors[0]=hyperv-direct' : ''}`
          : intent === 'configured'
            ? 'ConfigurableHypervisor on, hypervisors[0].name=hyperv-direct: virt-launcher uses MSHV'
            : `ConfigurableHypervisor on, but hypervisors[0].name=${hypervisors[0] ?? '(none)'}: set it to hyperv-direct`,
    },
    {
      id: 'mshv-nodes',
      ok: mshvNodes.length > 0,
      detail: mshvNodes.length > 0 ? `${mshvNodes.length} of ${nodes.length} node(s) advertise ${BACKENDS.mshv.resource}` : `no node advertises ${BACKENDS.mshv.resource} (is the mshv device plugin running on nodes with /dev/mshv?)`,
    },
    {
      id: 'schedulable-mshv-nodes',
      ok: mshvNodes.some((n) => n.schedulable),
      detail: mshvNodes.some((n) => n.schedulable) ? `${mshvNodes.filter((n) => n.schedulable).length} MSHV node(s) schedulable for VMs` : 'no MSHV node is schedulable for VMs (label, cordon or taints)',
    },
    {
      id: 'new-vm',
      ok: runs && item.hypervisor === 'mshv',
      detail: !runs
        ? `a new VM cannot run (${item.verdict}): ${item.error ?? 'unknown'}`
        : `a new VM gets ${HYPERVISOR_LABELS[item.hypervisor!]}${newVm.node ? ` on ${newVm.node}` : ''}`,
    },
  ];

  return {
    profile: profile.origin,
    kubevirtVersion: profile.observedVersion ?? null,
    versionKey: profile.version,
    versionLabel: traits.label,
    semantics: l1vhGate ? 'hypervl1vh-proposal' : 'kubevirt',
    intent,
    featureGates: { configurableHypervisor: chGate, hyperVL1VH: l1vhGate },
    hypervisors,
    useEmulation: cfg.developerConfiguration.useEmulation === true,
    nodeCounts: { total: nodes.length, mshv: mshvNodes.length, runDefaultVm: fits.length },
    nodes,
    newVm,
    checks,
    ready: checks.every((c) => c.ok),
  };
}
