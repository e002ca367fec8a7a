// Errors are values: every stage reports through Finding, core never throws on bad input.

export type Severity = 'error' | 'warning' | 'info';

/** Input problems found while reading manifests and profiles (lint rules have their own ids). */
export type InputCode =
  | 'YAML_SYNTAX'
  | 'YAML_LIMIT'
  | 'NOT_AN_OBJECT'
  | 'MISSING_KIND'
  | 'UNKNOWN_KIND'
  | 'UNKNOWN_API_VERSION'
  | 'WRONG_TYPE'
  | 'FILE_TOO_LARGE'
  | 'BINARY_INPUT'
  | 'IO_ERROR'
  /** Info: YAML that is not a Kubernetes manifest (tool configuration, no apiVersion/kind); skipped. */
  | 'NOT_KUBERNETES'
  /** Info: a Helm/Go template, not YAML until rendered; skipped. */
  | 'GO_TEMPLATE'
  /** Warning: a suppression comment or annotation names a rule that does not exist. */
  | 'UNKNOWN_RULE'
  /** An input object's metadata.namespace differs from -n (kubectl refuses it too). */
  | 'NAMESPACE_MISMATCH';

/** A half-open span of UTF-16 offsets into one source file. */
export interface SourceRange {
  file: string;
  start: number;
  end: number;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range?: SourceRange;
  /** Lint rule id, when a rule produced it. */
  ruleId?: string;
  /** JSON path of the field inside its object, when known. */
  path?: (string | number)[];
  /** Lint: which message of the rule (its `messages` key). */
  messageId?: string;
  /** Lint: start of the object the finding is about (equals ExplainItem.source for VMs). */
  subject?: { file: string; line: number; col: number };
}
