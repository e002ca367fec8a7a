// Our outputs through the ecosystem's own validators, as a platform team's CI would run them:
//   virt-xml-validate (Debian libvirt-clients 9.0): every domain XML we emit for the golden cases,
//     with only the quirks schemaQuirks() lists removed first (docs/l1vh-domain-xml.md);
//   promtool check metrics (Debian prometheus): `report -o openmetrics` from a fake API server;
//   the OASIS SARIF 2.1.0 JSON schema (ajv, tests/fixtures) on `lint -o sarif` of a real tree with
//     absolute paths, and xmllint on `lint -o junit` (no maintained JUnit XSD is packaged on npm or
//     Debian: see the JUnit test below).
// scripts/test.sh installs the tools (scripts/install-validators.sh) and sets L1VH_REQUIRE_VALIDATORS=1:
// then a missing tool fails here. Elsewhere a missing tool skips its test, visibly, with the reason.
import { explainAll, loadObjects, loadProfile, parseXml, schemaQuirks, serialiseXml, withoutSchemaQuirks } from '@l1vh/core';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './cluster/helpers/test-cluster.js';
import { run as runInProcess } from './support/fake-io.js';

const REQUIRED = process.env.L1VH_REQUIRE_VALIDATORS === '1';
const SHARED = join(__dirname, '../../../../shared');
const GENERATED = join(SHARED, 'golden/generated');
const LIBVIRT_SCHEMAS = '/usr/share/libvirt/schemas';
const execFileP = promisify(execFile);

const present = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const TOOLS = { 'virt-xml-validate': present('virt-xml-validate'), promtool: present('promtool'), xmllint: present('xmllint') };

describe('validator tools', () => {
  it.runIf(REQUIRED || Object.values(TOOLS).every(Boolean))('are all installed (required when L1VH_REQUIRE_VALIDATORS=1: scripts/install-validators.sh)', () => {
    expect(TOOLS).toEqual({ 'virt-xml-validate': true, promtool: true, xmllint: true });
  });
});

/** A test that needs `tool`: runs when it is installed or required, else is reported as skipped. */
const withTool = (tool: keyof typeof TOOLS) => it.runIf(TOOLS[tool] || REQUIRED);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'l1vh-validators-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Our domain XML for every golden case (the whole pipeline, as `kubectl l1vh domain` runs it). */
let emittedCache: { id: string; xml: string }[] | undefined;
function emittedGoldenXml(): { id: string; xml: string }[] {
  if (emittedCache) return emittedCache;
  const out: { id: string; xml: string }[] = (emittedCache = []);
  for (const group of readdirSync(GENERATED).sort()) {
    const profileText = readFileSync(join(GENERATED, group, 'cluster.yaml'), 'utf8');
    for (const file of readdirSync(join(GENERATED, group, 'cases')).sort()) {
      const loaded = loadObjects([{ path: file, text: readFileSync(join(GENERATED, group, 'cases', file), 'utf8') }]);
      const { profile } = loadProfile([{ path: 'cluster.yaml', text: profileText }], loaded.objects);
      for (const e of explainAll(loaded.objects, profile)) if (e.item.domainXml) out.push({ id: `${group}/${file}`, xml: e.item.domainXml });
    }
  }
  return out;
}

async function virtXmlValidate(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const r = await execFileP('virt-xml-validate', [file, 'domain'], { encoding: 'utf8' });
    return { ok: true, output: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  }));
  return out;
}

