// The conventions of the tools l1vh sits beside: kubectl's -n for files, pflag's handling of a
// negative flag value, one exit code per failure class across explain/lint/domain (docs/cli.md),
// `version`/`--version`, and lint on a real repository's non-Kubernetes YAML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { ONLY_NO_LAUNCH, run, VM_OK } from '../support/fake-io.js';

const quiet = { '.l1vh.yaml': ONLY_NO_LAUNCH };
const items = (out: string) => (JSON.parse(out) as { items: { namespace: string; name: string; domainXml: string | null }[] }).items;

describe('version', () => {
  it('--version and `version` print the package.json version', async () => {
    const short = await run(['--version'], {});
    expect(short).toMatchObject({ code: 0, out: `kubectl-l1vh v${pkg.version}\n` });
    const long = await run(['version'], {});
    expect(long.code).toBe(0);
    expect(long.out.split('\n')[0]).toBe(`kubectl-l1vh v${pkg.version}`);
  });

  it('lists the KubeVirt versions modelled, with the golden snapshot date for main', async () => {
    const j = JSON.parse((await run(['version', '-o', 'json'], {})).out) as { version: string; kubevirt: { key: string; ref: string; date: string }[] };
    expect(j.version).toBe(`v${pkg.version}`);
    expect(j.kubevirt.map((k) => k.key)).toEqual(['v1.8', 'v1.9', 'main']);
    // ../shared/golden/README.md: vectors from v1.8.4, v1.9.0 and main as of Aug 2026 (v1.10.0-alpha.0).
    expect(j.kubevirt.find((k) => k.key === 'v1.8')!.ref).toBe('v1.8.4');
    expect(j.kubevirt.find((k) => k.key === 'v1.9')!.ref).toBe('v1.9.0');
    expect(j.kubevirt.find((k) => k.key === 'main')).toMatchObject({ ref: expect.stringContaining('v1.10.0-alpha.0'), date: '2026-08' });
  });

  it('is listed in --help', async () => {
    expect((await run(['--help'], {})).out).toMatch(/^\s+version\s/m);
  });
});

describe('-n/--namespace on files (kubectl apply -n semantics)', () => {
  const inNs = (ns: string) => VM_OK.replace('  name: ok\n', `  name: ok\n  namespace: ${ns}\n`);

  it('gives objects without metadata.namespace the namespace of -n (explain, domain)', async () => {
    const r = await run(['explain', '-o', 'json', '-n', 'prod', 'vm.yaml'], { 'vm.yaml': VM_OK });
    expect(r.code).toBe(0);
    expect(items(r.out)[0]).toMatchObject({ namespace: 'prod', name: 'ok' });
    // KubeVirt names the libvirt domain <namespace>_<name> (VMINamespaceKeyFunc).
    const d = await run(['domain', '--namespace', 'prod', 'vm.yaml'], { 'vm.yaml': VM_OK });
    expect(d.out).toContain('<name>prod_ok</name>');
    const none = await run(['domain', 'vm.yaml'], { 'vm.yaml': VM_OK });
    expect(none.out).toContain('<name>default_ok</name>');
  });

  it('keeps an explicit metadata.namespace equal to -n', async () => {
    const r = await run(['explain', '-o', 'json', '-n', 'prod', 'vm.yaml'], { 'vm.yaml': inNs('prod') });
    expect(items(r.out)[0]!.namespace).toBe('prod');
  });

  it('refuses an object whose namespace differs from -n, as kubectl does', async () => {
    const r = await run(['explain', '-o', 'json', '-n', 'prod', 'vm.yaml'], { 'vm.yaml': inNs('staging') });
    expect(r.code).toBe(1);
    expect(items(r.out)).toEqual([]);
    expect(r.err).toMatch(/^vm\.yaml:5:3: error NAMESPACE_MISMATCH: the namespace from the provided object "staging" does not match the namespace "prod"/m);
    const l = await run(['lint', '-n', 'prod', 'vm.yaml'], { ...quiet, 'vm.yaml': inNs('staging') });
    expect(l.code).toBe(1);
    expect(l.out).toContain('NAMESPACE_MISMATCH');
  });

  it('resolves a namespaced instancetype given beside the VM into the same -n namespace', async () => {
    const it1 = 'apiVersion: instancetype.kubevirt.io/v1beta1\nkind: VirtualMachineInstancetype\nmetadata:\n  name: small\nspec:\n  cpu:\n    guest: 1\n  memory:\n    guest: 1Gi\n';
    const vm = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: typed\nspec:\n  runStrategy: Always\n  instancetype:\n    kind: VirtualMachineInstancetype\n    name: small\n  template:\n    spec:\n      domain:\n        devices: {}\n';
    const r = await run(['explain', '-o', 'json', '-n', 'prod', 'it.yaml', 'vm.yaml'], { 'it.yaml': it1, 'vm.yaml': vm });
    expect(r.code).toBe(0);
    expect(items(r.out)[0]).toMatchObject({ namespace: 'prod' });
    expect(items(r.out)[0]!.domainXml).toContain('<memory unit="b">1073741824</memory>');
  });
});

