// Where things are: core keeps UTF-16 offsets (as `yaml` does); 1-based line/column are derived
// only at the edges (formatters, the editor) from the files' line indexes, never stored.

import type { SourceFile } from '../parse/parse-source.js';
import { locate, type ManifestObject } from '../parse/read-objects.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { FieldRef } from '../select/trace.js';

/** A file and an offset into it. */
export interface SourceSpot {
  file: string;
  offset: number;
}

/** The same place as 1-based line and column: the explain JSON contract's form. */
export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

export function spotOfObject(obj: ManifestObject): SourceSpot {
  const span = locate(obj);
  return { file: obj.source.doc.file.path, offset: span ? (span.keyStart ?? span.start) : obj.source.doc.start };
}

export function spotOfField(ref: FieldRef): SourceSpot | undefined {
  if (!ref.object) return undefined;
  const span = locate(ref.object, ref.path);
  return span ? { file: ref.object.source.doc.file.path, offset: span.keyStart ?? span.start } : undefined;
}

/** Finds a file's line index by path. */
export type SourceFiles = (path: string) => SourceFile | undefined;

/** The files spots may point into: the inputs' and the profile's own. */
export function sourceFiles(inputs: readonly { file: SourceFile }[], profile?: ClusterProfile): SourceFiles {
  const byPath = new Map<string, SourceFile>();
  for (const o of profile?.objects ?? []) byPath.set(o.source.doc.file.path, o.source.doc.file);
  for (const i of inputs) byPath.set(i.file.path, i.file);
  return (path) => byPath.get(path);
}

/** Line and column of a spot; a file not among `files` reads as its first line. */
export function positionOf(spot: SourceSpot, files: SourceFiles): SourcePosition {
  const lc = files(spot.file)?.lines.linePos(spot.offset) ?? { line: 1, col: spot.offset + 1 };
  return { file: spot.file, line: lc.line, col: lc.col };
}
