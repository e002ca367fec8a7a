// The selection table (kubevirt-behaviour.md §2 and the HyperVL1VH proposal), rule by rule,
// plus per-node outcomes on a mixed cluster.
import { explainPositionsFor, loadProfile, selectHypervisor, type VirtualMachineInstance } from './support.js';
import { describe, expect, it } from 'vitest';

interface ClusterSpec {
  gates?: string[];
  hypervisor?: string;
  emulation?: boolean;
  nodes: { name: string; devices: ('mshv' | 'kvm')[]; arch?: string; taint?: boolean; cordoned?: boolean; labels?: Record<string, string> }[];
}

function profileYaml(c: ClusterSpec): string {
  const cfg: string[] = [];
  if (c.gates || c.emulation !== undefined) {
    cfg.push('      developerConfiguration:');
    if (c.gates) cfg.push('        featureGates:', ...c.gates.map((g) => `        - ${g}`));
    if (c.emulation !== undefined) cfg.push(`        useEmulation: ${c.emulation}`);
  }
  if (c.hypervisor) cfg.push('      hypervisors:', `      - name: ${c.hypervisor}`);
  const nodes = c.nodes.map((n) => {
    const alloc = ['tun', 'vhost-net', ...n.devices].map((d) => `        devices.kubevirt.io/${d}: "1000"`);
    const labels = { 'kubernetes.io/arch': n.arch ?? 'amd64', 'kubevirt.io/schedulable': 'true', ...(n.labels ?? {}) };
    return [
      '- apiVersion: v1',
      '  kind: Node',
      '  metadata:',
      `    name: ${n.name}`,
      '    labels:',
      ...Object.entries(labels).map(([k, v]) => `      ${k}: "${v}"`),
      ...(n.taint || n.cordoned ? ['  spec:'] : []),
      ...(n.cordoned ? ['    unschedulable: true'] : []),
      ...(n.taint ? ['    taints:', '    - key: dedicated', '      value: gpu', '      effect: NoSchedule'] : []),
      '  status:',
      '    allocatable:',
      ...alloc,
    ].join('\n');
  });
  return [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: kubevirt.io/v1',
    '  kind: KubeVirt',
    '  metadata: {name: kubevirt, namespace: kubevirt}',
    '  spec:',
    ...(cfg.length ? ['    configuration:', ...cfg] : ['    configuration: {}']),
    '  status:',
    '    observedKubeVirtVersion: v1.10.0',
    ...nodes,
  ].join('\n') + '\n';
}

function vmi(extra: Partial<VirtualMachineInstance['spec']> = {}): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'vm', namespace: 'default' },
    spec: { architecture: 'amd64', domain: { devices: { interfaces: [{ name: 'default', bridge: {} }] } }, networks: [{ name: 'default', pod: {} }], ...extra },
  };
}

function select(c: ClusterSpec, v: VirtualMachineInstance = vmi()) {
  const { profile, findings } = loadProfile([{ path: 'cluster.yaml', text: profileYaml(c) }]);
  expect(findings).toEqual([]);
  return selectHypervisor({ vmi: v, profile });
}

const CH = 'ConfigurableHypervisor';
const L1VH = 'HyperVL1VH';

