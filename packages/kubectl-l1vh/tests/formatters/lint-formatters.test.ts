// Each lint formatter on one hand-made report, compared with exact expected text.
import { describe, expect, it } from 'vitest';
import { formatLintJson } from '../../src/formatters/lint-json.js';
import { formatLintJunit } from '../../src/formatters/lint-junit.js';
import { formatLintSarif } from '../../src/formatters/lint-sarif.js';
import { formatLintText } from '../../src/formatters/lint-text.js';
import { LINT_FORMATS } from '../../src/formatters/lint-index.js';
import type { LintReport } from '../../src/lint-report.js';
import pkg from '../../package.json';

/** Rule docs at the release tag of the repository package.json names. */
const DOCS = `${pkg.homepage}/blob/v${pkg.version}/docs/rules`;

const report: LintReport = {
  files: ['vms/a.yaml', 'vms/b c.yaml'],
  objects: 2,
  cwd: '/repo',
  rules: [
    { id: 'no-launch', severity: 'error', description: 'The VM cannot launch.', doc: 'docs/rules/no-launch.md' },
    { id: 'libvirt-schema-quirk', severity: 'info', description: 'Schema quirk.', doc: 'docs/rules/libvirt-schema-quirk.md' },
  ],
  findings: [
    { ruleId: 'no-launch', messageId: 'launchError', severity: 'error', message: 'vm "a" <fails> & stops', file: 'vms/a.yaml', line: 4, col: 3, endLine: 4, endCol: 7 },
    { ruleId: 'libvirt-schema-quirk', messageId: 'emptySysinfo', severity: 'info', message: 'empty <bios>', file: 'vms/a.yaml', line: 9, col: 7, endLine: 9, endCol: 13 },
    { ruleId: 'YAML_SYNTAX', severity: 'error', message: 'bad indentation', file: 'vms/b c.yaml', line: 2, col: 1, endLine: 2, endCol: 2 },
  ],
};

