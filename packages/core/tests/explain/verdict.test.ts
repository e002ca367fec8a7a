// One verdict per VM, each kind on a manifest whose outcome KubeVirt's own code decided (the golden
// vectors, the admission vectors, the examples) or that KubeVirt's source fixes (cited per case).
import { explainAll, loadObjects, loadProfile, type ExplainItem } from '@l1vh/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMISSION_CLUSTER_YAML } from '../support/admission-vectors.js';
import { REPO_ROOT, sharedPath } from '../support/shared.js';

const SCHEDULABLE_ADMISSION_CLUSTER = ADMISSION_CLUSTER_YAML.replace('kubernetes.io/hostname: node-1}', 'kubernetes.io/hostname: node-1, kubevirt.io/schedulable: "true"}');

function explainText(file: string, text: string, cluster?: { path: string; text: string }): ExplainItem {
  const loaded = loadObjects([{ path: file, text }]);
  const { profile } = loadProfile(cluster ? [cluster] : [], loaded.objects);
  const items = explainAll(loaded.objects, profile).map((e) => e.item);
  expect(items).toHaveLength(1);
  return items[0]!;
}

const read = (path: string): { path: string; text: string } => ({ path, text: readFileSync(path, 'utf8') });

function explainFile(file: string, cluster?: string): ExplainItem {
  const f = read(file);
  return explainText(f.path, f.text, cluster ? read(cluster) : undefined);
}

const admissionCase = (name: string): ExplainItem => {
  const f = read(sharedPath('golden', 'admission', 'cases', `${name}.yaml`));
  return explainText(f.path, f.text, { path: 'cluster.yaml', text: SCHEDULABLE_ADMISSION_CLUSTER });
};

const admissionExpected = (name: string): { overheadBytes: number; launcherComputeResources: unknown } =>
  JSON.parse(readFileSync(sharedPath('golden', 'admission', 'expected', `${name}.json`), 'utf8')) as { overheadBytes: number; launcherComputeResources: unknown };

const INT64_MAX = 9223372036854775807n;

/** Every number l1vh computed (figures, pod quantities, XML), as a value; the VMI echoes the user's own quantities. */
function computedNumbers(item: ExplainItem): number[] {
  const { vmi: _vmi, ...rest } = item;
  const text = JSON.stringify(rest);
  // Whole tokens only: not the digits inside a UUID or a hex address.
  return [...text.matchAll(/(?<![\w.-])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/g)].map((m) => Number(m[0]));
}