describe('KubeVirt as shipped (ConfigurableHypervisor)', () => {
  const rows: [string, ClusterSpec, { hypervisor: string | null; domainType: string | null; error: string | null }][] = [
    ['gate on, hyperv-direct, /dev/mshv present → mshv/hyperv', { gates: [CH], hypervisor: 'hyperv-direct', nodes: [{ name: 'n1', devices: ['mshv'] }] }, { hypervisor: 'mshv', domainType: 'hyperv', error: null }],
    ['gate on, hyperv-direct, no mshv, emulation → qemu', { gates: [CH], hypervisor: 'hyperv-direct', emulation: true, nodes: [{ name: 'n1', devices: ['kvm'] }] }, { hypervisor: 'qemu', domainType: 'qemu', error: null }],
    ['gate on, hyperv-direct, no mshv, no emulation → MSHV not present', { gates: [CH], hypervisor: 'hyperv-direct', nodes: [{ name: 'n1', devices: ['kvm'] }] }, { hypervisor: null, domainType: null, error: 'MSHV not present' }],
    ['gate on, kvm, /dev/kvm present → kvm', { gates: [CH], hypervisor: 'kvm', nodes: [{ name: 'n1', devices: ['kvm', 'mshv'] }] }, { hypervisor: 'kvm', domainType: 'kvm', error: null }],
    ['gate off, hyperv-direct configured → ignored, kvm', { hypervisor: 'hyperv-direct', nodes: [{ name: 'n1', devices: ['kvm', 'mshv'] }] }, { hypervisor: 'kvm', domainType: 'kvm', error: null }],
    ['gate off, only /dev/mshv → kvm missing, no emulation → fails', { hypervisor: 'hyperv-direct', nodes: [{ name: 'n1', devices: ['mshv'] }] }, { hypervisor: null, domainType: null, error: 'kvm not present and emulation is not allowed' }],
    ['default config, no kvm, emulation → qemu', { emulation: true, nodes: [{ name: 'n1', devices: [] }] }, { hypervisor: 'qemu', domainType: 'qemu', error: null }],
    ['gate on, no hypervisors entry → default kvm', { gates: [CH], nodes: [{ name: 'n1', devices: ['kvm'] }] }, { hypervisor: 'kvm', domainType: 'kvm', error: null }],
  ];
  it.each(rows)('%s', (_name, cluster, want) => {
    const s = select(cluster);
    expect(s.semantics).toBe('kubevirt');
    expect({ hypervisor: s.hypervisor, domainType: s.domainType, error: s.error }).toEqual(want);
  });

  it('requests the configured device resource unless emulation is on', () => {
    expect(select({ gates: [CH], hypervisor: 'hyperv-direct', nodes: [{ name: 'n1', devices: ['mshv'] }] }).deviceResources).toMatchObject({ 'devices.kubevirt.io/mshv': '1' });
    const emu = select({ gates: [CH], hypervisor: 'hyperv-direct', emulation: true, nodes: [{ name: 'n1', devices: [] }] });
    expect(Object.keys(emu.deviceResources)).not.toContain('devices.kubevirt.io/mshv');
    expect(emu.hypervisorDeviceAvailable).toBe(false);
    expect(emu.hypervisorName).toBe('hyperv-direct');
  });

  it('flags a VM meant for MSHV that ends up emulated', () => {
    const s = select({ gates: [CH], hypervisor: 'hyperv-direct', emulation: true, nodes: [{ name: 'n1', devices: ['kvm'] }] });
    expect(s.fallback).toMatchObject({ to: 'qemu' });
  });
});

describe('HyperVL1VH proposal', () => {
  it('takes MSHV when /dev/mshv exists', () => {
    const s = select({ gates: [L1VH], nodes: [{ name: 'n1', devices: ['mshv', 'kvm'] }] });
    expect(s).toMatchObject({ semantics: 'hypervl1vh-proposal', hypervisor: 'mshv', domainType: 'hyperv', error: null, fallback: null, hypervisorName: 'hyperv-direct' });
  });
  it('falls back to KVM transparently without /dev/mshv', () => {
    const s = select({ gates: [L1VH], nodes: [{ name: 'n1', devices: ['kvm'] }] });
    expect(s).toMatchObject({ hypervisor: 'kvm', domainType: 'kvm', error: null, hypervisorName: 'kvm' });
    expect(s.fallback).toMatchObject({ to: 'kvm' });
  });
  it('falls back to emulation when neither device exists and emulation is on', () => {
    expect(select({ gates: [L1VH], emulation: true, nodes: [{ name: 'n1', devices: [] }] })).toMatchObject({ hypervisor: 'qemu', domainType: 'qemu' });
  });
  it('fails like kvm when neither device exists and emulation is off', () => {
    expect(select({ gates: [L1VH], nodes: [{ name: 'n1', devices: [] }] })).toMatchObject({ hypervisor: null, error: 'kvm not present and emulation is not allowed' });
  });
  it('wins over ConfigurableHypervisor when both gates are on, and says so', () => {
    const s = select({ gates: [CH, L1VH], hypervisor: 'kvm', nodes: [{ name: 'n1', devices: ['mshv', 'kvm'] }] });
    expect(s.semantics).toBe('hypervl1vh-proposal');
    expect(s.hypervisor).toBe('mshv');
    expect(s.trace.map((t) => t.rule)).toContain('gate-hypervl1vh');
  });
});

