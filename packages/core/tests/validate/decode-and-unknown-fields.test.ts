// Decoding and strict fields, before any webhook rule: expected texts are encoding/json's
// UnmarshalTypeError (Go ≥ 1.24: `Go struct field <Struct>.<json path, embedded structs named, no
// list indices> of type <reflect type>`), apimachinery's quantity errors, and the API server's
// strict decoding error with the CRD pruning path (list indices as [i]).
import { admit, loadObjects, loadProfile, PLACEHOLDER_VMI_UID, type AdmissionResult } from '@l1vh/core';
import { describe, expect, it } from 'vitest';
import { ADMISSION_CLUSTER_YAML } from '../support/admission-vectors.js';

const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: d
  namespace: default
  labels:
    any.example.com/weird_key-1: x
spec:
  runStrategy: Always
  template:
    metadata:
      labels: {kubevirt.io/vm: d}
    spec:
      domain:
        cpu:
          cores: CORES
        resources:
          requests:
            memory: MEMORY
            example.com/any-resource: "1"
        devices:
          disks:
          - name: root
            bootOrder: BOOT
            disk: {bus: BUS}
          interfaces:
          - name: default
            masquerade: {}
            ports: [{port: PORT}]
      networks:
      - name: default
        pod: {}
      volumes:
      - name: root
        containerDisk: {image: quay.io/containerdisks/fedora:41}
