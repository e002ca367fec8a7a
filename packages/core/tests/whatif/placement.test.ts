// Per-node sums, with expected values added up by hand from the golden vectors' launcher
// resources (KubeVirt-produced), not from our own output. Two mshv nodes: node-amd64-1 has
// exactly the memory of vm-12000 + vm-12002, node-amd64-2 plenty.
import { loadObjects, loadProfile, parseQuantity, quantityValue, whatIf, type Change, type WhatIfResult } from '@l1vh/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../support/shared.js';

const GROUP = sharedPath('golden', 'generated', 'mshv-amd64');
const read = (f: string) => readFileSync(join(GROUP, f), 'utf8');
const expectedRequests = (name: string) => (JSON.parse(read(`expected/${name}.json`)) as { launcherComputeResources: { requests: Record<string, string> } }).launcherComputeResources.requests;

const bytes = (q: string | undefined): bigint => (q === undefined ? 0n : (() => {
  const r = parseQuantity(q);
  if (!r.ok) throw new Error(q);
  return quantityValue(r.quantity);
})());

// From the vectors: memory and cpu requests of each launcher pod.
const A = expectedRequests('vm-12000'); // VM, runStrategy Always
const B = expectedRequests('vm-12002'); // VM, runStrategy Always
const C = expectedRequests('vm-12004'); // VMI, running on node-amd64-2 today
const D = expectedRequests('vm-12010'); // VMI, not placed yet
const memAB = bytes(A.memory) + bytes(B.memory);
const memCD = bytes(C.memory) + bytes(D.memory);

function profileText(): string {
  const doc = parseDocument(read('cluster.yaml'));
  const items = doc.get('items');
  if (!isSeq(items)) throw new Error('not a List');
  const i = items.items.findIndex((it) => isMap(it) && it.get('kind') === 'Node');
  doc.setIn(['items', i, 'status', 'allocatable', 'memory'], memAB.toString());
  const second = doc.createNode((doc.toJS() as { items: object[] }).items[i]);
  items.items.push(second);
  doc.setIn(['items', items.items.length - 1, 'metadata', 'name'], 'node-amd64-2');
  doc.setIn(['items', items.items.length - 1, 'status', 'allocatable', 'memory'], '64Gi');
  return doc.toString();
}

function inputs(): { path: string; text: string }[] {
  const pinned = parseDocument(read('cases/vm-12004.yaml'));
  pinned.setIn(['status', 'nodeName'], 'node-amd64-2');
  const stopped = parseDocument(read('cases/vm-12000.yaml'));
  stopped.setIn(['metadata', 'name'], 'stopped');
  stopped.setIn(['spec', 'runStrategy'], 'Halted');
  return [
    { path: 'a.yaml', text: read('cases/vm-12000.yaml') },
    { path: 'b.yaml', text: read('cases/vm-12002.yaml') },
    { path: 'c.yaml', text: pinned.toString() },
    { path: 'd.yaml', text: read('cases/vm-12010.yaml') },
    { path: 's.yaml', text: stopped.toString() },
  ];
}

function run(changes: Change[]): WhatIfResult {
  const loaded = loadObjects(inputs());
  expect(loaded.findings).toEqual([]);
  const { profile } = loadProfile([{ path: 'two-nodes.yaml', text: profileText() }], loaded.objects);
  const out = whatIf({ profile, objects: loaded.objects, changes });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}

const node = (r: WhatIfResult, name: string) => r.nodes.find((n) => n.node === name)!;

