// Inputs are texts, or values already parsed (objects read from a live cluster). A value goes
// through the same reader (kinds, types, List unwrapping) as a file, without a YAML detour. It has
// no text, so every position is its start and trace steps fall back to their labels.

import { createSourceFile, parseSource, type ParsedDocument, type ParseResult } from './parse-source.js';
import { PositionIndex } from './position-index.js';

export interface SourceText {
  path: string;
  text: string;
  /** Content already parsed (e.g. read from a cluster): used instead of parsing `text`. */
  value?: unknown;
}

export function valueDocument(path: string, value: unknown): ParsedDocument {
  const positions = new PositionIndex();
  return { file: createSourceFile(path, ''), index: 0, start: 0, end: 0, value, positions: () => positions };
}

/** A source as parsed documents: the text parsed, or the value as one document. */
export function parseInput(s: SourceText): ParseResult {
  if (s.value === undefined) return parseSource(s.path, s.text);
  const doc = valueDocument(s.path, s.value);
  return { file: doc.file, docs: [doc], findings: [] };
}
