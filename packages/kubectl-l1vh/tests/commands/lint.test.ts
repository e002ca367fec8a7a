import { describe, expect, it } from 'vitest';
import { ONLY_NO_LAUNCH, run, VM_OK, VM_PENDING, VM_SMALL } from '../support/fake-io.js';

const quiet = { '.l1vh.yaml': ONLY_NO_LAUNCH };

describe('kubectl l1vh lint', () => {
  it('exits 0 on a clean workspace and prints nothing on stdout', async () => {
    const r = await run(['lint', 'vms'], { ...quiet, 'vms/ok.yaml': VM_OK });
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toBe('1 file, 1 VM: 0 errors, 0 warnings, 0 infos\n');
  });

  it('exits 1 with file:line:col: severity rule: message for an error', async () => {
    const r = await run(['lint', 'vms'], { ...quiet, 'vms/ok.yaml': VM_OK, 'vms/pending.yaml': VM_PENDING });
    expect(r.code).toBe(1);
    expect(r.out).toBe('vms/pending.yaml:4:3: error no-launch: no node can run the virt-launcher pod of pending (it stays Pending): l1vh-node-1: nodeSelector disktype=ssd not matched\n');
  });

  it('--fail-on decides which severities fail the run', async () => {
    const files = { 'small.yaml': VM_SMALL };
    expect((await run(['lint', 'small.yaml', '--no-config'], files)).code).toBe(0);
    const warn = await run(['lint', 'small.yaml', '--fail-on', 'warning', '--no-config'], files);
    expect(warn.code).toBe(1);
    expect(warn.out).toContain('small.yaml:12:13: warning memory-too-small: guest memory 64Mi');
    // An info finding (a block PVC's <source name>, which libvirt drops) fails only with --fail-on info.
    const blockPvc = VM_OK.replace('        devices: {}\n', '        devices:\n          disks: [{name: data, disk: {}}]\n')
      .replace('  runStrategy: Always\n', '      volumes: [{name: data, persistentVolumeClaim: {claimName: blk}}]\n  runStrategy: Always\n') +
      '---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: blk, namespace: default}\nspec: {volumeMode: Block}\n';
    expect((await run(['lint', 'blk.yaml', '--no-config'], { 'blk.yaml': blockPvc })).code).toBe(0);
    const info = await run(['lint', 'blk.yaml', '--fail-on', 'info', '--no-config'], { 'blk.yaml': blockPvc });
    expect(info.out).toContain('info libvirt-schema-quirk');
    expect(info.code).toBe(1);
  });

  it('an unknown -o lists the valid formats and exits 2', async () => {
    const r = await run(['lint', '-o', 'xml', 'a.yaml'], { 'a.yaml': VM_OK });
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown output format "xml" (valid: text, json, sarif, junit)');
    expect(r.out).toBe('');
  });

  it('usage and input errors exit 2', async () => {
    expect((await run(['lint'], {})).code).toBe(2);
    expect((await run(['lint', '--fail-on', 'fatal', 'a.yaml'], { 'a.yaml': VM_OK })).code).toBe(2);
    const missing = await run(['lint', 'missing.yaml'], {});
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing.yaml: error IO_ERROR: no such file or directory');
    expect((await run(['lint', 'a.yaml', '--profile', 'nope.yaml'], { 'a.yaml': VM_OK })).code).toBe(2);
  });

  it('--help goes to stdout with exit 0 and lists the exit codes', async () => {
    const r = await run(['lint', '--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain('Exit codes: 0');
  });

  it('a YAML syntax error is a finding (exit 1), not a crash', async () => {
    const r = await run(['lint', 'bad.yaml'], { ...quiet, 'bad.yaml': 'kind: [\n' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^bad\.yaml:\d+:\d+: error YAML_SYNTAX: /);
  });

  it('-o json carries 1-based spans', async () => {
    const r = await run(['lint', 'p.yaml', '-o', 'json'], { ...quiet, 'p.yaml': VM_PENDING });
    const json = JSON.parse(r.out) as { findings: unknown[]; summary: unknown };
    expect(json.findings).toEqual([
      expect.objectContaining({ ruleId: 'no-launch', messageId: 'noEligibleNode', severity: 'error', file: 'p.yaml', line: 4, col: 3, endLine: 4, endCol: 7 }),
    ]);
    expect(json.summary).toEqual({ files: 1, objects: 1, errors: 1, warnings: 0, infos: 0 });
  });
});

describe('.l1vh.yaml', () => {
  it('is found upward from the working directory', async () => {
    const files = { '/repo/.l1vh.yaml': 'rules:\n  no-launch: off\n  libvirt-schema-quirk: off\n  memory-too-small: off\n', '/repo/app/vm.yaml': VM_PENDING };
    expect((await run(['lint', 'vm.yaml'], files, { cwd: '/repo/app' })).code).toBe(0);
    expect((await run(['lint', 'vm.yaml', '--no-config'], files, { cwd: '/repo/app' })).code).toBe(1);
  });

  it('changes severities and the default --fail-on', async () => {
    const r = await run(['lint', 'vm.yaml'], { '.l1vh.yaml': `${ONLY_NO_LAUNCH}  no-launch: warning\nfailOn: warning\n`, 'vm.yaml': VM_PENDING });
    expect(r.code).toBe(1);
    expect(r.out).toContain(': warning no-launch: ');
  });

  it('ignores files by glob, relative to the config file', async () => {
    const files = { '.l1vh.yaml': `${ONLY_NO_LAUNCH}ignore:\n  - vendor/**\n  - "**/*.gen.yaml"\n`, 'vendor/x/p.yaml': VM_PENDING, 'app/p.gen.yaml': VM_PENDING, 'app/ok.yaml': VM_OK };
    const r = await run(['lint', '.'], files);
    expect(r.code).toBe(0);
    expect(r.err).toContain('1 file, 1 VM');
  });

  it('names the default profile', async () => {
    const { CLUSTER_NO_MSHV } = await import('../support/fake-io.js');
    const r = await run(['lint', 'ok.yaml'], { '.l1vh.yaml': `${ONLY_NO_LAUNCH}profile: clusters/kvm.yaml\n`, 'clusters/kvm.yaml': CLUSTER_NO_MSHV, 'ok.yaml': VM_OK });
    expect(r.code).toBe(1);
    expect(r.out).toContain('no allocatable devices.kubevirt.io/mshv');
  });

  it('--config names the file explicitly', async () => {
    const files = { 'conf/strict.yaml': 'rules:\n  no-launch: off\n  libvirt-schema-quirk: off\n  memory-too-small: off\n', 'vm.yaml': VM_PENDING };
    expect((await run(['lint', 'vm.yaml', '--config', 'conf/strict.yaml'], files)).code).toBe(0);
    expect((await run(['lint', 'vm.yaml', '--config', 'conf/missing.yaml'], files)).code).toBe(2);
  });

  it('lints stdin as <stdin>', async () => {
    const r = await run(['lint', '-', '--no-config', '--fail-on', 'warning'], {}, { stdin: VM_SMALL });
    expect(r.code).toBe(1);
    expect(r.out).toContain('<stdin>:12:13: warning memory-too-small:');
  });

  it.each([
    ['unknown rule', 'rules:\n  no-such-rule: off\n', 'unknown rule "no-such-rule"'],
    ['bad severity', 'rules:\n  no-launch: fatal\n', 'rules.no-launch must be off, error, warning or info'],
    ['unknown key', 'rulez: {}\n', 'unknown key "rulez"'],
    ['invalid YAML', 'rules: [\n', 'invalid YAML'],
  ])('%s is a configuration error (exit 2)', async (_, text, message) => {
    const r = await run(['lint', 'vm.yaml'], { '.l1vh.yaml': text, 'vm.yaml': VM_OK });
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