describe('verdict', () => {
  it('runs: the fedora example on the embedded profile', () => {
    const it = explainFile(join(REPO_ROOT, 'examples/vm-fedora.yaml'));
    expect(it).toMatchObject({ verdict: 'runs', causes: [], admissionStage: null, error: null, hypervisor: 'mshv', domainType: 'hyperv' });
    expect(it.notes.some((n) => n.startsWith('preview only'))).toBe(false);
  });

  it('unschedulable: a VM pinned to the KVM node of a cluster configured for MSHV (the launcher pod requests devices.kubevirt.io/mshv)', () => {
    const it = explainFile(join(REPO_ROOT, 'examples/vm-pinned-to-kvm.yaml'), join(REPO_ROOT, 'examples/cluster-mixed.yaml'));
    expect(it).toMatchObject({ verdict: 'unschedulable', causes: [], admissionStage: null, hypervisor: null, domainType: null });
    expect(it.error).toBe(
      'no node can run the launcher pod (it stays Pending): aks-l1vh-000001: nodeSelector kubernetes.io/hostname=aks-kvm-000002 not matched; aks-kvm-000002: no allocatable devices.kubevirt.io/mshv',
    );
    // The preview is still there, labelled.
    expect(it.domainXml).toContain('<domain type="hyperv"');
    expect(it.overheadBytes).toBeGreaterThan(0);
    expect(it.notes[0]).toMatch(/^preview only: no node can run the launcher pod/);
  });

  it('unschedulable before launch-fails: no node has /dev/mshv, so the pod requesting it stays Pending (the error keeps KubeVirt\'s "MSHV not present")', () => {
    const group = sharedPath('golden', 'generated', 'mshv-missing-noemulation');
    const it = explainFile(join(group, 'cases', 'vm-14000.yaml'), join(group, 'cluster.yaml'));
    expect(it).toMatchObject({ verdict: 'unschedulable', hypervisor: null, domainType: null, domainXml: null });
    expect(it.error).toBe(
      'no node can run the launcher pod (it stays Pending): node-amd64-1: no allocatable devices.kubevirt.io/mshv; were it scheduled on node-amd64-1, virt-launcher would fail: MSHV not present',
    );
  });

  it('launch-fails: a negative memory.guest passes admission and fails in the converter (KubeVirt\'s figures kept)', () => {
    const it = admissionCase('neg-vm-guest-memory-negative');
    const exp = admissionExpected('neg-vm-guest-memory-negative');
    expect(it).toMatchObject({ verdict: 'launch-fails', causes: [], admissionStage: null, hypervisor: null, domainType: null, domainXml: null });
    expect(it.error).toBe("Memory size '-1Gi' must be greater than or equal to 0");
    expect(it.overheadBytes).toBe(exp.overheadBytes);
    expect(it.launcherResources).toEqual(exp.launcherComputeResources);
  });

  it('launch-fails: the HyperVL1VH proposal on a node without any hypervisor device (the pod requests none)', () => {
    const group = sharedPath('golden', 'generated', 'l1vh-proposal-fallback');
    const cluster = readFileSync(join(group, 'cluster.yaml'), 'utf8').replace(/\s+devices\.kubevirt\.io\/kvm: '?\d+'?/g, '');
    const f = read(join(REPO_ROOT, 'examples/vm-fedora.yaml'));
    const it = explainText(f.path, f.text, { path: 'cluster.yaml', text: cluster });
    expect(it).toMatchObject({ verdict: 'launch-fails', error: 'kvm not present and emulation is not allowed', hypervisor: null, domainType: null });
  });

  it('rejected: an instancetype conflict at the VM validating webhook, one cause with its position', () => {
    const group = sharedPath('golden', 'generated', 'instancetypes-kvm');
    const file = join(group, 'cases', 'it-1-008.yaml');
    const it = explainFile(file, join(group, 'cluster.yaml'));
    expect(it).toMatchObject({ verdict: 'rejected', admissionStage: 'vm-validating-webhook', hypervisor: null, domainType: null, vmi: null });
    expect(it.error).toBe('VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type');
    expect(it.causes).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec.template.spec.domain.cpu.sockets',
        message: 'VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type',
        stage: 'vm-validating-webhook',
        source: { file, line: 23, col: 11 },
      },
    ]);
  });

  it('rejected: the VM mutating webhook refuses an inferFromVolume that names no volume (infer/volume.go)', () => {
    const text = readFileSync(join(REPO_ROOT, 'examples/vm-fedora.yaml'), 'utf8').replace('  runStrategy: Always\n', '  runStrategy: Always\n  instancetype:\n    inferFromVolume: missing\n');
    const it = explainText('vm.yaml', text);
    expect(it).toMatchObject({ verdict: 'rejected', admissionStage: 'vm-mutating-webhook', vmi: null, domainXml: null, hypervisor: null });
    expect(it.causes).toEqual([{ type: 'FieldValueInvalid', field: '', message: 'unable to find volume missing to infer defaults', stage: 'vm-mutating-webhook', source: { file: 'vm.yaml', line: 8, col: 3 } }]);
  });

  it('rejected in a VirtualMachinePool: the cause points into spec.virtualMachineTemplate', () => {
    const group = sharedPath('golden', 'generated', 'instancetypes-kvm');
    const vm = readFileSync(join(group, 'cases', 'it-1-008.yaml'), 'utf8');
    const indented = vm.slice(vm.indexOf('spec:\n') + 'spec:\n'.length).replace(/^/gm, '      ').replace(/\s+$/, '\n');
    const pool = `apiVersion: pool.kubevirt.io/v1alpha1\nkind: VirtualMachinePool\nmetadata:\n  name: pool\n  namespace: prod\nspec:\n  replicas: 1\n  virtualMachineTemplate:\n    spec:\n${indented}`;
    const it = explainText('pool.yaml', pool, read(join(group, 'cluster.yaml')));
    expect(it.verdict).toBe('rejected');
    // cpu.sockets: line 23 of the VM, 3 lines further down and 6 columns further in.
    expect(it.causes.map((c) => c.source)).toEqual([{ file: 'pool.yaml', line: 26, col: 17 }]);
  });

  it('out of range: cores 1e9 is admitted (KubeVirt renders it) but no node runs it: unschedulable, no XML, KubeVirt\'s in-range figures kept', () => {
    const it = admissionCase('neg-vm-cores-1e9');
    const exp = admissionExpected('neg-vm-cores-1e9');
    expect(it).toMatchObject({ verdict: 'unschedulable', hypervisor: null, domainType: null, domainXml: null, causes: [] });
    expect(it.error).toMatch(/^spec\.template\.spec\.domain\.cpu\.cores: 1000000000 vCPUs: KubeVirt accepts this/);
    expect(it.error).toContain('cpu=100e6');
    expect(it.error).not.toContain('preview limit');
    expect(it.overheadBytes).toBe(exp.overheadBytes);
    expect(it.launcherResources).toEqual(exp.launcherComputeResources);
  });

  it('out of range: no number over int64 anywhere, also where KubeVirt\'s int64 arithmetic would overflow', () => {
    const base = readFileSync(join(REPO_ROOT, 'examples/vm-fedora.yaml'), 'utf8');
    for (const [what, edit] of [
      ['CPU request 1e15 without topology', (t: string) => t.replace('          requests:\n', '          requests:\n            cpu: "1e15"\n')],
      ['guest memory 100e18', (t: string) => t.replace('        devices:\n', '        memory:\n          guest: 100e18\n        devices:\n')],
      ['memory request 8Ei', (t: string) => t.replace(/(          requests:\n            memory: )\S+/, '$18Ei')],
    ] as const) {
      const it = explainText('vm.yaml', edit(base));
      expect(it.verdict, what).toBe('unschedulable');
      expect(it.error, what).toMatch(/^spec\.template\.spec\.domain\./);
      for (const n of computedNumbers(it)) expect(n <= Number(INT64_MAX), `${what}: ${n}`).toBe(true);
    }
  });
});

