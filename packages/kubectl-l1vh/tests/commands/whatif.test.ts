// kubectl l1vh whatif: exit codes, the JSON contract, and "after" = explain on the edited profile.
import { describe, expect, it } from 'vitest';
import { CLUSTER_NO_MSHV, run, VM_OK, VM_PENDING } from '../support/fake-io.js';

interface Side {
  verdict: string;
  hypervisor: string | null;
  domainType: string | null;
  error: string | null;
  overheadBytes: number | null;
  launcherResources: { requests: Record<string, string>; limits?: Record<string, string> } | null;
  domainXml: string | null;
  placedOn: string[];
  nodes: unknown[];
}
interface WhatIfJson {
  profile: string;
  changes: { kind: string; flag: string }[];
  edits: { object: string; field: string; before: string | null; after: string | null }[];
  notes: string[];
  placement: string;
  summary: { vms: number; keepRunning: number; changeHypervisor: number; stopRunning: number; startRunning: number; neverRunning: number; memoryRequestBytes: { before: number; after: number; delta: number }; overcommittedNodes: { before: string[]; after: string[] } };
  items: { source: { file: string; line: number; col: number }; kind: string; namespace: string; name: string; pods: number; runningOn: string | null; before: Side; after: Side; changed: string[]; changedSteps: { rule: string }[]; xmlDiff: string | null }[];
  nodes: { node: string; before: { vms: string[]; requests: Record<string, string>; allocatable: Record<string, string>; overcommitted: string[] }; after: { vms: string[]; requests: Record<string, string>; overcommitted: string[] } }[];
}

const json = (out: string) => JSON.parse(out) as WhatIfJson;
const FILES = { 'ok.yaml': VM_OK, 'c.yaml': CLUSTER_NO_MSHV };

describe('whatif exit codes', () => {
  it('0 when no VM that runs before stops running after', async () => {
    const r = await run(['whatif', 'ok.yaml', '--use-emulation', 'on'], FILES);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Summary: 1 VM: 1 keeps running \(0 change hypervisor\), 0 stop launching, 0 start launching; memory requests unchanged: 1\.3Gi → 1\.3Gi\n/);
    // Also when VMs start launching (unschedulable → runs under emulation).
    const started = await run(['whatif', 'ok.yaml', '--profile', 'c.yaml', '--use-emulation', 'on'], FILES);
    expect(started.code).toBe(0);
    expect(started.out).toMatch(/default\/ok\s+unschedulable → runs\s+none → qemu \(qemu\)/);
  });

  it('1 when a VM that runs before stops running after', async () => {
    const r = await run(['whatif', 'ok.yaml', '--node-device', 'all=none'], FILES);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/default\/ok\s+runs → unschedulable/);
    expect(r.out).toContain('1 stop launching');
  });

  it('0 when a VM that did not run still does not (it never ran)', async () => {
    const r = await run(['whatif', 'p.yaml', '--node-device', 'all=none'], { 'p.yaml': VM_PENDING });
    expect(r.code).toBe(0);
    expect(json((await run(['whatif', 'p.yaml', '--node-device', 'all=none', '-o', 'json'], { 'p.yaml': VM_PENDING })).out).summary).toMatchObject({ neverRunning: 1, stopRunning: 0 });
  });

  it.each([
    [['whatif', 'ok.yaml'], 'whatif needs at least one change'],
    [['whatif', 'ok.yaml', '--hypervisor', 'mshv'], '--hypervisor "mshv": expected kvm or hyperv-direct'],
    [['whatif', 'ok.yaml', '--feature-gate', 'HyperVL1VH'], '--feature-gate "HyperVL1VH": expected NAME=on|off'],
    [['whatif', 'ok.yaml', '--node-device', 'nope=kvm'], 'no node "nope" in the profile (nodes: l1vh-node-1)'],
    [['whatif', 'ok.yaml', '--use-emulation', 'on', '-o', 'yaml'], 'unknown output format "yaml" (valid: text, json)'],
    [['whatif', 'ok.yaml', '--use-emulation', 'on', '--profile', 'missing.yaml'], 'missing.yaml: error IO_ERROR'],
  ])('2 on a usage or profile error: %j', async (argv, message) => {
    const r = await run(argv, FILES);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it('2 with a missing input path (as explain), after printing the comparison of the others', async () => {
    const r = await run(['whatif', 'ok.yaml', 'gone.yaml', '--use-emulation', 'on'], FILES);
    expect(r.code).toBe(2);
    expect(r.out).toContain('default/ok');
    expect(r.err).toContain('gone.yaml: error IO_ERROR');
  });

  it('--help prints the usage with every change flag and exits 0', async () => {
    const r = await run(['whatif', '--help'], {});
    expect(r.code).toBe(0);
    for (const flag of ['--hypervisor', '--feature-gate', '--use-emulation', '--kubevirt-version', '--node-device', '--show-xml-diff']) expect(r.out).toContain(flag);
  });
});

