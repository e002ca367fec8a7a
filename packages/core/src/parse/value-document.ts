// A document made from a value rather than text: objects read from a live cluster go through the
// same reader (kinds, types, List unwrapping) as files, without a YAML detour. There is no text,
// so every position is the document's start and trace steps fall back to their labels.

import { createSourceFile, type ParsedDocument } from './parse-source.js';
import { PositionIndex } from './position-index.js';

export function valueDocument(path: string, value: unknown): ParsedDocument {
  const positions = new PositionIndex();
  return { file: createSourceFile(path, ''), index: 0, start: 0, end: 0, value, positions: () => positions };
}
