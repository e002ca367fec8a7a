// The verdict through the CLI: explain's exit code and text, domain's stderr, lint's exit code.
import { describe, expect, it } from 'vitest';
import { run, VM_OK, VM_PENDING } from '../support/fake-io.js';

/** The VM mutating webhook refuses it: inferFromVolume names no volume (instancetype/infer/volume.go). */
const VM_REJECTED = VM_OK.replace('name: ok', 'name: rejected').replace('spec:\n  template:', 'spec:\n  instancetype:\n    inferFromVolume: missing\n  template:');
/** KubeVirt admits a negative guest; virt-launcher's converter refuses it (golden admission vector neg-vm-guest-memory-negative). */
const VM_LAUNCH_FAILS = VM_OK.replace('name: ok', 'name: negative').replace('        devices: {}\n', '        devices: {}\n        memory:\n          guest: -1Gi\n');
/** KubeVirt admits cores: 1e9 (golden admission vector neg-vm-cores-1e9); no node runs it. */
const VM_HUGE = VM_OK.replace('name: ok', 'name: huge').replace('        devices: {}\n', '        devices: {}\n        cpu:\n          cores: 1000000000\n');

describe('verdict in the CLI', () => {
  it('explain exits 0 when every VM runs, 1 when any will not', async () => {
    expect((await run(['explain', 'ok.yaml'], { 'ok.yaml': VM_OK })).code).toBe(0);
    for (const [name, text] of [['rejected', VM_REJECTED], ['pending', VM_PENDING], ['launch', VM_LAUNCH_FAILS], ['huge', VM_HUGE]] as const) {
      expect((await run(['explain', `${name}.yaml`], { [`${name}.yaml`]: text })).code, name).toBe(1);
      expect((await run(['explain', `${name}.yaml`, '-o', 'json'], { [`${name}.yaml`]: text })).code, name).toBe(1);
    }
    expect((await run(['explain', 'vms'], { 'vms/a.yaml': VM_OK, 'vms/b.yaml': VM_LAUNCH_FAILS })).code).toBe(1);
  });

  it('explain -o json carries verdict, causes (with positions) and admissionStage', async () => {
    const r = await run(['explain', 'r.yaml', '-o', 'json'], { 'r.yaml': VM_REJECTED });
    const item = (JSON.parse(r.out) as { items: Record<string, unknown>[] }).items[0]!;
    expect(item).toMatchObject({ verdict: 'rejected', admissionStage: 'vm-mutating-webhook', hypervisor: null, domainType: null, error: 'unable to find volume missing to infer defaults' });
    expect(item.causes).toEqual([{ type: 'FieldValueInvalid', field: '', message: 'unable to find volume missing to infer defaults', stage: 'vm-mutating-webhook', source: { file: 'r.yaml', line: 6, col: 3 } }]);
    const launch = (JSON.parse((await run(['explain', 'l.yaml', '-o', 'json'], { 'l.yaml': VM_LAUNCH_FAILS })).out) as { items: Record<string, unknown>[] }).items[0]!;
    expect(launch).toMatchObject({ verdict: 'launch-fails', causes: [], admissionStage: null, error: "Memory size '-1Gi' must be greater than or equal to 0", domainXml: null });
  });

  it('explain text gives each rejection cause on one line with file:line:col', async () => {
    const r = await run(['explain', 'r.yaml'], { 'r.yaml': VM_REJECTED });
    expect(r.out).toContain('  verdict:     rejected: KubeVirt refuses this object (vm-mutating-webhook)\n    r.yaml:6:3: unable to find volume missing to infer defaults\n');
  });

  it('explain text never prints a preview limit as a result', async () => {
    const r = await run(['explain', 'h.yaml'], { 'h.yaml': VM_HUGE });
    expect(r.out).not.toContain('preview limit');
    expect(r.out).toContain('  verdict:     unschedulable: no node can run its launcher pod\n');
    expect(r.out).toContain('spec.template.spec.domain.cpu.cores: 1000000000 vCPUs: KubeVirt accepts this');
    expect(r.out).toMatch(/h\.yaml:11:11: error out-of-range: spec\.template\.spec\.domain\.cpu\.cores/);
  });

  it('domain prints no XML for a VM that will not run: a stderr line per VM and per cause, exit 1', async () => {
    const r = await run(['domain', 'vms'], { 'vms/a.yaml': VM_OK, 'vms/r.yaml': VM_REJECTED, 'vms/l.yaml': VM_LAUNCH_FAILS });
    expect(r.code).toBe(1);
    expect(r.out.match(/<domain /g)).toHaveLength(1);
    expect(r.err.trimEnd().split('\n')).toEqual([
      "vms/l.yaml:1: VirtualMachine default/negative: launch-fails: Memory size '-1Gi' must be greater than or equal to 0",
      'vms/r.yaml:1: VirtualMachine default/rejected: rejected: unable to find volume missing to infer defaults',
      'vms/r.yaml:6:3: unable to find volume missing to infer defaults',
    ]);
  });

  it('lint exits 1 for a manifest KubeVirt rejects, and for one that cannot launch', async () => {
    const rejected = await run(['lint', 'r.yaml'], { 'r.yaml': VM_REJECTED });
    expect(rejected.code).toBe(1);
    expect(rejected.out).toContain('r.yaml:6:3: error admission-rejected: unable to find volume missing to infer defaults');
    const launch = await run(['lint', 'l.yaml'], { 'l.yaml': VM_LAUNCH_FAILS });
    expect(launch.code).toBe(1);
    expect(launch.out).toContain("l.yaml:11:11: error no-launch: negative cannot start on node l1vh-node-1: virt-launcher fails with \"Memory size '-1Gi' must be greater than or equal to 0\"");
    expect((await run(['lint', 'ok.yaml'], { 'ok.yaml': VM_OK })).code).toBe(0);
  });
});