describe('whatif -o json', () => {
  it('has the documented shape', async () => {
    const r = await run(['whatif', 'ok.yaml', '--profile', 'c.yaml', '--feature-gate', 'ConfigurableHypervisor=off', '-o', 'json'], FILES);
    expect(r.code).toBe(0);
    const j = json(r.out);
    expect(Object.keys(j)).toEqual(['profile', 'changes', 'edits', 'notes', 'placement', 'summary', 'items', 'nodes']);
    expect(j.changes).toEqual([{ kind: 'feature-gate', gate: 'ConfigurableHypervisor', enabled: false, flag: '--feature-gate ConfigurableHypervisor=off' }]);
    expect(j.edits).toEqual([{ object: 'KubeVirt kubevirt/kubevirt', field: 'spec.configuration.developerConfiguration.featureGates', before: '[ConfigurableHypervisor]', after: '[]' }]);
    const [it0] = j.items;
    expect(it0).toMatchObject({ source: { file: 'ok.yaml', line: 1, col: 1 }, kind: 'VirtualMachine', namespace: 'default', name: 'ok', pods: 1, runningOn: null });
    expect(it0!.before).toMatchObject({ verdict: 'unschedulable', hypervisor: null, domainType: null, placedOn: [] });
    expect(it0!.before.error).toContain('MSHV not present');
    expect(it0!.after).toMatchObject({ verdict: 'runs', hypervisor: 'kvm', domainType: 'kvm', error: null, placedOn: ['kvm-node'] });
    expect(it0!.changed).toEqual(['verdict', 'hypervisor', 'domainType', 'error', 'launcherResources', 'domainXml']);
    expect(it0!.changedSteps[0]!.rule).toBe('gate-configurable-hypervisor');
    const pod = 1314 * 1024 * 1024; // 1Gi guest + 290Mi overhead: the launcher's memory request
    expect(it0!.after.launcherResources!.requests.memory).toBe('1314Mi');
    expect(j.summary).toEqual({ vms: 1, keepRunning: 0, changeHypervisor: 0, stopRunning: 0, startRunning: 1, neverRunning: 0, memoryRequestBytes: { before: 0, after: pod, delta: pod }, overcommittedNodes: { before: [], after: [] } });
    expect(j.nodes.map((n) => n.node)).toEqual(['kvm-node']);
    expect(j.nodes[0]!.before.allocatable).toMatchObject({ memory: '32Gi', 'devices.kubevirt.io/kvm': '1000' });
  });

  it('"after" equals explain -o json on the profile edited by hand; "before" equals plain explain', async () => {
    const running = VM_OK;
    const edited = CLUSTER_NO_MSHV.replace('devices.kubevirt.io/kvm: "1000"', 'devices.kubevirt.io/mshv: "1000"');
    const files = { 'vm.yaml': running, 'c.yaml': CLUSTER_NO_MSHV, 'edited.yaml': edited };
    const w = json((await run(['whatif', 'vm.yaml', '--profile', 'c.yaml', '--node-device', 'kvm-node=mshv', '-o', 'json'], files)).out);
    const plain = (JSON.parse((await run(['explain', 'vm.yaml', '--profile', 'c.yaml', '-o', 'json'], files)).out) as { items: Side[] }).items[0]!;
    const hand = (JSON.parse((await run(['explain', 'vm.yaml', '--profile', 'edited.yaml', '-o', 'json'], files)).out) as { items: Side[] }).items[0]!;
    const pick = (s: Side) => ({ hypervisor: s.hypervisor, domainType: s.domainType, error: s.error, overheadBytes: s.overheadBytes, launcherResources: s.launcherResources, domainXml: s.domainXml, nodes: s.nodes });
    expect(pick(w.items[0]!.before)).toEqual(pick(plain));
    expect(pick(w.items[0]!.after)).toEqual(pick(hand));
    expect(w.items[0]!.after).toMatchObject({ verdict: 'runs', domainType: 'hyperv', placedOn: ['kvm-node'] });
    expect(w.items[0]!.before).toMatchObject({ verdict: 'unschedulable', placedOn: [] });
    // The launcher pod's memory request is what lands on the node.
    expect(w.nodes[0]!.after.requests.memory).toBe(hand.launcherResources!.requests.memory);
    expect(hand.launcherResources!.requests.memory).toBe('1314Mi');
    expect(w.summary.memoryRequestBytes.delta).toBe(1314 * 1024 * 1024);
  });

  it('takes the VMs of the --profile files when no input is given', async () => {
    const withVm = `${CLUSTER_NO_MSHV}- ${VM_OK.trimEnd().split('\n').join('\n  ')}\n`;
    const r = await run(['whatif', '--profile', 'c.yaml', '--use-emulation', 'on', '-o', 'json'], { 'c.yaml': withVm });
    expect(r.err).toBe('');
    const j = json(r.out);
    expect(j.items.map((i) => `${i.kind} ${i.name} ${i.before.verdict}→${i.after.verdict}`)).toEqual(['VirtualMachine ok unschedulable→runs']);
    expect(j.nodes[0]!.after.vms).toEqual(['default/ok']);
  });
});

describe('whatif -o text', () => {
  it('--show-xml-diff prints a unified diff of the domain XML', async () => {
    const files = { 'ok.yaml': VM_OK };
    const r = await run(['whatif', 'ok.yaml', '--hypervisor', 'kvm', '--node-device', 'all=kvm', '--show-xml-diff'], files);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  --- default/ok (before)\n  +++ default/ok (after)\n');
    expect(r.out).toContain('  -<domain type="hyperv"');
    expect(r.out).toContain('  +<domain type="kvm"');
    expect(r.out).toMatch(/default\/ok\s+runs\s+mshv \(hyperv\) → kvm \(kvm\)/);
    const plain = await run(['whatif', 'ok.yaml', '--hypervisor', 'kvm', '--node-device', 'all=kvm'], files);
    expect(plain.out).not.toContain('+++');
  });
});
