// Turns lazy field references into 1-based file:line:col, only when a report is rendered.

import { locate, type ManifestObject } from '../parse/read-objects.js';
import type { FieldRef } from '../select/trace.js';

export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

export function positionOfObject(obj: ManifestObject): SourcePosition {
  const span = locate(obj);
  const offset = span ? (span.keyStart ?? span.start) : obj.source.doc.start;
  const { line, col } = obj.source.doc.file.lines.linePos(offset);
  return { file: obj.source.doc.file.path, line, col };
}

export function positionOfField(ref: FieldRef): SourcePosition | undefined {
  if (!ref.object) return undefined;
  const span = locate(ref.object, ref.path);
  if (!span) return undefined;
  const { line, col } = ref.object.source.doc.file.lines.linePos(span.keyStart ?? span.start);
  return { file: ref.object.source.doc.file.path, line, col };
}

