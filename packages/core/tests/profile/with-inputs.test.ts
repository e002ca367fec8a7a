// A profile resolved with the inputs' own objects is built once, and is what withInputs gives:
// VM-like inputs are left out, an input KubeVirt CR counts only when the profile has none, and a
// later object with the same identity wins.
import { describe, expect, it } from 'vitest';
import { buildProfile, withInputs, type ClusterProfile } from '../../src/profile/cluster-profile.js';
import { builtinObjects, loadObjects, resolveProfile } from '../../src/profile/resolve-profile.js';
import { versionReason } from '../../src/profile/versions.js';
import type { ManifestObject } from '../../src/parse/read-objects.js';

const KV = (version: string): string =>
  `apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata: {name: kubevirt, namespace: kubevirt}\nstatus: {observedKubeVirtVersion: ${version}}\n`;
const IT = (cpus: number): string =>
  `apiVersion: instancetype.kubevirt.io/v1beta1\nkind: VirtualMachineClusterInstancetype\nmetadata: {name: small}\nspec: {cpu: {guest: ${cpus}}, memory: {guest: 1Gi}}\n`;
const NODE = 'apiVersion: v1\nkind: Node\nmetadata: {name: node-1}\n';
const VM = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: vm}\nspec: {template: {spec: {domain: {devices: {}}}}}\n';

const objectsOf = (text: string) => loadObjects([{ path: 'inputs.yaml', text }]).objects;
// Objects by content: the two builds read the profile text separately.
const label = (o: ManifestObject | undefined) => o && `${o.kind}/${o.name} ${JSON.stringify(o.value)}`;
const shape = (p: ClusterProfile) => ({
  origin: p.origin,
  objects: p.objects.map(label),
  kubevirt: label(p.kubevirt?.object),
  version: p.version,
  versionReason: p.versionReason,
  nodes: p.nodes.map((n) => label(n.object)),
  instancetypes: [...p.instancetypes].map(([k, v]) => [k, label(v.object)]),
});

describe('resolveProfile with inputs', () => {
  it.each([
    ['a profile with a KubeVirt CR', [KV('v1.8.4'), NODE, IT(1)].join('---\n')],
    ['a profile without one', [NODE, IT(1)].join('---\n')],
  ])('%s: the same profile as withInputs', (_, profileText) => {
    const inputs = objectsOf([VM, KV('v1.9.0'), IT(4)].join('---\n'));
    const texts = [{ path: 'cluster.yaml', text: profileText }];
    const resolved = resolveProfile({ texts, inputs }).profile;
    const objects = loadObjects(texts).objects;
    const stepwise = withInputs(buildProfile({ origin: 'cluster.yaml', objects, builtins: builtinObjects }), inputs);
    expect(shape(resolved)).toEqual(shape(stepwise));
    expect(resolved.objects.some((o) => o.kind === 'VirtualMachine')).toBe(false);
    expect(resolved.instancetypes.get('/small')?.object).toBe(inputs[2]);
    expect(resolved.versionReason).toBe(versionReason(resolved.version, resolved.observedVersion));
  });

  it('without contextual inputs withInputs returns the profile itself', () => {
    const p = resolveProfile({ texts: [{ path: 'cluster.yaml', text: KV('v1.9.0') }] }).profile;
    expect(withInputs(p, objectsOf([VM, KV('v1.8.4')].join('---\n')))).toBe(p);
  });
});