`;

interface Over {
  CORES?: string;
  MEMORY?: string;
  BOOT?: string;
  BUS?: string;
  PORT?: string;
}

function vm(o: Over = {}): string {
  return VM.replace('CORES', o.CORES ?? '2')
    .replace('MEMORY', o.MEMORY ?? '1Gi')
    .replace('BOOT', o.BOOT ?? '1')
    .replace('BUS', o.BUS ?? 'virtio')
    .replace('PORT', o.PORT ?? '80');
}

function run(text: string, clusterYaml = ADMISSION_CLUSTER_YAML): AdmissionResult {
  const loaded = loadObjects([{ path: 'vm.yaml', text }]);
  const { profile } = loadProfile([{ path: 'cluster.yaml', text: clusterYaml }], loaded.objects);
  const obj = loaded.objects.find((o) => o.kind !== 'KubeVirt' && o.kind !== 'Node');
  expect(obj).toBeDefined();
  return admit(obj!, profile, { vmiUid: PLACEHOLDER_VMI_UID });
}

const CPU_CORES = 'spec.template.spec.domain.cpu.cores';

describe('decoding into KubeVirt Go types (stage decode: no VMI)', () => {
  it.each<[string, Over, string, string]>([
    ['cores -1 (uint32)', { CORES: '-1' }, CPU_CORES, `json: cannot unmarshal number -1 into Go struct field CPU.${CPU_CORES} of type uint32`],
    ['cores 2^32 overflows uint32', { CORES: '4294967296' }, CPU_CORES, `json: cannot unmarshal number 4294967296 into Go struct field CPU.${CPU_CORES} of type uint32`],
    ['cores 1.5 is not an integer', { CORES: '1.5' }, CPU_CORES, `json: cannot unmarshal number 1.5 into Go struct field CPU.${CPU_CORES} of type uint32`],
    ['cores as a string', { CORES: '"4"' }, CPU_CORES, `json: cannot unmarshal string into Go struct field CPU.${CPU_CORES} of type uint32`],
    ['cores as a boolean', { CORES: 'true' }, CPU_CORES, `json: cannot unmarshal bool into Go struct field CPU.${CPU_CORES} of type uint32`],
    ['cores as a list', { CORES: '[1]' }, CPU_CORES, `json: cannot unmarshal array into Go struct field CPU.${CPU_CORES} of type uint32`],
    [
      'bootOrder -1 (uint; list index not in Go’s path)',
      { BOOT: '-1' },
      'spec.template.spec.domain.devices.disks[0].bootOrder',
      'json: cannot unmarshal number -1 into Go struct field Disk.spec.template.spec.domain.devices.disks.bootOrder of type uint',
    ],
    [
      'disk bus as a number (promoted through the embedded DiskDevice; a named string type)',
      { BUS: '5' },
      'spec.template.spec.domain.devices.disks[0].disk.bus',
      'json: cannot unmarshal number into Go struct field DiskTarget.spec.template.spec.domain.devices.disks.DiskDevice.disk.bus of type v1.DiskBus',
    ],
    [
      'port 2^31 overflows int32',
      { PORT: '2147483648' },
      'spec.template.spec.domain.devices.interfaces[0].ports[0].port',
      'json: cannot unmarshal number 2147483648 into Go struct field Port.spec.template.spec.domain.devices.interfaces.ports.port of type int32',
    ],
    [
      'memory "2 GB" does not parse',
      { MEMORY: '2 GB' },
      'spec.template.spec.domain.resources.requests.memory',
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    ['memory with an unknown suffix', { MEMORY: '2kk' }, 'spec.template.spec.domain.resources.requests.memory', "unable to parse quantity's suffix"],
    ['memory as a mapping', { MEMORY: '{size: 1Gi}' }, 'spec.template.spec.domain.resources.requests.memory', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ])('%s', (_name, over, field, message) => {
    const r = run(vm(over));
    expect(r.vmi).toBeNull();
    expect(r.rejection?.stage).toBe('decode');
    expect(r.rejection?.causes).toEqual([expect.objectContaining({ field, message })]);
    expect(r.rejection!.causes[0]!.at!.join('.').replace(/\.(\d+)/g, '[$1]')).toBe(field);
    expect(r.error).toContain(message);
  });

  it.each<[string, Over]>([
    ['cores 4294967295 (uint32 max)', { CORES: '4294967295' }],
    ['cores 0', { CORES: '0' }],
    ['cores 2.0 (YAML float, integral: kubectl sends 2)', { CORES: '2.0' }],
    ['port 70000 fits int32 (range is a webhook rule)', { PORT: '70000' }],
    ['memory as a number', { MEMORY: '1073741824' }],
    ['memory with spaces around it', { MEMORY: '" 1Gi "' }],
  ])('decodes %s', (_name, over) => {
    const r = run(vm(over));
    expect(r.rejection?.stage === 'decode' || r.rejection?.stage === 'schema').toBe(false);
  });

  it('labels take any key; resources take any resource name', () => {
    expect(run(vm()).rejection).toBeUndefined();
  });

  it('reports the one error Go returns: a quantity error aborts, else the first type error in key order', () => {
    const both = run(vm({ CORES: '-1', MEMORY: 'lots' }));
    expect(both.rejection?.causes.map((c) => c.field)).toEqual(['spec.template.spec.domain.resources.requests.memory']);
    const twoTypes = run(vm({ CORES: '-1', BOOT: '"x"' }));
    // "cpu" sorts before "devices".
    expect(twoTypes.rejection?.causes.map((c) => c.field)).toEqual([CPU_CORES]);
  });

  it('names the struct of a VMI and of a pool’s template', () => {
    const vmi = `apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: i, namespace: default}\nspec:\n  domain:\n    cpu: {sockets: -2}\n    devices: {}\n    resources: {requests: {memory: 1Gi}}\n`;
    expect(run(vmi).rejection?.causes[0]?.message).toBe('json: cannot unmarshal number -2 into Go struct field CPU.spec.domain.cpu.sockets of type uint32');
    const pool = `apiVersion: pool.kubevirt.io/v1beta1\nkind: VirtualMachinePool\nmetadata: {name: p, namespace: default}\nspec:\n  replicas: 1\n  selector: {matchLabels: {a: b}}\n  virtualMachineTemplate:\n    metadata: {labels: {a: b}}\n    spec:\n      runStrategy: Always\n      template:\n        metadata: {labels: {a: b}}\n        spec:\n          domain:\n            cpu: {threads: 1.5}\n            devices: {}\n            resources: {requests: {memory: 1Gi}}\n`;
    const r = run(pool);
    expect(r.vmi).toBeNull();
    expect(r.rejection?.causes[0]).toMatchObject({
      field: 'spec.virtualMachineTemplate.spec.template.spec.domain.cpu.threads',
      message: 'json: cannot unmarshal number 1.5 into Go struct field CPU.spec.virtualMachineTemplate.spec.template.spec.domain.cpu.threads of type uint32',
    });
  });
});

describe('strict field validation (stage schema: refused, preview without the field)', () => {
  it('reports an unknown field with the API server’s path and keeps the preview', () => {
    const r = run(vm().replace('        cpu:\n', '        devcies: {}\n        cpu:\n'));
    expect(r.rejection).toEqual({
      stage: 'schema',
      causes: [{ type: 'FieldValueUnknown', field: 'spec.template.spec.domain.devcies', message: 'unknown field "spec.template.spec.domain.devcies"', at: ['spec', 'template', 'spec', 'domain', 'devcies'] }],
    });
    expect(r.error).toBe('strict decoding error: unknown field "spec.template.spec.domain.devcies"');
    expect(r.vmi).not.toBeNull();
    expect(JSON.stringify(r.vmi)).not.toContain('devcies');
  });

  it('prints list indices and joins several fields as the API server does', () => {
    const text = vm().replace('            bootOrder: 1\n', '            bootOrder: 1\n            foo: 1\n').replace('    metadata:\n      labels: {kubevirt.io/vm: d}', '    metadata:\n      labels: {kubevirt.io/vm: d}\n      anything: kept');
    const r = run(text.replace('  runStrategy: Always', '  runStrategy: Always\n  runStratgy: Always'));
    expect(r.error).toBe('strict decoding error: unknown field "spec.runStratgy", unknown field "spec.template.spec.domain.devices.disks[0].foo"');
  });

  it('an unknown field and a decoding failure: refused at schema, no VMI', () => {
    const r = run(vm({ CORES: '-1' }).replace('        cpu:\n', '        devcies: {}\n        cpu:\n'));
    expect(r.rejection?.stage).toBe('schema');
    expect(r.vmi).toBeNull();
    expect(r.error).toContain('json: cannot unmarshal number -1');
  });

  it('checks against the profile’s KubeVirt version', () => {
    const text = vm().replace('      networks:', '      serviceAccountName: sa\n      networks:');
    expect(run(text).rejection).toBeUndefined();
    const v18 = ADMISSION_CLUSTER_YAML.replace('v1.10.0-alpha.0', 'v1.8.4');
    expect(run(text, v18).rejection?.causes.map((c) => c.message)).toEqual(['unknown field "spec.template.spec.serviceAccountName"']);
  });
});

describe('fieldFindings: any KubeVirt object, at its field', () => {
  it('reports unknown fields with a did-you-mean and every value that does not decode', async () => {
    const { fieldFindings } = await import('@l1vh/core');
    const text = `apiVersion: instancetype.kubevirt.io/v1beta1
