// Is a cluster (profile) ready for L1VH? Runs core's hypervisor selection for a minimal VMI
// (what admission makes of a VM with no tuning) and lays out the configuration and every node.

import {
  BACKENDS,
  FEATURE_GATES,
  HYPERVISOR_LABELS,
  VERSION_TRAITS,
  isGateEnabled,
  nodeArchitecture,
  selectHypervisor,
  type ClusterProfile,
  type DomainType,
  type HypervisorId,
  type Node,
  type Semantics,
  type VirtualMachineInstance,
} from '@l1vh/core';

/**
 * The VMI of a VM created with no tuning, after admission: only the fields selection reads
 * (admission sets the architecture to the cluster default; no nodeSelector, no tolerations).
 */
export function probeVmi(profile: ClusterProfile): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'l1vh-probe', namespace: 'default' },
    spec: { architecture: profile.defaultArchitecture, domain: { devices: {}, resources: { requests: { memory: '1Gi' } } } },
  } as VirtualMachineInstance;
}

export interface NodeReadiness {
  name: string;
  arch: string | null;
  mshvAllocatable: number;
  kvmAllocatable: number;
  schedulable: boolean;
  /** Why virt-handler/the scheduler would not place VMs here: label, cordon, taints. */
  unschedulableReasons: string[];
  /** What the probe VM would get here. */
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  error: string | null;
}

export interface Check {
  id: string;
  ok: boolean;
  detail: string;
}

export interface Readiness {
  profile: string;
  kubevirtVersion: string | null;
  versionKey: string;
  versionLabel: string;
  semantics: Semantics;
  featureGates: { configurableHypervisor: boolean; hyperVL1VH: boolean };
  hypervisors: string[];
  useEmulation: boolean;
  nodes: NodeReadiness[];
  newVm: { hypervisor: HypervisorId | null; domainType: DomainType | null; error: string | null; node: string | null; summary: string; fallback: string | null };
  checks: Check[];
  ready: boolean;
}

const SCHEDULABLE_LABEL = 'kubevirt.io/schedulable';

export function allocatable(node: Node, resource: string): number {
  const v = node.status?.allocatable?.[resource];
  const n = typeof v === 'number' ? v : Number.parseInt(String(v ?? '0'), 10);
  return Number.isFinite(n) ? n : 0;
}

function unschedulableReasons(node: Node): string[] {
  const out: string[] = [];
  if (node.metadata.labels?.[SCHEDULABLE_LABEL] !== 'true') out.push(`label ${SCHEDULABLE_LABEL}=true missing (virt-handler not ready here?)`);
  if (node.spec?.unschedulable) out.push('cordoned');
  for (const t of node.spec?.taints ?? []) {
    if (t.effect === 'NoSchedule' || t.effect === 'NoExecute') out.push(`taint ${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`);
  }
  return out;
}

export function assessReadiness(profile: ClusterProfile): Readiness {
  const selection = selectHypervisor({ vmi: probeVmi(profile), profile });
  const cfg = profile.config;
  const chGate = isGateEnabled(cfg, FEATURE_GATES.configurableHypervisor);
  const l1vhGate = isGateEnabled(cfg, FEATURE_GATES.hyperVL1VH);
  const hypervisors = cfg.hypervisors.map((h) => h.name);
  const traits = VERSION_TRAITS[profile.version];

  const nodes: NodeReadiness[] = profile.nodes.map(({ value }) => {
    const name = value.metadata.name ?? '';
    const outcome = selection.nodes.find((n) => n.node === name);
    const reasons = unschedulableReasons(value);
    return {
      name,
      arch: nodeArchitecture(value) ?? null,
      mshvAllocatable: allocatable(value, BACKENDS.mshv.resource),
      kvmAllocatable: allocatable(value, BACKENDS.kvm.resource),
      schedulable: reasons.length === 0,
      unschedulableReasons: reasons,
      hypervisor: outcome?.hypervisor ?? null,
      domainType: outcome?.domainType ?? null,
      error: outcome?.error ?? null,
    };
  });

  const newVm = {
    hypervisor: selection.hypervisor,
    domainType: selection.domainType,
    error: selection.error,
    node: selection.landingNode,
    summary: selection.summary,
    fallback: selection.fallback?.reason ?? null,
  };

  const mshvNodes = nodes.filter((n) => n.mshvAllocatable > 0);
  const configuredForMshv = l1vhGate || (chGate && hypervisors[0] === BACKENDS.mshv.configName);
  const checks: Check[] = [
    {
      id: 'kubevirt-version',
      ok: traits.configurableHypervisor,
      detail: `${traits.label}${profile.observedVersion ? ` (observed ${profile.observedVersion})` : ' (version unknown)'}${traits.configurableHypervisor ? '' : ': no ConfigurableHypervisor support'}`,
    },
    {
      id: 'hypervisor-configuration',
      ok: configuredForMshv,
      detail: l1vhGate
        ? 'HyperVL1VH gate on: the proposal semantics apply (MSHV where /dev/mshv exists, else KVM)'
        : !chGate
          ? `ConfigurableHypervisor gate off: KubeVirt uses kvm${hypervisors[0] === BACKENDS.mshv.configName ? ' and ignores hypervisors[0]=hyperv-direct' : ''}`
          : hypervisors[0] === BACKENDS.mshv.configName
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
      ok: newVm.hypervisor === 'mshv',
      detail: newVm.hypervisor ? `a new VM gets ${HYPERVISOR_LABELS[newVm.hypervisor]}${newVm.node ? ` on ${newVm.node}` : ''}` : `a new VM fails: ${newVm.error ?? 'unknown'}`,
    },
  ];

  return {
    profile: profile.origin,
    kubevirtVersion: profile.observedVersion ?? null,
    versionKey: profile.version,
    versionLabel: traits.label,
    semantics: selection.semantics,
    featureGates: { configurableHypervisor: chGate, hyperVL1VH: l1vhGate },
    hypervisors,
    useEmulation: cfg.developerConfiguration.useEmulation === true,
    nodes,
    newVm,
    checks,
    ready: checks.every((c) => c.ok),
  };
}