describe('virt-xml-validate on the domain XML we emit', () => {
  withTool('virt-xml-validate')('uses libvirt 9.0 schemas identical to ../shared/libvirt-schemas', () => {
    for (const f of readdirSync(join(SHARED, 'libvirt-schemas')).filter((n) => n.endsWith('.rng'))) {
      expect(readFileSync(join(LIBVIRT_SCHEMAS, f), 'utf8'), f).toBe(readFileSync(join(SHARED, 'libvirt-schemas', f), 'utf8'));
    }
  });

  withTool('virt-xml-validate')('every golden case validates once the listed quirks are removed, and only they differ', async () => {
    const emitted = emittedGoldenXml();
    expect(emitted.length).toBeGreaterThan(400);
    // Identical documents are validated once.
    const unique = new Map<string, { id: string; file: string }>();
    const dir = join(work, 'xml');
    mkdirSync(dir);
    for (const e of emitted) {
      const stripped = serialiseXml(withoutSchemaQuirks(parseXml(e.xml)!));
      const hash = createHash('sha256').update(stripped).digest('hex').slice(0, 16);
      if (unique.has(hash)) continue;
      const file = join(dir, `${hash}.xml`);
      writeFileSync(file, stripped);
      unique.set(hash, { id: e.id, file });
    }
    const results = await pool([...unique.values()], 4, async (u) => ({ id: u.id, ...(await virtXmlValidate(u.file)) }));
    expect(results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.output.split('\n').slice(0, 3).join(' | ')}`).slice(0, 10)).toEqual([]);
    // Every quirk kind we strip is one KubeVirt's XML has, or the documented preview placeholder.
    const kinds = new Set(emitted.flatMap((e) => schemaQuirks(e.xml).map((q) => q.kind)));
    for (const k of kinds) expect(['empty-sysinfo-section', 'block-source-name', 'lun-on-file-source', 'max-memory-zero-slots', 'empty-hostdev-source']).toContain(k);
  }, 300_000);

  withTool('virt-xml-validate')('the check can fail: the unstripped XML (empty sysinfo) and an "mshv" domain type are refused', async () => {
    const [sample] = emittedGoldenXml().filter((e) => e.xml.includes('<bios></bios>'));
    const raw = join(work, 'raw.xml');
    writeFileSync(raw, sample!.xml);
    const r = await virtXmlValidate(raw);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/sysinfo|bios/);
    const mshv = join(work, 'mshv.xml');
    writeFileSync(mshv, serialiseXml(withoutSchemaQuirks(parseXml(sample!.xml)!)).replace(/<domain type="[a-z]+"/, '<domain type="mshv"'));
    expect((await virtXmlValidate(mshv)).ok).toBe(false);
  }, 60_000);
});

describe('promtool check metrics on report -o openmetrics', () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
  });
  afterAll(async () => {
    await t?.close();
  });

  const promtool = (text: string) => spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });

  withTool('promtool')('passes (gauges, help text, no lint problems)', async () => {
    const r = await t.cli(['report', '-o', 'openmetrics', '--kubeconfig', t.kubeconfig]);
    expect(r.code).toBe(0);
    const check = promtool(r.stdout);
    expect(`${check.stdout}${check.stderr}`).toBe('');
    expect(check.status).toBe(0);
  });

  withTool('promtool')('the check can fail: counts typed as counters (the old output) are refused', () => {
    const old = '# HELP kubevirt_vmi_hypervisor_type VMIs.\n# TYPE kubevirt_vmi_hypervisor_type counter\nkubevirt_vmi_hypervisor_type_total{hypervisor="mshv"} 2\n# EOF\n';
    expect(promtool(old).status).not.toBe(0);
  });
});

describe('lint reports for CI systems', () => {
  /** A real tree: every golden case of two groups, plus tool files, linted by absolute path. */
  async function lintTree(format: string) {
    const files: Record<string, string> = {};
    for (const group of ['mshv-amd64', 'kvm-amd64-v1.8']) {
      for (const f of readdirSync(join(GENERATED, group, 'cases'))) files[`/repo/${group}/${f}`] = readFileSync(join(GENERATED, group, 'cases', f), 'utf8');
    }
    files['/repo/docker-compose.yml'] = 'services:\n  web:\n    image: nginx\n';
    files['/repo/bad.yaml'] = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: [\n';
    return runInProcess(['lint', '-o', format, '--no-config', '/repo'], files);
  }

  it('SARIF validates against the OASIS SARIF 2.1.0 schema (ajv), with file:// URIs for absolute paths', async () => {
    const schema = JSON.parse(readFileSync(join(__dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const r = await lintTree('sarif');
    const log = JSON.parse(r.out) as { runs: { artifacts: { location: { uri: string } }[]; results: { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const uris = [...log.runs[0]!.artifacts.map((a) => a.location.uri), ...log.runs[0]!.results.flatMap((x) => x.locations ?? []).map((l) => l.physicalLocation.artifactLocation.uri)];
    expect(uris.length).toBeGreaterThan(40);
    for (const u of uris) expect(u).toMatch(/^file:\/\/\/repo\//);
  });

  // JUnit XML has no normative schema; the de-facto ones (Ant's junit-4.xsd as Jenkins reads it,
  // Maven Surefire's surefire-test-report-3.0.xsd) are not packaged on npm or Debian (Debian's
  // libsurefire-java 2.22.3 predates the XSD). We check well-formedness with libxml2's xmllint and
  // the structure those schemas require: testsuites > testsuite[name,tests,failures,errors] >
  // testcase[name,classname] > failure[message,type], with counts that add up.
  withTool('xmllint')('JUnit is well-formed XML (xmllint) with the Ant/Jenkins structure and consistent counts', async () => {
    const r = await lintTree('junit');
    const file = join(work, 'junit.xml');
    writeFileSync(file, r.out);
    execFileSync('xmllint', ['--noout', file]);
    const root = parseXml(r.out.replace(/^<\?xml[^>]*\?>\s*/, ''))!;
    expect(root.name).toBe('testsuites');
    const attr = (e: { attrs: [string, string][] }, k: string) => e.attrs.find(([n]) => n === k)?.[1];
    let failures = 0;
    for (const suite of root.children.filter((c) => c.name === 'testsuite')) {
      for (const k of ['name', 'tests', 'failures', 'errors']) expect(attr(suite, k), k).toBeDefined();
      const cases = suite.children.filter((c) => c.name === 'testcase');
      expect(Number(attr(suite, 'tests'))).toBe(cases.length);
      const failed = cases.filter((c) => c.children.some((f) => f.name === 'failure'));
      expect(Number(attr(suite, 'failures'))).toBe(failed.length);
      for (const c of cases) {
        expect(attr(c, 'name')).toBeDefined();
        expect(attr(c, 'classname')).toBeDefined();
        for (const f of c.children.filter((x) => x.name === 'failure')) expect([attr(f, 'message') !== undefined, attr(f, 'type') !== undefined]).toEqual([true, true]);
      }
      failures += failed.length;
    }
    expect(Number(attr(root, 'failures'))).toBe(failures);
    expect(failures).toBeGreaterThan(0);
    // The check can fail: a truncated report is refused.
    writeFileSync(file, r.out.slice(0, r.out.length / 2));
    expect(spawnSync('xmllint', ['--noout', file]).status).not.toBe(0);
  });
});

it('scripts/test.sh installs the validators first and requires them', () => {
  const testSh = readFileSync(join(__dirname, '../../../scripts/test.sh'), 'utf8');
  expect(testSh).toMatch(/install-validators\.sh/);
  expect(testSh).toMatch(/L1VH_REQUIRE_VALIDATORS=1/);
  expect(existsSync(join(__dirname, '../../../scripts/install-validators.sh'))).toBe(true);
});