describe('placement and per-node sums', () => {
  it('first fit before; a node losing its device sends its pods to the full node, which is then over-committed', () => {
    const r = run([{ kind: 'node-device', node: 'node-amd64-2', device: 'none' }]);
    const n1 = node(r, 'node-amd64-1');
    const n2 = node(r, 'node-amd64-2');

    // Before: vm-12004 stays on today's node; vm-12000 and vm-12002 fill node-amd64-1 exactly; vm-12010 no longer fits there.
    expect(n1.before.vms).toEqual(['prod/vm-12000', 'team-a/vm-12002']);
    expect(n2.before.vms).toEqual(['team-a/vm-12004', 'team-a/vm-12010']);
    expect(bytes(n1.before.requests.memory)).toBe(memAB);
    expect(bytes(n2.before.requests.memory)).toBe(memCD);
    expect(n1.before.requests.cpu).toBe('200m'); // 100m + 100m
    expect(n2.before.requests.cpu).toBe('500m'); // 100m + 400m
    expect(n1.before.requests['devices.kubevirt.io/mshv']).toBe('2');
    expect(n1.before.requests.pods).toBe('2');
    expect(n1.before.overcommitted).toEqual([]);
    expect(n2.before.overcommitted).toEqual([]);

    // After: node-amd64-2 has no /dev/mshv; its pods can only go to node-amd64-1.
    expect(n2.after.vms).toEqual([]);
    expect(n1.after.vms).toEqual(['prod/vm-12000', 'team-a/vm-12002', 'team-a/vm-12004', 'team-a/vm-12010']);
    expect(bytes(n1.after.requests.memory)).toBe(memAB + memCD);
    expect(n1.after.requests.cpu).toBe('700m');
    expect(n1.after.requests['devices.kubevirt.io/mshv']).toBe('4');
    expect(n1.after.overcommitted).toEqual(['memory']);
    expect(n1.after.allocatable.memory).toBe(memAB.toString());

    expect(r.summary.overcommittedNodes).toEqual({ before: [], after: ['node-amd64-1'] });
    expect(r.summary.memoryRequestBytes).toEqual({ before: Number(memAB + memCD), after: Number(memAB + memCD), delta: 0 });
    expect(r.summary).toMatchObject({ vms: 5, keepRunning: 5, stopRunning: 0, changeHypervisor: 0 });
  });

  it('a stopped VM occupies nothing but keeps its verdict; a VM that stops launching leaves its node', () => {
    const r = run([{ kind: 'node-device', node: null, device: 'none' }]);
    const stopped = r.items.find((i) => i.name === 'stopped')!;
    expect(stopped.pods).toBe(0);
    expect(stopped.before).toMatchObject({ verdict: 'runs', placedOn: [] });
    expect(stopped.after.verdict).toBe('unschedulable');
    for (const n of r.nodes) expect(n.after.vms).toEqual([]);
    expect(r.summary.memoryRequestBytes).toEqual({ before: Number(memAB + memCD), after: 0, delta: -Number(memAB + memCD) });
    expect(r.summary).toMatchObject({ vms: 5, keepRunning: 0, stopRunning: 5, startRunning: 0 });
  });

  it('a running VMI stays on today\'s node while it is eligible', () => {
    const r = run([{ kind: 'use-emulation', enabled: true }]);
    const pinned = r.items.find((i) => i.name === 'vm-12004')!;
    expect(pinned.runningOn).toBe('node-amd64-2');
    expect(pinned.before.placedOn).toEqual(['node-amd64-2']);
    expect(pinned.after.placedOn).toEqual(['node-amd64-2']);
  });
});

describe('which objects are VMs of the fleet', () => {
  it('a VMI owned by an input VM is its running instance: one row, placed on the VMI\'s node', () => {
    const vmi = parseDocument(read('cases/vm-12010.yaml'));
    vmi.setIn(['metadata', 'name'], 'vm-12000');
    vmi.setIn(['metadata', 'namespace'], 'prod');
    vmi.setIn(['metadata', 'ownerReferences'], vmi.createNode([{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'vm-12000', uid: 'x' }]));
    vmi.setIn(['status', 'nodeName'], 'node-amd64-2');
    const loaded = loadObjects([{ path: 'a.yaml', text: read('cases/vm-12000.yaml') }, { path: 'a-vmi.yaml', text: vmi.toString() }]);
    const { profile } = loadProfile([{ path: 'two-nodes.yaml', text: profileText() }], loaded.objects);
    const out = whatIf({ profile, objects: loaded.objects, changes: [{ kind: 'use-emulation', enabled: true }] });
    if (!out.ok) throw new Error(out.message);
    expect(out.result.items.map((i) => `${i.kind} ${i.name} ${i.runningOn}`)).toEqual(['VirtualMachine vm-12000 node-amd64-2']);
    expect(out.result.items[0]!.before.placedOn).toEqual(['node-amd64-2']);
  });

  it('a pool places each replica; its requests are the VM template\'s (3 × vm-12000 from the vector)', () => {
    const vm = parseDocument(read('cases/vm-12000.yaml')).toJS() as { metadata: { name: string; namespace: string }; spec: Record<string, unknown> };
    const pool = { apiVersion: 'pool.kubevirt.io/v1alpha1', kind: 'VirtualMachinePool', metadata: { name: 'pool', namespace: 'prod' }, spec: { replicas: 3, selector: { matchLabels: { app: 'p' } }, virtualMachineTemplate: { metadata: { labels: { app: 'p' } }, spec: vm.spec } } };
    const loaded = loadObjects([{ path: 'pool.yaml', text: JSON.stringify(pool) }]);
    expect(loaded.findings).toEqual([]);
    const { profile } = loadProfile([{ path: 'p.yaml', text: read('cluster.yaml') }], loaded.objects);
    const out = whatIf({ profile, objects: loaded.objects, changes: [{ kind: 'use-emulation', enabled: true }] });
    if (!out.ok) throw new Error(out.message);
    const [item] = out.result.items;
    expect(item!.pods).toBe(3);
    expect(item!.before.placedOn).toEqual(['node-amd64-1', 'node-amd64-1', 'node-amd64-1']);
    expect(bytes(out.result.nodes[0]!.before.requests.memory)).toBe(3n * bytes(A.memory));
    expect(out.result.nodes[0]!.before.requests['devices.kubevirt.io/mshv']).toBe('3');
  });

  it('an unknown node in --node-device is an error naming the nodes', () => {
    const loaded = loadObjects(inputs());
    const { profile } = loadProfile([{ path: 'two-nodes.yaml', text: profileText() }], loaded.objects);
    const out = whatIf({ profile, objects: loaded.objects, changes: [{ kind: 'node-device', node: 'nope', device: 'kvm' }] });
    expect(out).toEqual({ ok: false, message: '--node-device nope=kvm: no node "nope" in the profile (nodes: node-amd64-1, node-amd64-2)' });
  });
});
