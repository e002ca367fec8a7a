// Reads one YAML file into documents. Values come from the block-YAML reader, or js-yaml where it
// gives up; positions are lazy.
// Documents with anchors, directives or document-end markers take the slower `yaml` path,
// which bounds alias expansion.

import { CORE_SCHEMA, load, YAMLException, type LoadOptions } from 'js-yaml';
import { parseAllDocuments, parseDocument, type Document } from 'yaml';
import type { Finding } from '../findings.js';
import { indexBlockYaml } from './block-positions.js';
import { readBlockValues } from './block-values.js';
import { LineIndex } from './line-index.js';
import { PARSE_LIMITS } from './limits.js';
import { goTemplateOffset, hasKubernetesDocument, toolFileKind } from './non-manifest.js';
import { indexYamlDocument, indexYamlText, type PositionIndex } from './position-index.js';

export interface SourceFile {
  path: string;
  text: string;
  lines: LineIndex;
}

export interface ParsedDocument {
  file: SourceFile;
  /** 0-based index of the document in its file. */
  index: number;
  /** Offsets of the document's text in the file. */
  start: number;
  end: number;
  value: unknown;
  positions(): PositionIndex;
}

export interface ParseResult {
  file: SourceFile;
  docs: ParsedDocument[];
  findings: Finding[];
}

