// Table-test support for the admission rules: a valid VM (or VMI) like the admission vectors' base
// manifest, changed per row, run through admit() on KubeVirt's default configuration (or a given
// one), returning KubeVirt-shaped causes.
import { admit, loadObjects, loadProfile, PLACEHOLDER_VMI_UID } from '@l1vh/core';
import { expect } from 'vitest';

export interface Cause {
  type: string;
  field: string;
  message: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures

/** The admission vectors' base VMI spec: 2 cores, 1Gi, a virtio root disk, masquerade on the pod network. */
export function baseSpec(): Json {
  return {
    domain: {
      cpu: { cores: 2 },
      memory: { guest: '1Gi' },
      resources: { requests: { memory: '1Gi' } },
      devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }], interfaces: [{ name: 'default', masquerade: {} }] },
    },
    networks: [{ name: 'default', pod: {} }],
    volumes: [{ name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
  };
}

export function baseVm(): Json {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 't', namespace: 'default' },
    spec: { runStrategy: 'Always', template: { metadata: { labels: { 'kubevirt.io/vm': 'x' } }, spec: baseSpec() } },
  };
}

export function baseVmi(): Json {
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 't', namespace: 'default' }, spec: baseSpec() };
}

export interface ClusterOptions {
  /** spec.configuration of the KubeVirt CR ({} = KubeVirt's defaults). */
  configuration?: Json;
  /** status.observedKubeVirtVersion. */
  version?: string;
}

function clusterYaml(opts: ClusterOptions): string {
  const kubevirt = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'KubeVirt',
    metadata: { name: 'kubevirt', namespace: 'kubevirt' },
    spec: { configuration: opts.configuration ?? {} },
    status: { observedKubeVirtVersion: opts.version ?? 'v1.10.0-alpha.0' },
  };
  const node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node-1', labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'node-1' } },
    status: { allocatable: { cpu: '16', memory: '64Gi', 'devices.kubevirt.io/kvm': '1000', 'devices.kubevirt.io/tun': '1000', 'devices.kubevirt.io/vhost-net': '1000' } },
  };
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [kubevirt, node] });
}

export interface Admitted {
  stage: string | undefined;
  causes: Cause[];
}

/** admit() on one manifest (JSON is YAML): the rejection's stage and causes (deduplicated, like the vectors' sets). */
export function admitCauses(manifest: Json, opts: ClusterOptions = {}): Admitted {
  const loaded = loadObjects([{ path: 'm.yaml', text: JSON.stringify(manifest) }]);
  expect(loaded.findings).toEqual([]);
  const { profile } = loadProfile([{ path: 'cluster.yaml', text: clusterYaml(opts) }], loaded.objects);
  const result = admit(loaded.objects[0]!, profile, { vmiUid: PLACEHOLDER_VMI_UID });
  const seen = new Set<string>();
  const causes: Cause[] = [];
  for (const c of result.rejection?.causes ?? []) {
    const key = `${c.type}|${c.field}|${c.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    causes.push({ type: c.type, field: c.field, message: c.message });
  }
  return { stage: result.rejection?.stage, causes };
}

export interface Row {
  name: string;
  /** The manifest: a changed copy of baseVm()/baseVmi(). */
  manifest: Json;
  cluster?: ClusterOptions;
  /** KubeVirt's causes; [] when it admits the manifest. */
  want: Cause[];
}

/** Expect exactly KubeVirt's causes (as a set) for the row. */
export function expectRow(row: Row): void {
  const got = admitCauses(row.manifest, row.cluster);
  const sort = (cs: Cause[]) => [...cs].sort((a, b) => `${a.field}${a.message}`.localeCompare(`${b.field}${b.message}`));
  expect(sort(got.causes), row.name).toEqual(sort(row.want));
}

/** A VM with `edit` applied to its template spec. */
export function vmWith(edit: (spec: Json, vm: Json) => void): Json {
  const vm = baseVm();
  edit(vm.spec.template.spec, vm);
  return vm;
}

/** A VMI with `edit` applied to its spec. */
export function vmiWith(edit: (spec: Json, vmi: Json) => void): Json {
  const vmi = baseVmi();
  edit(vmi.spec, vmi);
  return vmi;
}

export const invalid = (field: string, message: string): Cause => ({ type: 'FieldValueInvalid', field, message });
export const required = (field: string, message: string): Cause => ({ type: 'FieldValueRequired', field, message });
export const notSupported = (field: string, message: string): Cause => ({ type: 'FieldValueNotSupported', field, message });