describe('--request-timeout with a negative value', () => {
  it('is a clear usage error naming the flag, not "argument is ambiguous"', async () => {
    const r = await run(['cluster', '--request-timeout', '-5', '--kubeconfig', 'kc'], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('--request-timeout "-5" is negative');
    expect(r.err).not.toContain('ambiguous');
  });
});

describe('one exit code per failure class (docs/cli.md: 2 = file I/O)', () => {
  const cases: [string, string[]][] = [
    ['explain', ['explain']],
    ['lint', ['lint', '--no-config']],
    ['domain', ['domain']],
  ];
  it.each(cases)('%s: a missing path exits 2 with one IO_ERROR line', async (_, argv) => {
    const r = await run([...argv, 'missing.yaml'], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.yaml: error IO_ERROR: no such file or directory');
  });
  it.each(cases)('%s: a binary file exits 2', async (_, argv) => {
    const r = await run([...argv, 'bin.yaml'], { 'bin.yaml': 'PK\u0003\u0004\u0000\u0000binary' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('bin.yaml: error IO_ERROR: binary file (NUL bytes)');
  });
  it('docs/cli.md says so', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/cli.md'), 'utf8');
    expect(doc).toMatch(/\| 2 \| [^\n]*missing path[^\n]*binary/);
  });
});

describe('lint on a repository with non-Kubernetes YAML', () => {
  const repo = {
    ...quiet,
    'repo/vms/ok.yaml': VM_OK,
    'repo/docker-compose.yml': 'services:\n  web:\n    image: nginx\n',
    'repo/mkdocs.yml': 'site_name: docs\nnav:\n  - index.md\n',
    'repo/chart/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
    'repo/chart/values.yaml': 'replicaCount: 1\nimage:\n  repository: nginx\n',
    'repo/.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
    'repo/ansible/site.yml': '- hosts: all\n  tasks: []\n',
    'repo/config/settings.yaml': 'feature: true\n',
  };

  it('skips them with at most one info each: no errors, exit 0', async () => {
    const r = await run(['lint', 'repo', '-o', 'json'], repo);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.out) as { findings: { ruleId: string; severity: string; file: string }[] }).findings;
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findings.every((f) => f.ruleId === 'NOT_KUBERNETES')).toBe(true);
    const files = findings.map((f) => f.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toEqual(expect.arrayContaining(['repo/docker-compose.yml', 'repo/mkdocs.yml', 'repo/chart/Chart.yaml', 'repo/chart/values.yaml', 'repo/ansible/site.yml', 'repo/config/settings.yaml']));
  });

  it('names a Helm/Go template as such, at the first action, instead of a YAML error', async () => {
    const tpl = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: {{ .Release.Name }}-vm\n  labels:\n    {{- include "demo.labels" . | nindent 4 }}\nspec:\n  running: {{ .Values.running }}\n';
    const r = await run(['lint', 'chart/templates/vm.yaml'], { ...quiet, 'chart/templates/vm.yaml': tpl });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^chart\/templates\/vm\.yaml:4:9: info GO_TEMPLATE: Helm\/Go template/);
    expect(r.out).not.toContain('YAML_SYNTAX');
  });

  it('does not mistake cloud-init Jinja in a block scalar for a template', async () => {
    const vm = VM_OK.replace('        devices: {}\n', '        devices:\n          disks: [{name: ci, disk: {}}]\n').replace(
      '  runStrategy: Always\n',
      '      volumes:\n      - name: ci\n        cloudInitNoCloud:\n          userData: |\n            ## template: jinja\n            #cloud-config\n            hostname: {{ ds.meta_data.instance_id }}\n            {{- if true }}x{{ end }}\n  runStrategy: Always\n',
    );
    const r = await run(['lint', 'vm.yaml', '-o', 'json'], { ...quiet, 'vm.yaml': vm });
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('GO_TEMPLATE');
    expect((JSON.parse(r.out) as { summary: { objects: number } }).summary.objects).toBe(1);
  });

  it('still reports a manifest that has kind but no apiVersion', async () => {
    const r = await run(['lint', 'vm.yaml'], { ...quiet, 'vm.yaml': VM_OK.replace('apiVersion: kubevirt.io/v1\n', '') });
    expect(r.code).toBe(1);
    expect(r.out).toContain('error MISSING_KIND');
  });
});

describe('suppressions naming an unknown rule', () => {
  it('are a warning at the misspelled id, with the nearest rule', async () => {
    const text = VM_OK.replace('metadata:\n', '# l1vh-disable-next-line no-lauch\nmetadata:\n');
    const r = await run(['lint', 'vm.yaml', '--no-config'], { 'vm.yaml': text });
    expect(r.out).toContain('vm.yaml:3:26: warning UNKNOWN_RULE: unknown rule "no-lauch" in # l1vh-disable-next-line comment: it suppresses nothing (did you mean "no-launch"?)');
  });

  it('also in the l1vh.dev/ignore annotation; known ids and "*" are fine', async () => {
    const text = VM_OK.replace('  name: ok\n', '  name: ok\n  annotations:\n    l1vh.dev/ignore: no-launch,bogus-rule\n');
    const r = await run(['lint', 'vm.yaml', '--no-config', '-o', 'json'], { 'vm.yaml': text });
    const f = (JSON.parse(r.out) as { findings: { ruleId: string; severity: string; message: string }[] }).findings.filter((x) => x.ruleId === 'UNKNOWN_RULE');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"bogus-rule" in l1vh.dev/ignore annotation') })]);
    const ok = await run(['lint', 'vm.yaml', '--no-config', '-o', 'json'], { 'vm.yaml': VM_OK.replace('metadata:\n', '# l1vh-disable no-launch, memory-too-small -- reason\nmetadata:\n') });
    expect(ok.out).not.toContain('UNKNOWN_RULE');
  });
});
