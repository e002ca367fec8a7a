// Converts small hand-written VMIs on a small cluster profile and picks device elements out of
// the domain XML, for the device-configurator tests.
import { convertVmi, loadProfile, selectHypervisor, type ConvertResult, type VirtualMachineInstance } from '@l1vh/core';

export const UID = 'f4686d2c-6e8d-4335-b8fd-81bee22f4814';

type Spec = VirtualMachineInstance['spec'];
type Devices = Spec['domain']['devices'];

export interface VmiOptions {
  devices?: Devices;
  domain?: Omit<Spec['domain'], 'devices'>;
  volumes?: Spec['volumes'];
  networks?: Spec['networks'];
  architecture?: string;
  annotations?: Record<string, string>;
  status?: VirtualMachineInstance['status'];
}

/** A VMI as admission leaves it, with only what a test sets on top. */
export function vmi(o: VmiOptions = {}): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'testvmi', namespace: 'mynamespace', uid: UID, annotations: o.annotations },
    spec: {
      architecture: o.architecture ?? 'amd64',
      domain: {
        resources: { requests: { memory: '1Gi' } },
        machine: { type: o.architecture === 'arm64' ? 'virt' : o.architecture === 's390x' ? 's390-ccw-virtio' : 'q35' },
        features: { acpi: {} },
        firmware: { uuid: '5d307ca9-b3ef-428c-8861-06e72d69f223' },
        ...o.domain,
        devices: o.devices ?? {},
      },
      volumes: o.volumes,
      networks: o.networks,
    },
    status: o.status,
  };
}

const KUBEVIRT_CR = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata:
  name: kubevirt
  namespace: kubevirt
spec:
  configuration: {}
status:
  observedKubeVirtVersion: v1.10.0
`;

const NODE = (arch: string) => `---
apiVersion: v1
kind: Node
metadata:
  name: node01
  labels: {kubernetes.io/arch: ${arch}}
status:
  allocatable: {devices.kubevirt.io/kvm: "1k"}
  nodeInfo: {architecture: ${arch}, operatingSystem: linux}
`;

/** Converts on a one-node cluster; `extraYaml` adds objects (PVCs, a different KubeVirt CR…). */
export function convert(v: VirtualMachineInstance, opts: { kubevirtYaml?: string; extraYaml?: string } = {}): ConvertResult {
  const arch = v.spec.architecture ?? 'amd64';
  const text = `${opts.kubevirtYaml ?? KUBEVIRT_CR}${NODE(arch)}${opts.extraYaml ? `---\n${opts.extraYaml}` : ''}`;
  const { profile } = loadProfile([{ path: 'cluster.yaml', text }]);
  return convertVmi(v, selectHypervisor({ vmi: v, profile }), profile);
}

/** The XML of each top-level device element called `name`, in document order. */
export function devicesNamed(xml: string | null, name: string): string[] {
  const m = /<devices>\n([\s\S]*?)\n {2}<\/devices>/.exec(xml ?? '');
  if (!m) return [];
  const out: string[] = [];
  let cur: string[] | null = null;
  for (const line of m[1]!.split('\n')) {
    if (/^ {4}<[a-z]/.test(line)) {
      if (cur) out.push(cur.join('\n'));
      cur = line.startsWith(`    <${name} `) || line.startsWith(`    <${name}>`) ? [line] : null;
    } else if (cur) cur.push(line);
  }
  if (cur) out.push(cur.join('\n'));
  return out.map((e) => e.split('\n').map((l) => l.trim()).join(''));
}
