// End to end through admit(): every VM-like object of KubeVirt's examples admits without
// throwing, and the VM → VMI conventions of the golden vectors hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admit } from '../../src/defaults/admit.js';
import { isVmLike } from '../../src/parse/vm-like.js';
import { loadObjects, loadProfile } from '../../src/profile/load-profile.js';
import { sharedPath } from '../support/shared.js';

const UID = '00000000-0000-0000-0000-000000000000';
const clusterFile = sharedPath('golden', 'kubevirt-examples', 'cluster-kvm.yaml');

function admitAll(files: { path: string; text: string }[]) {
  const loaded = loadObjects(files);
  const { profile } = loadProfile([{ path: clusterFile, text: readFileSync(clusterFile, 'utf8') }], loaded.objects);
  return loaded.objects.filter((o) => isVmLike(o.kind)).map((o) => ({ obj: o, result: admit(o, profile, { vmiUid: UID }) }));
}

const manifest = (text: string) => admitAll([{ path: 'test.yaml', text }]);

describe('admit on KubeVirt examples', () => {
  const dir = sharedPath('corpus', 'kubevirt-examples');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
  const results = admitAll(files);

  it('finds the examples', () => expect(results.length).toBeGreaterThan(30));
  it('admits every VM-like object without an internal error', () => {
    for (const r of results) expect(r.result.error ?? '', r.obj.name).not.toContain('internal error');
  });
  it('rejects the six c{small,large} VMs for their memory.guest, as KubeVirt does', () => {
    const rejected = results.filter((r) => /c(small|large)/.test(r.obj.name) && r.obj.kind === 'VirtualMachine');
    expect(rejected).toHaveLength(6);
    for (const r of rejected) expect(r.result.error).toBe('VM field(s) spec.template.spec.domain.memory.guest conflicts with selected instance type');
  });
  it('previews a pool through its first VM and a replica set through its template', () => {
    const pool = results.find((r) => r.obj.kind === 'VirtualMachinePool')!;
    expect(pool.result.vmi?.metadata.name).toBe(`${pool.obj.name}-0`);
    expect(pool.result.vmi?.metadata.ownerReferences?.[0]?.kind).toBe('VirtualMachine');
    const rs = results.find((r) => r.obj.kind === 'VirtualMachineInstanceReplicaSet')!;
    expect(rs.result.vmi?.metadata.ownerReferences?.[0]?.kind).toBe('VirtualMachineInstanceReplicaSet');
    expect(rs.result.notes.join(' ')).toContain('random suffix');
  });
});

