// WRONG_TYPE: a wrongly typed field is one finding at the field, in the words of encoding/json
// decoding into KubeVirt's Go types (what KubeVirt's webhook would answer). A VM-like object is
// still read (admit() refuses it at the decode stage); other kinds are left out. The rest of the
// input is still read.
import { describe, expect, it } from 'vitest';
import { loadObjects, type Finding } from '../../src/index.js';

const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: typed
  labels:
    app: web
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        cpu:
          cores: CORES
        resources:
          requests:
            memory: MEMORY
        devices:
          disks: DISKS
      volumes:
      - name: root
        containerDisk:
          image: quay.io/containerdisks/fedora:41
`;

function vm(over: { CORES?: string; MEMORY?: string; DISKS?: string } = {}): string {
  return VM.replace('CORES', over.CORES ?? '2').replace('MEMORY', over.MEMORY ?? '2Gi').replace('DISKS', over.DISKS ?? '[{name: root}]');
}

/** 1-based line:col of a finding, computed independently from the text. */
function lineCol(text: string, f: Finding): string {
  const before = text.slice(0, f.range!.start).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('wrong type in a field', () => {
  it('accepts well-typed manifests without findings', () => {
    const r = loadObjects([{ path: 'ok.yaml', text: vm() }]);
    expect(r.findings).toEqual([]);
    expect(r.objects).toHaveLength(1);
  });

  it('reports a string where an integer belongs, at the value', () => {
    const text = vm({ CORES: '"2"' });
    const r = loadObjects([{ path: 'vm.yaml', text }]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.code).toBe('WRONG_TYPE');
    expect(f.message).toBe('json: cannot unmarshal string into Go struct field CPU.spec.template.spec.domain.cpu.cores of type uint32');
    expect(f.path).toEqual(['spec', 'template', 'spec', 'domain', 'cpu', 'cores']);
    expect(lineCol(text, f)).toBe(`${lineOf(text, 'cores:')}:11`);
    expect(f.message).not.toContain('\n');
    expect(r.objects.map((o) => o.name)).toEqual(['typed']);
  });

  it('accepts a quantity as a string or a number, not as a mapping', () => {
    expect(loadObjects([{ path: 'n.yaml', text: vm({ MEMORY: '2147483648' }) }]).findings).toEqual([]);
    const spaced = vm({ MEMORY: '2 GB' });
    // resource.ErrFormatWrong, after the field.
    const regexp = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    expect(loadObjects([{ path: 's.yaml', text: spaced }]).findings[0]?.message).toBe(`spec.template.spec.domain.resources.requests.memory: ${regexp}`);
    const text = vm({ MEMORY: '{size: 2Gi}' });
    const [f] = loadObjects([{ path: 'm.yaml', text }]).findings;
    expect(f?.message).toBe(`spec.template.spec.domain.resources.requests.memory: ${regexp}`);
    expect(lineCol(text, f!)).toBe(`${lineOf(text, 'memory:')}:13`);
  });

  it('checks sequence items and their fields', () => {
    const notSeq = vm({ DISKS: 'root' });
    expect(loadObjects([{ path: 'a.yaml', text: notSeq }]).findings[0]?.message).toBe(
      'json: cannot unmarshal string into Go struct field Devices.spec.template.spec.domain.devices.disks of type []v1.Disk',
    );
    const badName = vm({ DISKS: '[{name: 7}]' });
    const [f] = loadObjects([{ path: 'b.yaml', text: badName }]).findings;
    expect(f?.path).toEqual(['spec', 'template', 'spec', 'domain', 'devices', 'disks', 0, 'name']);
    // No index in Go's field stack.
    expect(f?.message).toBe('json: cannot unmarshal number into Go struct field Disk.spec.template.spec.domain.devices.disks.name of type string');
    expect(lineCol(badName, f!)).toBe(`${lineOf(badName, 'disks:')}:${badName.split('\n')[lineOf(badName, 'disks:') - 1]!.indexOf('name') + 1}`);
  });

  it('checks label values and KubeVirt CR feature gates', () => {
    const labels = vm().replace('app: web', 'app: true');
    expect(loadObjects([{ path: 'l.yaml', text: labels }]).findings[0]?.message).toBe('json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string');
    const kv = 'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata: {name: kv}\nspec:\n  configuration:\n    developerConfiguration:\n      featureGates: [CPUManager, 3]\n';
    const [f] = loadObjects([{ path: 'kv.yaml', text: kv }]).findings;
    expect(f?.path).toEqual(['spec', 'configuration', 'developerConfiguration', 'featureGates', 1]);
    expect(lineCol(kv, f!)).toBe('7:34');
    expect(f?.message).toBe('json: cannot unmarshal number into Go struct field DeveloperConfiguration.spec.configuration.developerConfiguration.featureGates of type string');
    expect(loadObjects([{ path: 'kv.yaml', text: kv }]).objects).toEqual([]);
  });

  it('reports every wrong field of an object and still reads the other objects', () => {
    // The VM is read too: admission refuses it.
    const bad = vm({ CORES: 'two', MEMORY: '[1]' });
    const r = loadObjects([{ path: 'two.yaml', text: `${bad}---\n${vm().replace('name: typed', 'name: fine')}` }]);
    expect(r.findings.map((f) => f.path?.at(-1))).toEqual(['cores', 'memory']);
    expect(r.objects.map((o) => o.name)).toEqual(['typed', 'fine']);
  });

  it('treats null as unset', () => {
    expect(loadObjects([{ path: 'null.yaml', text: vm({ CORES: 'null' }) }]).findings).toEqual([]);
  });

  it('checks instancetypes inside a List', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: instancetype.kubevirt.io/v1beta1\n  kind: VirtualMachineClusterInstancetype\n  metadata: {name: it}\n  spec:\n    cpu: {guest: 1.5}\n    memory: {guest: 1Gi}\n';
    const [f] = loadObjects([{ path: 'list.yaml', text }]).findings;
    expect(f?.message).toBe('json: cannot unmarshal number 1.5 into Go struct field CPUInstancetype.spec.cpu.guest of type uint32');
    expect(lineCol(text, f!)).toBe('8:11'); // the key `guest`
  });
});
