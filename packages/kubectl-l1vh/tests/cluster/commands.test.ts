// The cluster-aware commands against a loopback API server serving golden-derived objects.
import { loadProfile } from '@l1vh/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOpenMetrics } from './helpers/openmetrics-validate.js';
import { fixtureObjects, startTestCluster, type TestCluster } from './helpers/test-cluster.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t?.close();
});

const GOLDEN_OVERHEAD_VM_12003 = 314572800; // golden/generated/mshv-amd64/expected/vm-12003.json controllerOverheadBytes

interface ClusterJson {
  kubevirtVersion: string;
  featureGates: { configurableHypervisor: boolean; hyperVL1VH: boolean };
  hypervisors: string[];
  semantics: string;
  nodes: { name: string; arch: string; mshvAllocatable: number; kvmAllocatable: number; schedulable: boolean; unschedulableReasons: string[]; hypervisor: string | null; domainType: string | null }[];
  newVm: { hypervisor: string | null; domainType: string | null; node: string | null };
  ready: boolean;
  profile: string;
}

describe('kubectl l1vh cluster', () => {
  it('reports KubeVirt, gates, hypervisor configuration and per-node readiness from the live cluster', async () => {
    t.api.requests.length = 0;
    const r = await t.cli(['cluster', '--kubeconfig', t.kubeconfig, '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as ClusterJson;
    expect(j.kubevirtVersion).toBe('v1.10.0-alpha.0');
    expect(j.featureGates).toEqual({ configurableHypervisor: true, hyperVL1VH: false });
    expect(j.hypervisors).toEqual(['hyperv-direct']);
    expect(j.semantics).toBe('kubevirt');
    const [n1, n2] = [j.nodes.find((n) => n.name === 'node-amd64-1')!, j.nodes.find((n) => n.name === 'node-amd64-2')!];
    expect(n1).toMatchObject({ arch: 'amd64', mshvAllocatable: 1000, kvmAllocatable: 0, schedulable: true, hypervisor: 'mshv', domainType: 'hyperv' });
    expect(n2).toMatchObject({ arch: 'amd64', mshvAllocatable: 0, kvmAllocatable: 1000, schedulable: false });
    expect(n2.unschedulableReasons).toEqual(['taint dedicated=infra:NoSchedule']);
    expect(j.newVm).toMatchObject({ hypervisor: 'mshv', domainType: 'hyperv', node: 'node-amd64-1' });
    expect(j.ready).toBe(true);
    expect(t.api.requests.length).toBeGreaterThan(0);
    expect(t.api.requests.every((q) => q.method === 'GET' && q.auth === 'token')).toBe(true);
  });

  it('authenticates with a client certificate (--context cert)', async () => {
    t.api.requests.length = 0;
    const r = await t.cli(['cluster', '--kubeconfig', t.kubeconfig, '--context', 'cert', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(t.api.requests.length).toBeGreaterThan(0);
    expect(t.api.requests.every((q) => q.auth === 'cert')).toBe(true);
  });

  it('authenticates through an exec credential plugin', async () => {
    const plugin = join(t.dir, 'exec-plugin.cjs');
    writeFileSync(plugin, `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(t.spec.token)} } }));\n`);
    const file = join(t.dir, 'exec-kubeconfig');
    const base = parse(readFileSync(t.kubeconfig, 'utf8')) as { users: { name: string; user: Record<string, unknown> }[] };
    base.users = [{ name: 'token-user', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: [plugin], interactiveMode: 'Never' } } }];
    writeFileSync(file, stringify(base));
    t.api.requests.length = 0;
    const r = await t.cli(['cluster', '--kubeconfig', file, '-o', 'json', '-v', '9']);
    expect(r.code).toBe(0);
    expect(t.api.requests.every((q) => q.auth === 'token')).toBe(true);
  });

  it('works offline on --profile without any kubeconfig, and says when a cluster is not ready', async () => {
    t.api.requests.length = 0;
    const golden = join(__dirname, '../../../../../shared/golden/generated/mshv-missing-noemulation/cluster.yaml');
    const r = await t.cli(['cluster', '--profile', golden, '-o', 'json'], { KUBECONFIG: undefined });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as ClusterJson;
    expect(j.ready).toBe(false);
    expect(j.newVm.hypervisor).toBeNull();
    expect(t.api.requests).toHaveLength(0);
    const text = await t.cli(['cluster', '--profile', golden]);
    expect(text.stdout).toMatch(/FAIL\s+mshv-nodes/);
    expect(text.stdout).toContain('Ready for L1VH: no');
  });
});

describe('kubectl l1vh snapshot', () => {
  it('captures a stripped v1/List that loads as the same profile', async () => {
    const r = await t.cli(['snapshot', '--kubeconfig', t.kubeconfig]);
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { apiVersion: string; kind: string; items: { kind: string; metadata: Record<string, unknown>; status?: Record<string, unknown> }[] };
    expect(doc).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    for (const noise of ['managedFields', 'resourceVersion', 'creationTimestamp', 'last-applied-configuration', 'images', 'conditions', 'addresses', 'machineID', 'daemonEndpoints', 'providerID']) {
      expect(r.stdout, noise).not.toContain(noise);
    }
    expect(doc.items.every((i) => i.metadata.uid === undefined)).toBe(true);
    const kinds = new Set(doc.items.map((i) => i.kind));
    for (const k of ['KubeVirt', 'Node', 'Namespace', 'ResourceQuota', 'PersistentVolumeClaim', 'VirtualMachineClusterInstancetype', 'VirtualMachineClusterPreference']) expect(kinds, k).toContain(k);
    expect(kinds).not.toContain('Pod');
    const node = doc.items.find((i) => i.kind === 'Node' && i.metadata.name === 'node-amd64-1')!;
    expect(Object.keys(node.status!).sort()).toEqual(['allocatable', 'capacity', 'nodeInfo']);

    // Round trip through core's loadProfile.
    const { profile, findings } = loadProfile([{ path: 'cluster.yaml', text: r.stdout }]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(profile.observedVersion).toBe('v1.10.0-alpha.0');
    expect(profile.nodes.map((n) => n.value.metadata.name).sort()).toEqual(['node-amd64-1', 'node-amd64-2']);
    expect(profile.config.hypervisors).toEqual([{ name: 'hyperv-direct' }]);
    const fixturePvcs = fixtureObjects().filter((o) => o.kind === 'PersistentVolumeClaim').length;
    expect(profile.pvcs.size).toBe(fixturePvcs);

    // And `cluster` reads the same from the file as from the live server.
    const file = join(t.dir, 'snapshot.yaml');
    writeFileSync(file, r.stdout);
    const offline = JSON.parse((await t.cli(['cluster', '--profile', file, '-o', 'json'])).stdout) as ClusterJson;
    const live = JSON.parse((await t.cli(['cluster', '--kubeconfig', t.kubeconfig, '-o', 'json'])).stdout) as ClusterJson;
    expect({ ...offline, profile: '' }).toEqual({ ...live, profile: '' });
  });
});

describe('explain vm/NAME and vmi/NAME', () => {
  it('fetches the VM from the context namespace and explains it against the live cluster', async () => {
    const r = await t.cli(['explain', 'vm/vm-12003', '--kubeconfig', t.kubeconfig, '-o', 'json']);
    const items = (JSON.parse(r.stdout) as { items: { kind: string; name: string; namespace: string; hypervisor: string | null; source: { file: string } }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'VirtualMachine', name: 'vm-12003', namespace: 'default', hypervisor: 'mshv' });
    expect(items[0]!.source.file).toBe('vm/vm-12003');
    expect(r.code).toBe(0);
  });

  it('reports an absent object as an input problem (exit 1), namespace from -n', async () => {
    const r = await t.cli(['explain', 'vmi/vm-12003', '-n', 'other', '--kubeconfig', t.kubeconfig]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('vmi/vm-12003: error IO_ERROR: VirtualMachineInstance "vm-12003" not found in namespace "other"');
  });
});

describe('lint vm/NAME', () => {
  it('lints a VM read from the cluster against the live profile', async () => {
    const r = await t.cli(['lint', 'vm/vm-12003', '--kubeconfig', t.kubeconfig, '--no-config', '-o', 'json']);
    expect(r.stderr).not.toContain('IO_ERROR');
    expect([0, 1]).toContain(r.code);
    const absent = await t.cli(['lint', 'vm/absent', '--kubeconfig', t.kubeconfig, '--no-config']);
    expect(absent.stderr).toContain('vm/absent: error IO_ERROR: VirtualMachine "absent" not found in namespace "default"');
  });
});

interface VerifyJson {
  items: { namespace: string; name: string; domainType: { predicted: string | null; actual: string | null; verdict: string }; overheadBytes: { predicted: number | null; actual: number | null; verdict: string } }[];
}

describe('kubectl l1vh verify', () => {
  it('compares the predicted domain type with the launcher pods in the namespace', async () => {
    const r = await t.cli(['verify', '-n', 'default', '--kubeconfig', t.kubeconfig, '-o', 'json']);
    expect(r.code).toBe(1); // two VMIs run differently from what the cluster would do now
    const byName = new Map((JSON.parse(r.stdout) as VerifyJson).items.map((i) => [i.name, i]));
    expect([...byName.keys()].sort()).toEqual(['vm-12000', 'vm-12002', 'vm-12003']);
    expect(byName.get('vm-12003')!.domainType).toEqual({ predicted: 'hyperv', actual: 'hyperv', verdict: 'agree' });
    expect(byName.get('vm-12000')!.domainType).toEqual({ predicted: 'hyperv', actual: 'kvm', verdict: 'differ' });
    expect(byName.get('vm-12002')!.domainType).toEqual({ predicted: 'hyperv', actual: 'qemu', verdict: 'differ' });
    expect(byName.get('vm-12003')!.overheadBytes.actual).toBe(GOLDEN_OVERHEAD_VM_12003);
  });

  it("agrees with KubeVirt's memory-overhead annotation for a golden VM", async () => {
    const r = await t.cli(['verify', '-n', 'default', '--kubeconfig', t.kubeconfig, '-o', 'json']);
    const row = (JSON.parse(r.stdout) as VerifyJson).items.find((i) => i.name === 'vm-12003')!;
    expect(row.overheadBytes).toEqual({ predicted: GOLDEN_OVERHEAD_VM_12003, actual: GOLDEN_OVERHEAD_VM_12003, verdict: 'agree' });
  });

  it('-A covers every namespace; text output is a table', async () => {
    const r = await t.cli(['verify', '-A', '--kubeconfig', t.kubeconfig]);
    expect(r.stdout).toMatch(/^NAMESPACE\s+NAME\s+NODE/);
    expect(r.stdout).toContain('other');
    expect(r.stdout).toContain('4 VMI(s)');
  });
});

describe('kubectl l1vh report', () => {
  it('counts VMIs by hypervisor and fallback reason in valid OpenMetrics', async () => {
    const r = await t.cli(['report', '-o', 'openmetrics', '--kubeconfig', t.kubeconfig]);
    expect(r.code).toBe(0);
    const samples = validateOpenMetrics(r.stdout);
    // Counts of VMIs that exist now go down when VMIs go away: OpenMetrics gauges, not counters.
    expect(r.stdout.match(/^# TYPE \S+ \S+$/gm)).toEqual(['# TYPE kubevirt_vmi_hypervisor_type gauge', '# TYPE kubevirt_vmi_l1vh_fallback gauge']);
    const value = (name: string, label: string): number | undefined => samples.find((s) => s.name === name && Object.values(s.labels).includes(label))?.value;
    expect(value('kubevirt_vmi_hypervisor_type', 'mshv')).toBe(2);
    expect(value('kubevirt_vmi_hypervisor_type', 'kvm')).toBe(1);
    expect(value('kubevirt_vmi_hypervisor_type', 'qemu')).toBe(1);
    expect(value('kubevirt_vmi_l1vh_fallback', 'launched_before_l1vh_configuration')).toBe(1);
    expect(value('kubevirt_vmi_l1vh_fallback', 'mshv_missing_emulation')).toBe(1);
    expect(samples.filter((s) => s.name === 'kubevirt_vmi_l1vh_fallback').reduce((a, s) => a + s.value, 0)).toBe(2);
  });

  it('pages through long lists with limit/continue', async () => {
    const extra = Array.from({ length: 1100 }, (_, i) => {
      const uid = `bulk-${i}`;
      return [
        { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: `bulk-${i}`, namespace: 'bulk', uid }, spec: { domain: { devices: {} } }, status: { phase: 'Running', nodeName: 'node-amd64-1' } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: `virt-launcher-bulk-${i}`, namespace: 'bulk', labels: { 'kubevirt.io': 'virt-launcher', 'kubevirt.io/created-by': uid } }, spec: { containers: [{ name: 'compute', resources: { limits: { 'devices.kubevirt.io/mshv': '1' } } }] }, status: { phase: 'Running' } },
      ];
    }).flat();
    const before = t.api.objects;
    t.api.objects = [...before, ...extra];
    t.api.requests.length = 0;
    try {
      const r = await t.cli(['report', '-o', 'table', '--kubeconfig', t.kubeconfig]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^mshv\s+1102\s/m);
      expect(t.api.requests.filter((q) => q.url.includes('/pods?') && q.url.includes('continue=')).length).toBe(2);
    } finally {
      t.api.objects = before;
    }
  });
});
