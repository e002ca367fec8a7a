// whatif against a loopback API server: with no files, the cluster's VMs and VMIs are the
// inputs, the live cluster is the profile, and running VMIs start on today's node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './helpers/test-cluster.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t?.close();
});

interface Json {
  profile: string;
  items: { kind: string; namespace: string; name: string; runningOn: string | null; pods: number; before: { verdict: string; placedOn: string[] }; after: { verdict: string; placedOn: string[] } }[];
  nodes: { node: string; before: { vms: string[] }; after: { vms: string[]; overcommitted: string[] } }[];
  summary: { stopRunning: number; keepRunning: number };
}

describe('kubectl l1vh whatif on the live cluster', () => {
  it('compares every VM and standalone VMI of the cluster; a VM-owned VMI gives its VM today\'s node', async () => {
    t.api.requests.length = 0;
    const r = await t.cli(['whatif', '--kubeconfig', t.kubeconfig, '--use-emulation', 'on', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.profile).toMatch(/^<cluster https:\/\/127\.0\.0\.1:\d+>$/);
    // vm-12003 is a VM with its VMI; vm-12000/vm-12002 are VMIs whose VM is not in the cluster; vm-12004 a standalone VMI.
    expect(j.items.map((i) => `${i.kind} ${i.namespace}/${i.name} ${i.runningOn}`).sort()).toEqual([
      'VirtualMachine default/vm-12003 node-amd64-1',
      'VirtualMachineInstance default/vm-12000 node-amd64-1',
      'VirtualMachineInstance default/vm-12002 node-amd64-1',
      'VirtualMachineInstance other/vm-12004 node-amd64-1',
    ]);
    for (const i of j.items) expect(i.before).toMatchObject({ verdict: 'runs', placedOn: ['node-amd64-1'] });
    expect(j.nodes.find((n) => n.node === 'node-amd64-1')!.before.vms).toHaveLength(4);
    const listed = t.api.requests.map((q) => q.url.split('?')[0]);
    expect(listed).toContain('/apis/kubevirt.io/v1/virtualmachines');
    expect(listed).toContain('/apis/kubevirt.io/v1/virtualmachineinstances');
  });

  it('exits 1 when the node that runs them loses /dev/mshv (the other node is tainted)', async () => {
    const r = await t.cli(['whatif', '--kubeconfig', t.kubeconfig, '--node-device', 'node-amd64-1=kvm']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Summary: 4 VMs: 0 keep running \(0 change hypervisor\), 4 stop launching/);
  });

  it('-n limits the inputs to one namespace', async () => {
    const r = await t.cli(['whatif', '--kubeconfig', t.kubeconfig, '-n', 'other', '--use-emulation', 'on', '-o', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Json).items.map((i) => i.name)).toEqual(['vm-12004']);
  });

  it('exits 3 when the cluster cannot be read', async () => {
    const r = await t.cli(['whatif', '--kubeconfig', '/nonexistent/kubeconfig', '--use-emulation', 'on']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^kubectl-l1vh whatif: /);
  });
});