describe('per-node outcomes on a mixed cluster', () => {
  const mixed: ClusterSpec['nodes'] = [
    { name: 'node-mshv', devices: ['mshv'] },
    { name: 'node-kvm', devices: ['kvm'] },
    { name: 'node-none', devices: [] },
  ];

  it('shipped semantics: only the mshv node can take the pod', () => {
    const s = select({ gates: [CH], hypervisor: 'hyperv-direct', nodes: mixed });
    expect(s.nodes.map((n) => [n.node, n.eligible, n.hypervisor, n.error])).toEqual([
      ['node-mshv', true, 'mshv', null],
      ['node-kvm', false, null, 'MSHV not present'],
      ['node-none', false, null, 'MSHV not present'],
    ]);
    expect(s.nodes[1]!.reasons).toContain('no allocatable devices.kubevirt.io/mshv');
    expect(s.landingNode).toBe('node-mshv');
    expect(s.hypervisor).toBe('mshv');
  });

  it('proposal semantics: every node is eligible and the outcome differs per node', () => {
    const s = select({ gates: [L1VH], nodes: mixed });
    expect(s.nodes.map((n) => [n.node, n.eligible, n.hypervisor])).toEqual([
      ['node-mshv', true, 'mshv'],
      ['node-kvm', true, 'kvm'],
      ['node-none', true, null],
    ]);
    expect(s.summary).toContain('differs');
  });

  it('kvm with emulation: no device is requested, so every node is eligible', () => {
    const s = select({ emulation: true, nodes: mixed });
    expect(s.nodes.map((n) => n.hypervisor)).toEqual(['qemu', 'kvm', 'qemu']);
    expect(s.nodes.every((n) => n.eligible)).toBe(true);
  });

  it('a VM that fits no node is a finding, not a crash', () => {
    const s = select({ gates: [CH], hypervisor: 'hyperv-direct', nodes: [{ name: 'node-kvm', devices: ['kvm'] }] });
    expect(s.nodes[0]!.eligible).toBe(false);
    expect(s.summary).toMatch(/no node can run the launcher pod/);
    expect(s.error).toBe('MSHV not present');
  });
});

describe('node eligibility filters', () => {
  it('rejects another architecture, an untolerated taint, a cordoned node and an unmatched nodeSelector', () => {
    const s = select(
      {
        gates: [CH],
        hypervisor: 'hyperv-direct',
        nodes: [
          { name: 'arm', devices: ['mshv'], arch: 'arm64' },
          { name: 'tainted', devices: ['mshv'], taint: true },
          { name: 'cordoned', devices: ['mshv'], cordoned: true },
          { name: 'unlabelled', devices: ['mshv'] },
          { name: 'good', devices: ['mshv'], labels: { pool: 'l1vh' } },
        ],
      },
      vmi({ nodeSelector: { pool: 'l1vh' } }),
    );
    const reasons = Object.fromEntries(s.nodes.map((n) => [n.node, n.reasons.join('; ')]));
    expect(reasons.arm).toMatch(/node arch arm64, VM arch amd64/);
    expect(reasons.tainted).toMatch(/taint dedicated=gpu:NoSchedule not tolerated/);
    expect(reasons.cordoned).toMatch(/cordoned/);
    expect(reasons.unlabelled).toMatch(/nodeSelector pool=l1vh not matched/);
    expect(reasons.good).toBe('');
    expect(s.landingNode).toBe('good');
  });

  it('accepts a tainted node when the VM tolerates the taint', () => {
    const s = select(
      { gates: [CH], hypervisor: 'hyperv-direct', nodes: [{ name: 'tainted', devices: ['mshv'], taint: true }] },
      vmi({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }),
    );
    expect(s.nodes[0]!.eligible).toBe(true);
  });

  it('assumes the device exists when the profile has no nodes', () => {
    const { profile } = loadProfile([{ path: 'p.yaml', text: 'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata: {name: kv}\nspec:\n  configuration:\n    developerConfiguration: {featureGates: [ConfigurableHypervisor]}\n    hypervisors: [{name: hyperv-direct}]\n' }]);
    const s = selectHypervisor({ vmi: vmi(), profile });
    expect(s).toMatchObject({ hypervisor: 'mshv', landingNode: null });
    expect(s.trace.map((t) => t.rule)).toContain('no-nodes');
  });
});

describe('decision trace', () => {
  it('lists the rules in order, each pointing at the field that decided it', () => {
    const text = profileYaml({ gates: [CH], hypervisor: 'hyperv-direct', nodes: [{ name: 'n1', devices: ['mshv'] }] });
    const s = select({ gates: [CH], hypervisor: 'hyperv-direct', nodes: [{ name: 'n1', devices: ['mshv'] }] });
    expect(s.trace.map((t) => t.rule)).toEqual(['kubevirt-version', 'gate-configurable-hypervisor', 'configured-hypervisor', 'emulation', 'node', 'landing-node', 'outcome']);
    const positions = explainPositionsFor(s.trace);
    const lines = text.split('\n');
    const gateLine = lines.findIndex((l) => l.includes('- ConfigurableHypervisor')) + 1;
    const nameLine = lines.findIndex((l) => l.includes('- name: hyperv-direct')) + 1;
    expect(positions['gate-configurable-hypervisor']).toMatchObject({ file: 'cluster.yaml', line: gateLine });
    expect(positions['configured-hypervisor']).toMatchObject({ file: 'cluster.yaml', line: nameLine });
  });
});
