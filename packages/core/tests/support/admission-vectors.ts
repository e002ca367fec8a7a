// Reads ../shared/golden/admission: manifests run through KubeVirt main's own webhooks with its
// default configuration (no feature gates, amd64).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sharedPath } from './shared.js';

export interface AdmissionCauseJson {
  field: string;
  type: string;
  message: string;
}

export interface AdmissionVector {
  name: string;
  file: string;
  text: string;
  expected: {
    validation?: AdmissionCauseJson[] | null;
    validationStage?: string;
    vmiValidation?: AdmissionCauseJson[] | null;
    vmiValidationStage?: string;
    defaultedVmi?: { spec: unknown } | null;
    error?: string | null;
  };
}

/** The cluster the vectors were made with: KubeVirt main, empty configuration, one amd64 KVM node. */
export const ADMISSION_CLUSTER_YAML = `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: KubeVirt
  metadata: {name: kubevirt, namespace: kubevirt}
  spec:
    configuration: {}
  status:
    observedKubeVirtVersion: v1.10.0-alpha.0
- apiVersion: v1
  kind: Node
  metadata:
    name: node-1
    labels: {kubernetes.io/arch: amd64, kubernetes.io/hostname: node-1}
  status:
    allocatable: {cpu: "16", memory: 64Gi, devices.kubevirt.io/kvm: "1000", devices.kubevirt.io/tun: "1000", devices.kubevirt.io/vhost-net: "1000"}
`;

export function admissionVectors(): AdmissionVector[] {
  const root = sharedPath('golden', 'admission');
  if (!existsSync(join(root, 'cases'))) return [];
  return readdirSync(join(root, 'cases'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const name = basename(f, '.yaml');
      const file = join(root, 'cases', f);
      return { name, file, text: readFileSync(file, 'utf8'), expected: JSON.parse(readFileSync(join(root, 'expected', `${name}.json`), 'utf8')) as AdmissionVector['expected'] };
    });
}

/** KubeVirt's causes as a set of `field | message` (upstream reports some twice). */
export function expectedCauseSet(v: AdmissionVector): string[] {
  const all = [...(v.expected.validation ?? []), ...(v.expected.vmiValidation ?? [])];
  return [...new Set(all.map((c) => `${c.field} | ${c.message}`))].sort();
}
