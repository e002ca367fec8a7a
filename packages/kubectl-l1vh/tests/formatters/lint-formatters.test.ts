// Each lint formatter on one hand-made report, compared with exact expected text.
import { describe, expect, it } from 'vitest';
import { formatLintJson } from '../../src/formatters/lint-json.js';
import { formatLintJunit } from '../../src/formatters/lint-junit.js';
import { formatLintSarif } from '../../src/formatters/lint-sarif.js';
import { formatLintText } from '../../src/formatters/lint-text.js';
import { LINT_FORMATS } from '../../src/formatters/lint-index.js';
import type { LintReport } from '../../src/lint-report.js';

const report: LintReport = {
  files: ['vms/a.yaml', 'vms/b c.yaml'],
  objects: 2,
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
    expect(log).toEqual({
      $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'kubectl-l1vh',
              rules: [
                { id: 'no-launch', name: 'no-launch', shortDescription: { text: 'The VM cannot launch.' }, help: { text: 'See docs/rules/no-launch.md' }, defaultConfiguration: { level: 'error' } },
                { id: 'libvirt-schema-quirk', name: 'libvirt-schema-quirk', shortDescription: { text: 'Schema quirk.' }, help: { text: 'See docs/rules/libvirt-schema-quirk.md' }, defaultConfiguration: { level: 'note' } },
              ],
            },
          },
          artifacts: [{ location: { uri: 'vms/a.yaml' } }, { location: { uri: 'vms/b%20c.yaml' } }],
          results: [
            {
              ruleId: 'no-launch',
              level: 'error',
              message: { text: 'vm "a" <fails> & stops' },
              ruleIndex: 0,
              locations: [{ physicalLocation: { artifactLocation: { uri: 'vms/a.yaml' }, region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 7 } } }],
            },
            {
              ruleId: 'libvirt-schema-quirk',
              level: 'note',
              message: { text: 'empty <bios>' },
              ruleIndex: 1,
              locations: [{ physicalLocation: { artifactLocation: { uri: 'vms/a.yaml' }, region: { startLine: 9, startColumn: 7, endLine: 9, endColumn: 13 } } }],
            },
            {
              ruleId: 'YAML_SYNTAX',
              level: 'error',
              message: { text: 'bad indentation' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'vms/b%20c.yaml' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 2 } } }],
            },
          ],
        },
      ],
    });
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
