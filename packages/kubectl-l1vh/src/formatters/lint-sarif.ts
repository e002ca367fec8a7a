// SARIF 2.1.0 (OASIS): one run, the rule table as tool.driver.rules, each finding a result with
// a region spanning the field it is about. Input problems (YAML_SYNTAX, …) are results without
// a rule entry.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '@l1vh/core';
import type { LintReport, LocatedFinding } from '../lint-report.js';

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function formatLintSarif(r: LintReport): string {
  const rules: ReportingDescriptor[] = r.rules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    help: { text: `See ${rule.doc}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  }));
  const index = new Map(r.rules.map((rule, i) => [rule.id, i]));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kubectl-l1vh', rules } },
        artifacts: r.files.map((f) => ({ location: { uri: toUri(f) } })),
        results: r.findings.map((f) => toResult(f, index.get(f.ruleId))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toResult(f: LocatedFinding, ruleIndex: number | undefined): Result {
  const result: Result = { ruleId: f.ruleId, level: LEVEL[f.severity], message: { text: f.message } };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (f.file) {
    result.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.file) },
          ...(f.line !== undefined ? { region: { startLine: f.line, startColumn: f.col!, endLine: f.endLine!, endColumn: f.endCol! } } : {}),
        },
      },
    ];
  }
  return result;
}

/** A relative URI reference for a path as given on the command line. */
function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
