// Workspace lint: runs the rule table over every VM-like object of the given sources.
// Contract shared by the CLI (`kubectl l1vh lint`, also run in worker threads), the VS Code
// diagnostics and the benchmarks. Pure and synchronous.

import { explainObject, type Explained } from '../explain/explain.js';
import { spotOfObject } from '../explain/resolve-position.js';
import type { Finding, Severity } from '../findings.js';
import { type ParsedDocument, type ParseResult, type SourceFile } from '../parse/parse-source.js';
import type { PathSegment } from '../parse/position-index.js';
import { readObjects, type ManifestObject } from '../parse/read-objects.js';
import { isVmLike } from '../parse/vm-like.js';
import { withInputs, type ClusterProfile } from '../profile/cluster-profile.js';
import { parseInput, type SourceText } from '../parse/value-document.js';
import { renderMessage, type ReportDescriptor, type Rule, type RuleScope, type ScopeSubjects } from './rule.js';
import { RULES } from './rules/index.js';
import { annotationSuppresses, IGNORE_ANNOTATION, ignoredByAnnotation, parseDirectives, suppressedByComment, type Directives } from './suppress.js';
import { vmSubject } from './vm-subject.js';

/** Rule switches and severities, from .l1vh.yaml or editor settings. */
export interface LintConfig {
  /** Rule id → 'off' or a severity overriding the rule's default. */
  rules?: Record<string, 'off' | 'error' | 'warning' | 'info'>;
}

export interface LintOptions {
  config?: LintConfig;
  /**
   * Explain results the caller already has for the same parsed files (keyed by the object's
   * parsed value), so `explain` does not explain every VM a second time for its findings.
   */
  explained?: ReadonlyMap<unknown, Explained>;
  /** `-n NS` for objects without metadata.namespace (see ReadOptions). */
  namespace?: string | undefined;
  /**
   * The profile already holds the context objects (instancetypes, PVCs, Nodes, …) of these
   * sources and of every other file of the run, in input order: a streamed lint that lints a
   * tree a batch at a time. The sources' own objects are then not added again, so a definition
   * repeated in a later file wins as it does when all files are linted at once.
   */
  profileHasInputs?: boolean;
}

export interface LintResult {
  /** Input findings (YAML, types, kinds) and rule findings, suppressions applied. */
  findings: Finding[];
  /** How many VM-like objects were checked. */
  objects: number;
}

interface ActiveRule {
  rule: Rule;
  severity: Severity;
}

type Active = Record<RuleScope, ActiveRule[]>;

const activeCache = new WeakMap<LintConfig, Active>();
const NO_CONFIG: LintConfig = {};

/** The enabled rules by scope, with configured severities; computed once per config object. */
function activeRules(config: LintConfig): Active {
  const cached = activeCache.get(config);
  if (cached) return cached;
  const active: Active = { vm: [], object: [], document: [] };
  for (const rule of Object.values(RULES) as Rule[]) {
    const setting = config.rules?.[rule.id];
    if (setting === 'off') continue;
    active[rule.scope].push({ rule, severity: setting ?? rule.meta.severity });
  }
  activeCache.set(config, active);
  return active;
}

export function lintSources(sources: readonly SourceText[], profile: ClusterProfile, opts: LintOptions = {}): LintResult {
  return lintParsed(sources.map(parseInput), profile, opts);
}

