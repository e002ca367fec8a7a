// Runs one VM or VMI built from a valid base through admit() on a KubeVirt cluster of a given
// release and feature gates, and returns KubeVirt's causes (type, field, message, manifest path).
import { admit, loadObjects, loadProfile, PLACEHOLDER_VMI_UID, type VersionKey } from '@l1vh/core';

type Json = Record<string, unknown>;

/** A VMI spec KubeVirt admits (the admission vectors' base): container disk, cloud-init, masquerade on the pod network. */
export function baseSpec(): Json {
  return {
    domain: {
      cpu: { cores: 2 },
      memory: { guest: '1Gi' },
      resources: { requests: { memory: '1Gi' } },
      devices: {
        disks: [
          { name: 'rootdisk', disk: { bus: 'virtio' } },
          { name: 'cloudinit', disk: { bus: 'virtio' } },
        ],
        interfaces: [{ name: 'default', masquerade: {} }],
      },
    },
    networks: [{ name: 'default', pod: {} }],
    volumes: [
      { name: 'rootdisk', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } },
      { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config\n' } },
    ],
  };
}

const OBSERVED: Record<VersionKey, string> = { 'v1.8': 'v1.8.4', 'v1.9': 'v1.9.0', main: 'v1.10.0-alpha.0' };

export interface AdmitSpecOptions {
  kind?: 'VirtualMachine' | 'VirtualMachineInstance';
  version?: VersionKey;
  gates?: string[];
  /** Extra `spec.configuration` of the KubeVirt CR. */
  configuration?: Json;
  /** The VM's (or VMI's) metadata annotations, for the template or the VMI. */
  annotations?: Record<string, string>;
}

export interface Cause {
  type: string;
  field: string;
  message: string;
  at?: (string | number)[];
}

function clusterYaml(version: VersionKey, gates: string[], configuration: Json): string {
  const config = { ...configuration, developerConfiguration: { ...((configuration.developerConfiguration as Json | undefined) ?? {}), featureGates: gates } };
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [
      {
        apiVersion: 'kubevirt.io/v1',
        kind: 'KubeVirt',
        metadata: { name: 'kubevirt', namespace: 'kubevirt' },
        spec: { configuration: config },
        status: { observedKubeVirtVersion: OBSERVED[version] },
      },
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'node-1', labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'node-1' } },
        status: { allocatable: { cpu: '16', memory: '64Gi', 'devices.kubevirt.io/kvm': '1000', 'devices.kubevirt.io/tun': '1000', 'devices.kubevirt.io/vhost-net': '1000' } },
      },
    ],
  });
}

/** The causes admission reports for `spec` ([] when admitted), sorted for comparison. */
export function admitSpec(spec: Json, opts: AdmitSpecOptions = {}): Cause[] {
  const kind = opts.kind ?? 'VirtualMachine';
  const annotations = opts.annotations ? { annotations: opts.annotations } : {};
  const manifest =
    kind === 'VirtualMachine'
      ? { apiVersion: 'kubevirt.io/v1', kind, metadata: { name: 'vm', namespace: 'default' }, spec: { runStrategy: 'Always', template: { metadata: { ...annotations }, spec } } }
      : { apiVersion: 'kubevirt.io/v1', kind, metadata: { name: 'vmi', namespace: 'default', ...annotations }, spec };
  const loaded = loadObjects([{ path: 'case.yaml', text: JSON.stringify(manifest) }]);
  const cluster = clusterYaml(opts.version ?? 'main', opts.gates ?? [], opts.configuration ?? {});
  const { profile } = loadProfile([{ path: 'cluster.yaml', text: cluster }], loaded.objects);
  const result = admit(loaded.objects[0]!, profile, { vmiUid: PLACEHOLDER_VMI_UID });
  const causes = (result.rejection?.causes ?? []).map((c) => ({ type: c.type, field: c.field, message: c.message, ...(c.at ? { at: c.at } : {}) }));
  return sortCauses(causes);
}

export function sortCauses<T extends Cause>(causes: T[]): T[] {
  return [...causes].sort((a, b) => `${a.field}|${a.message}`.localeCompare(`${b.field}|${b.message}`));
}

/** The causes without manifest paths, for comparing with KubeVirt's (type, field, message). */
export function printed(causes: Cause[]): Omit<Cause, 'at'>[] {
  return causes.map(({ type, field, message }) => ({ type, field, message }));
}

/** A deep copy of the base spec changed by `edit`. */
export function specWith(edit: (spec: Json & { domain: Json & { devices: Json & { disks: Json[]; interfaces: Json[] } }; volumes: Json[]; networks: Json[] }) => void): Json {
  const spec = baseSpec() as Parameters<typeof edit>[0];
  edit(spec);
  return spec;
}
