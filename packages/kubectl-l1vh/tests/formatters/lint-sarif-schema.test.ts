// `lint -o sarif` output, produced through main(), validates against the official OASIS SARIF
// 2.1.0 schema (tests/fixtures/sarif-schema-2.1.0.json, a draft-04 JSON schema).
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, VM_OK, VM_PENDING, VM_SMALL } from '../support/fake-io.js';

const schema = JSON.parse(readFileSync(join(__dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('SARIF output', () => {
  it('is valid SARIF 2.1.0 with real regions and rule metadata', async () => {
    const r = await run(['lint', '-o', 'sarif', 'vms', '--no-config'], { 'vms/p.yaml': VM_PENDING, 'vms/s.yaml': VM_SMALL, 'vms/ok.yaml': VM_OK, 'vms/bad.yaml': 'a: [\n' });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: Record<string, number> } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const results = log.runs[0]!.results;
    expect(results.find((x) => x.ruleId === 'no-launch')!.locations[0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 3, endLine: 4, endColumn: 7 });
    expect(log.runs[0]!.tool.driver.rules.map((x) => x.id)).toContain('no-launch');
    expect(results.map((x) => x.ruleId)).toContain('YAML_SYNTAX');
  });

  it('absolute input paths: valid, every uri an absolute file:// URI (SARIF §3.4.3), and every helpUri names a doc in the repository', async () => {
    const r = await run(['lint', '-o', 'sarif', '/abs/vms', '--no-config'], { '/abs/vms/p.yaml': VM_PENDING, '/abs/vms/bad.yaml': 'a: [\n' });
    const log = JSON.parse(r.out) as { runs: { originalUriBaseIds?: object; artifacts: { location: { uri: string } }[]; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[]; tool: { driver: { version: string; informationUri: string; rules: { id: string; name: string; helpUri: string }[] } } }[] };
    expect(validate(log)).toBe(true);
    const run0 = log.runs[0]!;
    const uris = [...run0.artifacts.map((a) => a.location.uri), ...run0.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)];
    expect(uris.length).toBeGreaterThan(2);
    for (const u of uris) expect(new URL(u).protocol).toBe('file:');
    expect(uris).toContain('file:///abs/vms/p.yaml');
    expect(run0.results.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uriBaseId === undefined)).toBe(true);
    expect(run0.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(new URL(run0.tool.driver.informationUri).protocol).toBe('https:');
    const repo = join(__dirname, '../../../..');
    for (const rule of run0.tool.driver.rules) {
      const url = new URL(rule.helpUri);
      expect(url.protocol).toBe('https:');
      const inRepo = /\/blob\/v[^/]+\/(.+)$/.exec(url.pathname)?.[1];
      expect(inRepo, rule.helpUri).toBe(`docs/rules/${rule.id}.md`);
      expect(existsSync(join(repo, inRepo!)), inRepo).toBe(true);
    }
  });

  it('standard input: valid, an artifact without a URI that results reference by index', async () => {
    const r = await run(['lint', '-o', 'sarif', '-', '--no-config'], {}, { stdin: VM_PENDING });
    const log = JSON.parse(r.out) as { runs: { artifacts: object[]; results: { locations: { physicalLocation: { artifactLocation: object } }[] }[] }[] };
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.artifacts).toEqual([{ description: { text: 'standard input' } }]);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ index: 0 });
  });

  it('the validator rejects a broken log (the check can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});