/** lintSources on files already parsed (an editor's incremental parse, say). */
export function lintParsed(files: readonly ParseResult[], profile: ClusterProfile, opts: LintOptions = {}): LintResult {
  const active = activeRules(opts.config ?? NO_CONFIG);
  const findings: Finding[] = [];
  const ruleFindings: { finding: Finding; file: SourceFile; owner: unknown }[] = [];
  const objects: ManifestObject[] = [];
  const docsByFile: { file: SourceFile; docs: ParsedDocument[] }[] = [];
  for (const parsed of files) {
    findings.push(...parsed.findings);
    const read = readObjects(parsed.docs, { namespace: opts.namespace });
    findings.push(...read.findings);
    objects.push(...read.objects);
    docsByFile.push({ file: parsed.file, docs: parsed.docs });
  }

  const run = <S extends RuleScope>(scope: S, rules: readonly ActiveRule[], subject: ScopeSubjects[S], ctxProfile: ClusterProfile, root: { doc: ParsedDocument; path: readonly PathSegment[] }, owner: unknown): void => {
    for (const { rule, severity } of rules) {
      const report = (d: ReportDescriptor<string>): void => {
        const f = toFinding(rule, severity, d, root);
        if (scope !== 'document') f.subject = spotOfObject(subjectObject(scope, subject));
        ruleFindings.push({ finding: f, file: root.doc.file, owner });
      };
      try {
        rule.check({ subject, profile: ctxProfile, report });
      } catch (e) {
        findings.push(internalError(rule.id, root.doc, e));
      }
    }
  };

  for (const { file, docs } of docsByFile) {
    const docRules = active.document.filter(({ rule }) => rule.applies?.(file.text) ?? true);
    if (docRules.length === 0) continue;
    for (const doc of docs) run('document', docRules, doc, profile, { doc, path: [] }, doc.value);
  }
  if (active.object.length > 0) for (const obj of objects) run('object', active.object, obj, profile, { doc: obj.source.doc, path: obj.source.path }, obj.value);

  let vms = 0;
  if (active.vm.length > 0) {
    const effective = opts.profileHasInputs ? profile : withInputs(profile, objects);
    for (const obj of objects) {
      if (!isVmLike(obj.kind)) continue;
      vms++;
      let explained = opts.explained?.get(obj.value);
      try {
        explained ??= explainObject(obj, effective, { domainXml: false, positions: false, detail: false });
      } catch (e) {
        findings.push(internalError('explain', obj.source.doc, e));
        continue;
      }
      run('vm', active.vm, vmSubject(explained), effective, { doc: obj.source.doc, path: obj.source.path }, obj.value);
    }
  } else {
    vms = objects.filter((o) => isVmLike(o.kind)).length;
  }

  const directives = new Map<SourceFile, Directives>();
  for (const { file } of docsByFile) {
    if (!file.text.includes('l1vh-disable')) continue;
    const d = parseDirectives(file.text, file.lines);
    directives.set(file, d);
    for (const n of d.names) if (!(n.name in RULES)) findings.push(unknownRule(file.path, n.start, n.name, `# ${n.directive} comment`));
  }
  for (const obj of objects) {
    const named = ignoredByAnnotation(obj.value);
    if (named === undefined || named === 'all') continue;
    for (const name of named) {
      if (name in RULES) continue;
      const span = obj.source.doc.positions().nearest([...obj.source.path, 'metadata', 'annotations', IGNORE_ANNOTATION]);
      findings.push(unknownRule(obj.source.doc.file.path, span?.start ?? obj.source.doc.start, name, `${IGNORE_ANNOTATION} annotation`, span?.end));
    }
  }
  for (const { finding, file, owner } of ruleFindings) {
    const rule = finding.ruleId!;
    if (annotationSuppresses(ignoredByAnnotation(owner), rule)) continue;
    let d = directives.get(file);
    if (!d) directives.set(file, (d = parseDirectives(file.text, file.lines)));
    const line = file.lines.linePos(finding.range!.start).line;
    if (suppressedByComment(d, line, rule)) continue;
    findings.push(finding);
  }
  return { findings: inInputOrder(findings, files.map((f) => f.file.path)), objects: vms };
}

/** A suppression naming a rule that does not exist suppresses nothing: say so, with the nearest id. */
function unknownRule(file: string, start: number, name: string, where: string, end = start + name.length): Finding {
  const near = (Object.keys(RULES) as string[]).map((id) => ({ id, d: editDistance(id, name) })).sort((a, b) => a.d - b.d)[0];
  const hint = near && near.d <= Math.max(2, Math.floor(name.length / 4)) ? ` (did you mean "${near.id}"?)` : '';
  return { code: 'UNKNOWN_RULE', severity: 'warning', message: `unknown rule "${name}" in ${where}: it suppresses nothing${hint}`, range: { file, start, end } };
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Findings by file (input order), then by offset; ties keep their order (stable sort). */
function inInputOrder(findings: Finding[], paths: readonly string[]): Finding[] {
  const rank = new Map(paths.map((p, i) => [p, i]));
  const key = (f: Finding): [number, number] => [f.range ? (rank.get(f.range.file) ?? paths.length) : paths.length, f.range?.start ?? 0];
  return findings
    .map((f, i) => ({ f, i, k: key(f) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.f);
}

function subjectObject(scope: RuleScope, subject: ScopeSubjects[RuleScope]): ManifestObject {
  return scope === 'vm' ? (subject as ScopeSubjects['vm']).object : (subject as ManifestObject);
}

function toFinding(rule: Rule, severity: Severity, d: ReportDescriptor<string>, root: { doc: ParsedDocument; path: readonly PathSegment[] }): Finding {
  const file = root.doc.file.path;
  let range: { start: number; end: number };
  if (d.range) {
    range = d.range;
  } else {
    const span = root.doc.positions().nearest([...root.path, ...(d.path ?? [])]);
    range = span ? { start: span.keyStart ?? span.start, end: span.keyEnd ?? span.end } : { start: root.doc.start, end: root.doc.start };
  }
  const template = rule.meta.messages[d.messageId] ?? d.messageId;
  return {
    code: rule.id,
    ruleId: rule.id,
    messageId: d.messageId,
    severity,
    message: renderMessage(template, d.data),
    range: { file, ...range },
    ...(d.path ? { path: [...d.path] } : {}),
  };
}

function internalError(ruleId: string, doc: ParsedDocument, e: unknown): Finding {
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'LINT_INTERNAL', severity: 'error', message: `internal error in ${ruleId}: ${msg}`, range: { file: doc.file.path, start: doc.start, end: doc.start } };
}