const DOC_START = /^---(?=[ \t\r\n]|$)/gm;
const SLOW_MARKERS = /^(?:%|\.\.\.(?:[ \t\r]|$))/m;
const ANCHOR = /(?:^|[\s[{,:-])&[^\s,[\]{}]/;

export function createSourceFile(path: string, text: string): SourceFile {
  return { path, text, lines: new LineIndex(text) };
}

export function parseSource(path: string, rawText: string): ParseResult {
  const text = rawText; // both YAML libraries skip a leading BOM and keep offsets in the original text
  const file = createSourceFile(path, text);
  const findings: Finding[] = [];
  const docs: ParsedDocument[] = [];
  if (text.includes('\u0000')) {
    findings.push(error(file, 0, 1, 'BINARY_INPUT', 'binary data (NUL byte) is not YAML'));
    return { file, docs, findings };
  }
  const tool = toolFileKind(path);
  if (tool) {
    findings.push(info(file, 0, 0, 'NOT_KUBERNETES', `${tool}, not a Kubernetes manifest; skipped`));
    return { file, docs, findings };
  }
  const template = goTemplateOffset(text);
  if (template >= 0) {
    const { line } = file.lines.linePos(template);
    findings.push(info(file, template, text.indexOf('}}', template) + 2, 'GO_TEMPLATE', `Helm/Go template ({{ … }} on line ${line}), not YAML until rendered; skipped: lint the output of \`helm template\` instead`));
    return { file, docs, findings };
  }
  if (SLOW_MARKERS.test(text)) {
    parseWholeWithYaml(file, docs, findings);
    return notKubernetes({ file, docs, findings });
  }
  const bounds = documentBounds(text);
  if (bounds.length > PARSE_LIMITS.maxDocuments) {
    findings.push(error(file, 0, 1, 'YAML_LIMIT', `more than ${PARSE_LIMITS.maxDocuments} documents in one file`));
    return { file, docs, findings };
  }
  for (let i = 0; i < bounds.length; i++) {
    const start = bounds[i]!;
    const end = i + 1 < bounds.length ? bounds[i + 1]! : text.length;
    const doc = parseSegment(file, start, end, docs.length, findings);
    if (doc) docs.push(doc);
  }
  return notKubernetes({ file, docs, findings });
}

/** Files parseSource answers with one info and no documents, whatever their YAML: tool files and Go templates. */
export function screenedOut(path: string, text: string): boolean {
  return toolFileKind(path) !== undefined || goTemplateOffset(text) >= 0;
}

/** A file that parsed cleanly but has no document with apiVersion or kind is not a manifest. */
export function notKubernetes(r: ParseResult): ParseResult {
  if (r.docs.length === 0 || r.findings.length > 0 || hasKubernetesDocument(r.docs.map((d) => d.value))) return r;
  return { file: r.file, docs: [], findings: [info(r.file, r.docs[0]!.start, r.docs[0]!.start, 'NOT_KUBERNETES', 'no document has a top-level apiVersion or kind: not a Kubernetes manifest; skipped')] };
}

/** Whether the whole file must take the `yaml` path (directives, document-end markers). */
export function needsWholeFileParse(text: string): boolean {
  return text.includes('\u0000') || SLOW_MARKERS.test(text);
}

/**
 * One document of the fast path: the text between two document starts. Returns undefined for
 * an empty or failed document (its findings are pushed). Used by parse/incremental.ts too.
 */
export function parseSegment(file: SourceFile, start: number, end: number, index: number, findings: Finding[]): ParsedDocument | undefined {
  const chunk = file.text.slice(start, end);
  const value = ANCHOR.test(chunk) ? loadWithAliasLimit(file, chunk, start, findings) : loadFast(file, chunk, start, findings);
  if (value === FAILED || value === undefined || value === null) return undefined;
  // js-yaml enforces maxDepth itself; values from the alias path are checked here.
  if (value instanceof AliasValue) {
    if (!withinDepth(value.value)) {
      findings.push(error(file, start, end, 'YAML_LIMIT', `document nests deeper than ${PARSE_LIMITS.maxDepth} levels`));
      return undefined;
    }
    if (value.value === undefined || value.value === null) return undefined;
    return makeDoc(file, index, start, end, value.value, () => indexBlockYaml(chunk, start) ?? indexYamlText(chunk, start));
  }
  return makeDoc(file, index, start, end, value, () => indexBlockYaml(chunk, start) ?? indexYamlText(chunk, start));
}

/** Offsets where documents start (0 and every `---` at a line start). */
export function documentBounds(text: string): number[] {
  const bounds = [0];
  DOC_START.lastIndex = 0;
  for (let m = DOC_START.exec(text); m; m = DOC_START.exec(text)) {
    if (m.index === 0) continue;
    bounds.push(m.index);
  }
  return bounds;
}

const FAILED = Symbol('failed');

/** js-yaml options; maxDepth is enforced by js-yaml ≥ 4.2 (not yet in its typings). */
const FAST_OPTIONS = { schema: CORE_SCHEMA, maxDepth: PARSE_LIMITS.maxDepth } as LoadOptions;

/** Marks a value that came through the alias-bounded path (its depth is not checked yet). */
class AliasValue {
  constructor(readonly value: unknown) {}
}

function loadFast(file: SourceFile, chunk: string, base: number, findings: Finding[]): unknown {
  const read = readBlockValues(chunk);
  if (read !== undefined) return read;
  try {
    return load(chunk, FAST_OPTIONS);
  } catch (e) {
    if (e instanceof YAMLException) {
      const pos = base + (e.mark?.position ?? 0);
      if (/maxDepth/.test(e.reason)) findings.push(error(file, pos, pos + 1, 'YAML_LIMIT', `document nests deeper than ${PARSE_LIMITS.maxDepth} levels`));
      else findings.push(error(file, pos, pos + 1, 'YAML_SYNTAX', e.reason || 'invalid YAML'));
    } else if (e instanceof RangeError) {
      findings.push(error(file, base, base + chunk.length, 'YAML_LIMIT', `document nests deeper than ${PARSE_LIMITS.maxDepth} levels`));
    } else {
      throw e;
    }
    return FAILED;
  }
}

function loadWithAliasLimit(file: SourceFile, chunk: string, base: number, findings: Finding[]): unknown {
  const doc = parseDocument(chunk, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const value = yamlDocValue(file, doc, base, findings);
  return value === FAILED ? FAILED : new AliasValue(value);
}

function yamlDocValue(file: SourceFile, doc: Document, base: number, findings: Finding[]): unknown {
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // The `yaml` library reports its own stack overflow on hostile nesting as a parse error.
    const tooDeep = /call stack|maxDepth/i.test(e.message);
    findings.push(error(file, base + e.pos[0], base + Math.max(e.pos[1], e.pos[0] + 1), tooDeep ? 'YAML_LIMIT' : 'YAML_SYNTAX', tooDeep ? `document nests deeper than ${PARSE_LIMITS.maxDepth} levels` : firstLine(e.message)));
    return FAILED;
  }
  try {
    return doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
  } catch (e) {
    const r = doc.range ?? [0, 0, 0];
    const msg = e instanceof Error && /alias/i.test(e.message)
      ? `YAML aliases expand more than ${PARSE_LIMITS.maxAliasCount} times (alias bomb refused)`
      : `document nests deeper than ${PARSE_LIMITS.maxDepth} levels`;
    findings.push(error(file, base + r[0], base + r[1], 'YAML_LIMIT', msg));
    return FAILED;
  }
}

function parseWholeWithYaml(file: SourceFile, docs: ParsedDocument[], findings: Finding[]): void {
  const all = parseAllDocuments(file.text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(all) ? all : [];
  if (!Array.isArray(all)) {
    // An EmptyStream: nothing but comments/directives.
    return;
  }
  for (const doc of list) {
    const [start, , end] = doc.range;
    const value = yamlDocValue(file, doc, 0, findings);
    if (value === FAILED || value === undefined || value === null) continue;
    if (!withinDepth(value)) {
      findings.push(error(file, start, end, 'YAML_LIMIT', `document nests deeper than ${PARSE_LIMITS.maxDepth} levels`));
      continue;
    }
    docs.push(makeDoc(file, docs.length, start, end, value, () => indexYamlDocument(doc, 0)));
  }
}

export function makeDoc(file: SourceFile, index: number, start: number, end: number, value: unknown, build: () => PositionIndex): ParsedDocument {
  let cached: PositionIndex | undefined;
  return {
    file,
    index,
    start,
    end,
    value,
    positions: () => (cached ??= build()),
  };
}

/** Iterative depth check, so hostile nesting cannot overflow the stack here or in later stages. */
function withinDepth(root: unknown): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > PARSE_LIMITS.maxDepth) return false;
    if (seen.has(v)) continue;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
    }
  }
  return true;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i === -1 ? s : s.slice(0, i)).replace(/ at line \d+, column \d+:?$/, '');
}

function info(file: SourceFile, start: number, end: number, code: Finding['code'], message: string): Finding {
  return { ...error(file, start, end, code, message), severity: 'info' };
}

function error(file: SourceFile, start: number, end: number, code: Finding['code'], message: string): Finding {
  // Errors at the end of the text (an unclosed bracket) must not point past it.
  const max = file.text.length;
  const s = Math.min(Math.max(start, 0), max);
  return { code, severity: 'error', message, range: { file: file.path, start: s, end: Math.min(Math.max(end, s), max) } };
}