describe('VM → VMI conventions', () => {
  const vm = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: it-1-001, namespace: prod}
spec:
  template:
    metadata: {labels: {app: x}}
    spec:
      domain: {devices: {}, memory: {guest: 1Gi}}
  runStrategy: Always
`;
  it('names the VMI after the VM, owns it by the VM and uses the placeholder UID', () => {
    const [r] = manifest(vm);
    expect(r!.result.error).toBeNull();
    expect(r!.result.vmi?.metadata).toEqual({
      name: 'it-1-001',
      namespace: 'prod',
      uid: UID,
      labels: { app: 'x' },
      annotations: { 'kubevirt.io/pci-topology-version': 'v3' },
      ownerReferences: [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'it-1-001', uid: '', controller: true, blockOwnerDeletion: true }],
    });
  });
  it('uses the name-based firmware UUID and says the real one is assigned at creation', () => {
    const [r] = manifest(vm);
    expect(r!.result.vmi?.spec.domain.firmware?.uuid).toBe('0f5c3ace-84e8-52f1-8a9a-02d37543b5ea');
    expect(r!.result.vmi?.spec.domain.firmware?.serial).toBeUndefined();
    expect(r!.result.notes.join(' ')).toMatch(/random UUID.*at creation/);
  });
  it("keeps a VMI's own uid, else the placeholder", () => {
    const [own] = manifest('apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a, uid: abc-123}\nspec: {domain: {devices: {}}}\n');
    expect(own!.result.vmi?.metadata.uid).toBe('abc-123');
    const [none] = manifest('apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a}\nspec: {domain: {devices: {}}}\n');
    expect(none!.result.vmi?.metadata).toMatchObject({ uid: UID, namespace: 'default' });
  });
  it('reports a missing instancetype the way the API server does', () => {
    const [r] = manifest(vm.replace('spec:\n  template', 'spec:\n  instancetype: {name: nope}\n  template'));
    expect(r!.result.error).toBe('virtualmachineclusterinstancetypes.instancetype.kubevirt.io "nope" not found');
  });
  it('rejects a matcher with neither name nor inferFromVolume', () => {
    const [r] = manifest(vm.replace('spec:\n  template', 'spec:\n  preference: {kind: VirtualMachineClusterPreference}\n  template'));
    expect(r!.result.error).toBe('Either Name or InferFromVolume should be provided within the PreferenceMatcher');
  });
});

describe('instancetype inference from a volume', () => {
  const pvc = (labels: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: root, namespace: default, labels: {${labels}}}
spec: {volumeMode: Filesystem}
---
`;
  const vm = (matcher: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: inferred, namespace: default}
spec:
  runStrategy: Always
  instancetype: {${matcher}}
  template:
    spec:
      domain: {devices: {}}
      volumes: [{name: rootdisk, persistentVolumeClaim: {claimName: root}}]
`;
  it("takes the instancetype from the PVC's default-instancetype label", () => {
    const [r] = manifest(pvc("instancetype.kubevirt.io/default-instancetype: u1.small") + vm('inferFromVolume: rootdisk'));
    expect(r!.result.error).toBeNull();
    expect(r!.result.vmi?.metadata.annotations?.['kubevirt.io/cluster-instancetype-name']).toBe('u1.small');
    expect(r!.result.vmi?.spec.domain.memory?.guest).toBe('2Gi');
  });
  it('without the label: rejected, or the matcher dropped with the Ignore policy', () => {
    const [rejected] = manifest(pvc('other: x') + vm('inferFromVolume: rootdisk'));
    expect(rejected!.result.error).toBe('unable to find required instancetype.kubevirt.io/default-instancetype label on the volume');
    const [ignored] = manifest(pvc('other: x') + vm('inferFromVolume: rootdisk, inferFromVolumeFailurePolicy: Ignore'));
    // Without the instancetype nothing asks for memory: KubeVirt's VMI webhook then refuses the VMI.
    expect(ignored!.result.rejection).toEqual({
      stage: 'vmi-validating-webhook',
      causes: [expect.objectContaining({ field: '', message: "no memory requested, at least one of 'spec.domain.memory.guest', 'spec.domain.memory.hugepages.pageSize' or 'spec.domain.resources.requests.memory' must be set" })],
    });
    expect(ignored!.result.vmi?.metadata.annotations?.['kubevirt.io/cluster-instancetype-name']).toBeUndefined();
  });
});

describe('Go round-trip of the input', () => {
  it('zero values of non-pointer fields count as unset, nulls vanish, quantities print canonically', () => {
    const [r] = manifest(
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a, creationTimestamp: null}\n' +
        'spec: {domain: {cpu: {sockets: 0, cores: 0, model: ""}, devices: {disableHotplug: false, rng: null}, resources: {requests: {memory: 1024Mi}}}}\n',
    );
    const spec = r!.result.vmi!.spec;
    expect(spec.domain.cpu).toMatchObject({ sockets: 1, cores: 1, threads: 1, model: 'host-model' });
    expect(spec.domain.devices).not.toHaveProperty('disableHotplug');
    expect(spec.domain.devices).not.toHaveProperty('rng');
    expect(spec.domain.resources?.requests?.memory).toBe('1Gi');
    expect(spec.domain.memory?.guest).toBe('1Gi');
    expect(r!.result.vmi!.metadata).not.toHaveProperty('creationTimestamp');
  });
});

describe('odd input never throws', () => {
  it.each([
    'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec: {}\n',
    'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec: {template: {spec: null}}\n',
    'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a}\nspec: null\n',
    'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a}\nspec: {domain: {devices: {disks: [null, {name: d}]}, cpu: null}}\n',
    'apiVersion: pool.kubevirt.io/v1alpha1\nkind: VirtualMachinePool\nmetadata: {name: p}\nspec: {}\n',
    'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstanceReplicaSet\nmetadata: {name: r}\nspec: {template: {}}\n',
  ])('%s', (text) => {
    const results = manifest(text);
    expect(results).toHaveLength(1);
    for (const r of results) expect(r.result.error ?? '').not.toContain('internal error');
  });
});
