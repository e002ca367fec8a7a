// The shape of a lint rule: one file per rule, registered once in rules/index.ts.
// Rules only look at data and call ctx.report; positions are resolved lazily by the runner.

import type { Severity } from '../findings.js';
import type { ManifestObject } from '../parse/read-objects.js';
import type { ParsedDocument } from '../parse/parse-source.js';
import type { PathSegment } from '../parse/position-index.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { VmSubject } from './vm-subject.js';

/** What a rule is run on: each VM-like object, each known object, or each raw YAML document. */
export type RuleScope = 'vm' | 'object' | 'document';

export interface ScopeSubjects {
  vm: VmSubject;
  object: ManifestObject;
  document: ParsedDocument;
}

export interface RuleMeta<M extends string> {
  severity: Severity;
  /** One line, shown in SARIF rule metadata and the docs index. */
  description: string;
  /** messageId → template with {{placeholders}}. */
  messages: Record<M, string>;
}

export interface ReportDescriptor<M extends string> {
  messageId: M;
  /** Path of the field from the subject's root (object or document); [] = the subject itself. */
  path?: readonly PathSegment[];
  /** Absolute offsets in the subject's file, when a rule knows better than the field's span. */
  range?: { start: number; end: number };
  data?: Record<string, string | number>;
}

export interface RuleContext<M extends string, S extends RuleScope> {
  readonly subject: ScopeSubjects[S];
  readonly profile: ClusterProfile;
  report(descriptor: ReportDescriptor<M>): void;
}

export interface RuleDefinition<M extends string, S extends RuleScope> {
  id: string;
  scope: S;
  meta: RuleMeta<M>;
  /** Document rules: a cheap test on a file's text; files that fail it are skipped. */
  applies?(text: string): boolean;
  // Method syntax on purpose: a rule with narrow message ids is still a Rule.
  check(ctx: RuleContext<M, S>): void;
}

export type Rule = RuleDefinition<string, RuleScope>;

export function defineRule<M extends string, S extends RuleScope>(rule: RuleDefinition<M, S>): RuleDefinition<M, S> {
  return rule;
}

/** Fills {{name}} placeholders; unknown names stay visible rather than vanish. */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