kind: VirtualMachineInstancetype
metadata: {name: it, namespace: default}
spec:
  cpu: {guest: -2}
  memory: {guest: 1Gi, overcommitPrecent: 10}
`;
    // The reader leaves an instancetype that does not decode out: read it through a List-free path.
    const loaded = loadObjects([{ path: 'it.yaml', text: text.replace('guest: -2', 'guest: 2') }]);
    const obj = { ...loaded.objects[0]!, value: { ...loaded.objects[0]!.value, spec: { cpu: { guest: -2 }, memory: { guest: '1Gi', overcommitPrecent: 10 } } } };
    const found = fieldFindings(obj, 'main').map((f) => [f.code, f.message]);
    expect(found).toEqual([
      ['unknown-field', 'unknown field "spec.memory.overcommitPrecent" (did you mean "overcommitPercent"?)'],
      ['decode-error', 'json: cannot unmarshal number -2 into Go struct field CPUInstancetype.spec.cpu.guest of type uint32'],
    ]);
    const kv = loadObjects([{ path: 'kv.yaml', text: 'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata: {name: kv}\nspec:\n  configuration:\n    machineTyp: q35\n' }]);
    const [f] = fieldFindings(kv.objects[0]!, 'v1.8');
    expect(f).toMatchObject({ code: 'unknown-field', message: 'unknown field "spec.configuration.machineTyp" (did you mean "machineType"?)', path: ['spec', 'configuration', 'machineTyp'] });
    expect(f!.range!.start).toBe(kv.objects[0]!.source.doc.file.text.indexOf('machineTyp'));
  });
});