describe('lint formatters', () => {
  it('registry names the four formats', () => {
    expect(Object.keys(LINT_FORMATS)).toEqual(['text', 'json', 'sarif', 'junit']);
  });

  it('text', () => {
    expect(formatLintText(report)).toBe(
      'vms/a.yaml:4:3: error no-launch: vm "a" <fails> & stops\n' +
        'vms/a.yaml:9:7: info libvirt-schema-quirk: empty <bios>\n' +
        'vms/b c.yaml:2:1: error YAML_SYNTAX: bad indentation\n',
    );
    expect(formatLintText({ ...report, findings: [{ ruleId: 'IO_ERROR', severity: 'error', message: 'gone' }] })).toBe('error IO_ERROR: gone\n');
  });

  it('json', () => {
    expect(JSON.parse(formatLintJson(report))).toEqual({
      findings: report.findings,
      summary: { files: 2, objects: 2, errors: 2, warnings: 0, infos: 1 },
    });
  });

  it('sarif', () => {
    const log = JSON.parse(formatLintSarif(report));
    const loc = (uri: string, index: number) => ({ uri, uriBaseId: '%SRCROOT%', index });
    expect(log).toEqual({
      $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'kubectl-l1vh',
              version: pkg.version,
              semanticVersion: pkg.version,
              informationUri: pkg.homepage,
              rules: [
                { id: 'no-launch', name: 'NoLaunch', shortDescription: { text: 'The VM cannot launch.' }, helpUri: `${DOCS}/no-launch.md`, help: { text: `See ${DOCS}/no-launch.md` }, defaultConfiguration: { level: 'error' } },
                { id: 'libvirt-schema-quirk', name: 'LibvirtSchemaQuirk', shortDescription: { text: 'Schema quirk.' }, helpUri: `${DOCS}/libvirt-schema-quirk.md`, help: { text: `See ${DOCS}/libvirt-schema-quirk.md` }, defaultConfiguration: { level: 'note' } },
              ],
            },
          },
          // §3.14.14: a uriBaseId is resolved through originalUriBaseIds to an absolute URI ending in "/".
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/' } },
          artifacts: [{ location: { uri: 'vms/a.yaml', uriBaseId: '%SRCROOT%' } }, { location: { uri: 'vms/b%20c.yaml', uriBaseId: '%SRCROOT%' } }],
          results: [
            {
              ruleId: 'no-launch',
              level: 'error',
              message: { text: 'vm "a" <fails> & stops' },
              ruleIndex: 0,
              locations: [{ physicalLocation: { artifactLocation: loc('vms/a.yaml', 0), region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 7 } } }],
            },
            {
              ruleId: 'libvirt-schema-quirk',
              level: 'note',
              message: { text: 'empty <bios>' },
              ruleIndex: 1,
              locations: [{ physicalLocation: { artifactLocation: loc('vms/a.yaml', 0), region: { startLine: 9, startColumn: 7, endLine: 9, endColumn: 13 } } }],
            },
            {
              ruleId: 'YAML_SYNTAX',
              level: 'error',
              message: { text: 'bad indentation' },
              locations: [{ physicalLocation: { artifactLocation: loc('vms/b%20c.yaml', 1), region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 2 } } }],
            },
          ],
        },
      ],
    });
  });

  it('sarif: absolute paths are file:// URIs (RFC 8089), no base id; stdin is an artifact without a URI', () => {
    const abs: LintReport = { ...report, files: ['/srv/vms/a b.yaml', '<stdin>'], findings: [{ ...report.findings[0]!, file: '/srv/vms/a b.yaml' }, { ...report.findings[2]!, file: '<stdin>' }] };
    const run = JSON.parse(formatLintSarif(abs)).runs[0];
    expect(run.originalUriBaseIds).toBeUndefined();
    expect(run.artifacts).toEqual([{ location: { uri: 'file:///srv/vms/a%20b.yaml' } }, { description: { text: 'standard input' } }]);
    expect(run.results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0]!.physicalLocation.artifactLocation)).toEqual([{ uri: 'file:///srv/vms/a%20b.yaml', index: 0 }, { index: 1 }]);
  });

  it('sarif: rule names are PascalCase identifiers distinct from the kebab-case ids', () => {
    for (const rule of JSON.parse(formatLintSarif(report)).runs[0].tool.driver.rules as { id: string; name: string }[]) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.name).not.toBe(rule.id);
    }
  });

  it('junit', () => {
    expect(formatLintJunit(report)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<testsuites name="kubectl-l1vh lint" tests="2" failures="2" errors="0">\n' +
        '  <testsuite name="vms/a.yaml" tests="1" failures="1" errors="0">\n' +
        '    <testcase classname="vms/a.yaml" name="no-launch vms/a.yaml:4:3">\n' +
        '      <failure type="error" message="vm &quot;a&quot; &lt;fails&gt; &amp; stops">vms/a.yaml:4:3: error no-launch: vm &quot;a&quot; &lt;fails&gt; &amp; stops</failure>\n' +
        '    </testcase>\n' +
        '    <system-out>vms/a.yaml:9:7: info libvirt-schema-quirk: empty &lt;bios&gt;</system-out>\n' +
        '  </testsuite>\n' +
        '  <testsuite name="vms/b c.yaml" tests="1" failures="1" errors="0">\n' +
        '    <testcase classname="vms/b c.yaml" name="YAML_SYNTAX vms/b c.yaml:2:1">\n' +
        '      <failure type="error" message="bad indentation">vms/b c.yaml:2:1: error YAML_SYNTAX: bad indentation</failure>\n' +
        '    </testcase>\n' +
        '  </testsuite>\n' +
        '</testsuites>\n',
    );
  });

  it('junit: a clean file is one passing testcase', () => {
    expect(formatLintJunit({ ...report, files: ['ok.yaml'], findings: [] })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<testsuites name="kubectl-l1vh lint" tests="1" failures="0" errors="0">\n' +
        '  <testsuite name="ok.yaml" tests="1" failures="0" errors="0">\n' +
        '    <testcase classname="ok.yaml" name="ok.yaml"></testcase>\n' +
        '  </testsuite>\n' +
        '</testsuites>\n',
    );
  });
});
