// WRONG_TYPE: a wrongly typed field is one finding at the field; the object is left out, the
// rest of the input is still read.
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
    expect(f.message).toBe('spec.template.spec.domain.cpu.cores must be an integer, found string "2"');
    expect(f.path).toEqual(['spec', 'template', 'spec', 'domain', 'cpu', 'cores']);
    expect(lineCol(text, f)).toBe(`${lineOf(text, 'cores:')}:11`);
    expect(f.message).not.toContain('\n');
    expect(r.objects).toEqual([]);
  });

  it('accepts a quantity as a string or a number, not as a mapping', () => {
    expect(loadObjects([{ path: 'n.yaml', text: vm({ MEMORY: '2147483648' }) }]).findings).toEqual([]);
    const spaced = vm({ MEMORY: '2 GB' });
    expect(loadObjects([{ path: 's.yaml', text: spaced }]).findings[0]?.message).toBe('spec.template.spec.domain.resources.requests.memory must be a quantity (string or number, e.g. "2Gi"), found string "2 GB"');
    const text = vm({ MEMORY: '{size: 2Gi}' });
    const [f] = loadObjects([{ path: 'm.yaml', text }]).findings;
    expect(f?.message).toMatch(/^spec\.template\.spec\.domain\.resources\.requests\.memory must be a quantity/);
    expect(lineCol(text, f!)).toBe(`${lineOf(text, 'memory:')}:13`);
  });

  it('checks sequence items and their fields', () => {
    const notSeq = vm({ DISKS: 'root' });
    expect(loadObjects([{ path: 'a.yaml', text: notSeq }]).findings[0]?.message).toBe('spec.template.spec.domain.devices.disks must be a sequence, found string "root"');
    const badName = vm({ DISKS: '[{name: 7}]' });
    const [f] = loadObjects([{ path: 'b.yaml', text: badName }]).findings;
    expect(f?.path).toEqual(['spec', 'template', 'spec', 'domain', 'devices', 'disks', 0, 'name']);
    expect(lineCol(badName, f!)).toBe(`${lineOf(badName, 'disks:')}:${badName.split('\n')[lineOf(badName, 'disks:') - 1]!.indexOf('name') + 1}`);
  });

  it('checks label values and KubeVirt CR feature gates', () => {
    const labels = vm().replace('app: web', 'app: true');
    expect(loadObjects([{ path: 'l.yaml', text: labels }]).findings[0]?.message).toBe('metadata.labels.app must be a string, found boolean true');
    const kv = 'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata: {name: kv}\nspec:\n  configuration:\n    developerConfiguration:\n      featureGates: [CPUManager, 3]\n';
    const [f] = loadObjects([{ path: 'kv.yaml', text: kv }]).findings;
    expect(f?.path).toEqual(['spec', 'configuration', 'developerConfiguration', 'featureGates', 1]);
    expect(lineCol(kv, f!)).toBe('7:34');
  });

  it('reports every wrong field of an object and still reads the other objects', () => {
    const bad = vm({ CORES: 'two', MEMORY: '[1]' });
    const r = loadObjects([{ path: 'two.yaml', text: `${bad}---\n${vm().replace('name: typed', 'name: fine')}` }]);
    expect(r.findings.map((f) => f.path?.at(-1))).toEqual(['cores', 'memory']);
    expect(r.objects.map((o) => o.name)).toEqual(['fine']);
  });

  it('treats null as unset', () => {
    expect(loadObjects([{ path: 'null.yaml', text: vm({ CORES: 'null' }) }]).findings).toEqual([]);
  });

  it('checks instancetypes inside a List', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: instancetype.kubevirt.io/v1beta1\n  kind: VirtualMachineClusterInstancetype\n  metadata: {name: it}\n  spec:\n    cpu: {guest: 1.5}\n    memory: {guest: 1Gi}\n';
    const [f] = loadObjects([{ path: 'list.yaml', text }]).findings;
    expect(f?.message).toBe('spec.cpu.guest must be an integer, found number 1.5');
    expect(lineCol(text, f!)).toBe('8:11'); // the key `guest`
  });
});
