// SARIF 2.1.0 (OASIS): one run, the rule table as tool.driver.rules, each finding a result with
// a region spanning the field it is about. Input problems (YAML_SYNTAX, …) are results without
// a rule entry.
// Locations (SARIF §3.4.3, §3.14.14): an absolute input path is a file:// URI; a relative one stays
// relative with uriBaseId %SRCROOT%, which run.originalUriBaseIds resolves to the working directory
// (an absolute file:// URI ending in "/"). Standard input has no URI: its artifact is referenced by index.
import type { Artifact, ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '@l1vh/core';
import type { LintReport, LocatedFinding } from '../lint-report.js';
import { docUrl, L1VH_SEMVER, PROJECT_URL } from '../project.js';

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
const STDIN = '<stdin>';

export function formatLintSarif(r: LintReport): string {
  const rules: ReportingDescriptor[] = r.rules.map((rule) => ({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    helpUri: docUrl(rule.doc),
    help: { text: `See ${docUrl(rule.doc)}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  }));
  const ruleIndex = new Map(r.rules.map((rule, i) => [rule.id, i]));
  const files = [...r.files];
  for (const f of r.findings) if (f.file && !files.includes(f.file)) files.push(f.file);
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const location = (file: string): ArtifactLocation => ({ ...artifactUri(file), index: fileIndex.get(file)! });
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kubectl-l1vh', version: L1VH_SEMVER, semanticVersion: L1VH_SEMVER, informationUri: PROJECT_URL, rules } },
        ...(files.some((f) => f !== STDIN && !isAbsolute(f)) ? { originalUriBaseIds: { [SRCROOT]: { uri: dirUri(r.cwd) } } } : {}),
        artifacts: files.map((f): Artifact => (f === STDIN ? { description: { text: 'standard input' } } : { location: artifactUri(f) })),
        results: r.findings.map((f) => toResult(f, ruleIndex.get(f.ruleId), f.file ? location(f.file) : undefined)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** SARIF convention (§3.49.7): a rule's name is a readable PascalCase identifier, distinct from its id. */
export function ruleName(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function toResult(f: LocatedFinding, ruleIndex: number | undefined, artifactLocation: ArtifactLocation | undefined): Result {
  const result: Result = { ruleId: f.ruleId, level: LEVEL[f.severity], message: { text: f.message } };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (artifactLocation) {
    result.locations = [
      {
        physicalLocation: {
          artifactLocation,
          ...(f.line !== undefined ? { region: { startLine: f.line, startColumn: f.col!, endLine: f.endLine!, endColumn: f.endCol! } } : {}),
        },
      },
    ];
  }
  return result;
}

function artifactUri(path: string): { uri?: string; uriBaseId?: string } {
  if (path === STDIN) return {};
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
