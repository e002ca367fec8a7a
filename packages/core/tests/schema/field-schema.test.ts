// The generated field table: every kind's root compiles for every KubeVirt version, and facts read
// off KubeVirt's published definitions hold (Go types OpenAPI folds, CRD preserve-unknown places,
// fields added after v1.8).
import { describe, expect, it } from 'vitest';
import { VERSION_KEYS } from '../../src/profile/versions.js';
import { rootSchema, structFields, type StructNode, type TypeNode } from '../../src/schema/field-schema.js';
import { closestName } from '../../src/schema/check-fields.js';

function at(root: StructNode, path: string): { type: TypeNode; open: string | null } {
  let node: StructNode = root;
  const names = path.split('.');
  for (let i = 0; i < names.length; i++) {
    const f = structFields(node).get(names[i]!);
    if (!f) throw new Error(`no ${names[i]} in ${node.go}`);
    if (i === names.length - 1) return { type: f.type, open: f.open };
    let t = f.type;
    while (t.elem) t = t.elem;
    if (!t.def) throw new Error(`${names[i]} is not a struct`);
    node = t.def;
  }
  throw new Error('empty path');
}

describe('KubeVirt field table', () => {
  const kinds = ['VirtualMachine', 'VirtualMachineInstance', 'VirtualMachineInstanceReplicaSet', 'KubeVirt'] as const;
  it.each(VERSION_KEYS)('has every root for %s', (v) => {
    for (const k of kinds) expect(structFields(rootSchema(k, 'kubevirt.io/v1', v)!).has('spec')).toBe(true);
    expect(rootSchema('VirtualMachinePool', 'pool.kubevirt.io/v1beta1', v)?.go).toBe('VirtualMachinePool');
    for (const k of ['VirtualMachineInstancetype', 'VirtualMachineClusterInstancetype', 'VirtualMachinePreference', 'VirtualMachineClusterPreference'] as const) {
      expect(structFields(rootSchema(k, 'instancetype.kubevirt.io/v1beta1', v)!).has('spec')).toBe(true);
    }
    expect(rootSchema('VirtualMachineInstancetype', 'instancetype.kubevirt.io/v1alpha1', v)).toBeUndefined();
    expect(rootSchema('Node', 'v1', v)).toBeUndefined();
  });

  it('keeps the Go integer types OpenAPI folds into int64', () => {
    const vm = rootSchema('VirtualMachine', 'kubevirt.io/v1', 'main')!;
    expect(at(vm, 'spec.template.spec.domain.cpu.cores').type).toMatchObject({ k: 'int', go: 'uint32', int: 'uint32' });
    expect(at(vm, 'spec.template.spec.domain.devices.disks.bootOrder').type).toMatchObject({ k: 'int', go: 'uint', int: 'uint' });
    expect(at(vm, 'spec.template.spec.terminationGracePeriodSeconds').type).toMatchObject({ k: 'int', go: 'int64', int: 'int64' });
    expect(at(vm, 'spec.template.spec.domain.resources.requests').type).toMatchObject({ k: 'map', elem: { k: 'quantity' }, go: 'v1.ResourceList' });
  });

  it('marks where the CRDs keep unknown fields', () => {
    const vm = rootSchema('VirtualMachine', 'kubevirt.io/v1', 'main')!;
    expect(at(vm, 'spec.template.metadata').open).toBe('deep');
    expect(at(vm, 'spec.template.spec.domain.clock').open).toBe('shallow');
    expect(at(vm, 'metadata').open).toBeNull();
    expect(at(vm, 'spec.template.spec.domain.devices').open).toBeNull();
  });

  it('differs by version where KubeVirt added fields', () => {
    expect(structFields(rootSchema('VirtualMachine', 'kubevirt.io/v1', 'main')!).get('spec')).toBeDefined();
    const spec = (v: 'main' | 'v1.8') => {
      const t = at(rootSchema('VirtualMachine', 'kubevirt.io/v1', v)!, 'spec.template.spec').type;
      return t.def ?? undefined;
    };
    expect(structFields(spec('main')!).has('serviceAccountName')).toBe(true);
    expect(structFields(spec('v1.8')!).has('serviceAccountName')).toBe(false);
  });

  it('suggests the closest sibling, or nothing', () => {
    expect(closestName('devcies', ['devices', 'cpu', 'memory'])).toBe('devices');
    expect(closestName('Cores', ['cores', 'sockets'])).toBe('cores');
    expect(closestName('zzzzzzzz', ['devices', 'cpu'])).toBeUndefined();
  });
});
