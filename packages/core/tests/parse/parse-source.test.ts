// Reading manifests: documents, lazy positions, v1/List, kind classification, one-line errors.
import { loadObjects, locate, parseSource, readObjects } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

const lineCol = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
};

const MULTI = `# leading comment
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: first
spec:
  template:
    spec:
      domain:
        cpu:
          cores: 2
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: second, namespace: ns}
spec:
  domain:
    devices: {}
`;

describe('parseSource', () => {
  it('splits documents and keeps their offsets', () => {
    const r = parseSource('m.yaml', MULTI);
    expect(r.findings).toEqual([]);
    expect(r.docs).toHaveLength(2);
    expect(r.docs[1]!.start).toBe(MULTI.indexOf('---'));
    expect((r.docs[1]!.value as { metadata: { name: string } }).metadata.name).toBe('second');
  });

  it('locates any field lazily, in file coordinates', () => {
    const { objects } = loadObjects([{ path: 'm.yaml', text: MULTI }]);
    const cores = locate(objects[0]!, ['spec', 'template', 'spec', 'domain', 'cpu', 'cores'])!;
    expect(lineCol(MULTI, cores.keyStart!)).toEqual({ line: 11, col: 11 });
    const name = locate(objects[1]!, ['metadata', 'name'])!;
    expect(MULTI.slice(name.start, name.end)).toBe('second');
    expect(lineCol(MULTI, name.start).line).toBe(15);
  });

  it('falls back to the nearest existing ancestor for absent fields', () => {
    const { objects } = loadObjects([{ path: 'm.yaml', text: MULTI }]);
    const span = locate(objects[0]!, ['spec', 'template', 'spec', 'domain', 'memory', 'guest'])!;
    expect(lineCol(MULTI, span.keyStart!).line).toBe(9); // domain:
  });

  it('reports malformed YAML with a position and still reads the other documents', () => {
    const text = 'apiVersion: v1\nkind: Node\nmetadata: {name: a}\n---\nkey: [unclosed\n---\napiVersion: v1\nkind: Node\nmetadata: {name: b}\n';
    const { objects, findings } = loadObjects([{ path: 'bad.yaml', text }]);
    expect(objects.map((o) => o.name)).toEqual(['a', 'b']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'YAML_SYNTAX', severity: 'error' });
    expect(lineCol(text, findings[0]!.range!.start).line).toBeGreaterThanOrEqual(5);
  });

  it('handles documents with anchors, directives and end markers through the bounded path', () => {
    const text = '%YAML 1.2\n---\napiVersion: v1\nkind: Node\nmetadata: &m {name: a}\n...\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n';
    const { objects, findings } = loadObjects([{ path: 'd.yaml', text }]);
    expect(findings).toEqual([]);
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['Node/a', 'Namespace/ns']);
    expect(lineCol(text, locate(objects[1]!, ['metadata', 'name'])!.start).line).toBe(10);
  });

  it('keeps offsets when the file starts with a byte-order mark', () => {
    const text = '\uFEFFapiVersion: v1\nkind: Node\nmetadata:\n  name: bom\n';
    const { objects } = loadObjects([{ path: 'b.yaml', text }]);
    const span = locate(objects[0]!, ['metadata', 'name'])!;
    expect(text.slice(span.start, span.end)).toBe('bom');
  });
});

describe('readObjects', () => {
  it('unwraps v1/List and points into its items', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata: {name: n1}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: skipped}\n';
    const { objects, findings } = loadObjects([{ path: 'l.yaml', text }]);
    expect(findings).toEqual([]);
    expect(objects).toHaveLength(1);
    expect(objects[0]!.source.path).toEqual(['items', 0]);
    expect(lineCol(text, locate(objects[0]!, ['metadata', 'name'])!.start).line).toBe(6);
  });

  it('skips other groups silently but reports unknown KubeVirt kinds and versions', () => {
    const text = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}',
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachin\nmetadata: {name: typo}',
      'apiVersion: kubevirt.io/v2\nkind: VirtualMachine\nmetadata: {name: future}',
      'apiVersion: instancetype.kubevirt.io/v1beta1\nkind: VirtualMachineClusterInstancetyp\nmetadata: {name: x}',
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstancePreset\nmetadata: {name: preset}',
    ].join('\n---\n');
    const { objects, findings } = loadObjects([{ path: 'k.yaml', text }]);
    expect(objects).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['UNKNOWN_KIND', 'UNKNOWN_API_VERSION', 'UNKNOWN_KIND']);
    expect(lineCol(text, findings[0]!.range!.start)).toEqual({ line: 6, col: 1 });
  });

  it('reports non-objects and missing kind/apiVersion', () => {
    const r = parseSource('x.yaml', '- just\n- a list\n---\nmetadata: {name: x}\n---\nkind: 5\napiVersion: v1\n');
    const { findings } = readObjects(r.docs);
    expect(findings.map((f) => f.code)).toEqual(['NOT_AN_OBJECT', 'MISSING_KIND', 'WRONG_TYPE']);
  });
});
