// Where an object sits in its document, and findings that point into it: shared by the object
// reader and the field type checks.

import type { Finding } from '../findings.js';
import type { ParsedDocument } from './parse-source.js';
import type { PathSegment } from './position-index.js';

export interface SourceRef {
  doc: ParsedDocument;
  /** Path of the object inside its document ([] or ['items', i]). */
  path: PathSegment[];
}

/** A finding pointing at a field of an object; the position is resolved lazily by `locate`. */
export function finding(ref: SourceRef, path: PathSegment[], code: string, message: string, severity: Finding['severity'] = 'error'): Finding {
  const span = ref.doc.positions().nearest([...ref.path, ...path]);
  const start = span ? (span.keyStart ?? span.start) : ref.doc.start;
  const end = span ? (span.keyEnd ?? span.end) : ref.doc.end;
  return { code, severity, message, path, range: { file: ref.doc.file.path, start, end } };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a sequence';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}