describe('verdict: rejected by a validating webhook', () => {
  const name = 'neg-vm-duplicate-disk-names';
  const file = sharedPath('golden', 'admission', 'cases', `${name}.yaml`);
  const expected = JSON.parse(readFileSync(sharedPath('golden', 'admission', 'expected', `${name}.json`), 'utf8')) as { validation: { field: string; message: string; type: string }[] };

  it("carries KubeVirt's causes exactly, with positions, and keeps the preview", () => {
    const it = admissionCase(name);
    expect(it).toMatchObject({ verdict: 'rejected', admissionStage: 'vm-validating-webhook', hypervisor: null, domainType: null });
    expect(it.causes).toEqual(expected.validation.map((c) => ({ ...c, stage: 'vm-validating-webhook', source: { file, line: 28, col: 13 } })));
    expect(it.vmi).not.toBeNull();
    expect(it.domainXml).toContain('<domain type="kvm"');
    expect(it.notes[0]).toMatch(/^preview only: KubeVirt rejects this object/);
  });

  it('in a VirtualMachinePool: the pool webhook prints spec.virtualMachineTemplate.spec.template…, the position is in the pool', () => {
    const vm = readFileSync(file, 'utf8');
    const indented = vm.slice(vm.indexOf('spec:\n') + 'spec:\n'.length).replace(/^/gm, '      ').replace(/\s+$/, '\n');
    const pool = `apiVersion: pool.kubevirt.io/v1alpha1\nkind: VirtualMachinePool\nmetadata:\n  name: pool\n  namespace: default\nspec:\n  replicas: 1\n  virtualMachineTemplate:\n    spec:\n${indented}`;
    const it = explainText('pool.yaml', pool, { path: 'cluster.yaml', text: SCHEDULABLE_ADMISSION_CLUSTER });
    const printed = (s: string): string => s.replaceAll('spec.template.spec', 'spec.virtualMachineTemplate.spec.template.spec');
    expect(it.causes).toEqual(expected.validation.map((c) => ({ type: c.type, field: printed(c.field), message: printed(c.message), stage: 'vm-validating-webhook', source: { file: 'pool.yaml', line: 31, col: 19 } })));
  });
});
