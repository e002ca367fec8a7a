// Incremental re-parse for editors: after a text edit only the document(s) the edit touches are
// parsed again; every other document keeps its parsed value.
//
// Contract (used by the VS Code extension):
// - `parseIncremental(path, text)` parses a whole file; `applyEdit(prev, edit)` returns the parse
//   of the edited text. `edit` replaces prev.text[edit.start, edit.end) with edit.text (offsets
//   in UTF-16 units of the previous text, as vscode.TextDocumentContentChangeEvent gives with
//   rangeOffset/rangeLength). Apply several changes of one event one after another.
// - The result equals `parseSource(path, newText)` in docs (values, offsets, positions) and
//   findings, except for the order of findings (by document, then as produced).
// - Untouched documents keep their `value` object (===): callers may cache per-document work
//   (readObjects, explain results) in a WeakMap keyed by `doc.value`. `changed` lists the
//   indexes (in `result.docs`) of documents that were parsed again.
// - Documents after the edit get new ParsedDocument records with offsets moved by the edit's
//   length change; their position index is the old one shifted, built only when asked for.
// - Files that need the slow whole-file path (`%` directives, `...` markers, NUL bytes) are
//   simply parsed again in full; so is any file when `prev.path` differs.

import type { Finding } from '../findings.js';
import { createSourceFile, documentBounds, makeDoc, needsWholeFileParse, notKubernetes, parseSegment, parseSource, screenedOut, type ParsedDocument, type ParseResult, type SourceFile } from './parse-source.js';
import { PARSE_LIMITS } from './limits.js';

export interface TextEdit {
  /** Offset in the previous text where the replaced range starts. */
  start: number;
  /** Offset in the previous text where it ends (exclusive); start === end for an insertion. */
  end: number;
  /** The new text of the range. */
  text: string;
}

/** One span between two document starts; empty and failed documents are segments too. */
interface Segment {
  start: number;
  end: number;
  doc: ParsedDocument | undefined;
  findings: Finding[];
  /** The document as first parsed, and how far it has moved since: positions come from it. */
  origin: { doc: ParsedDocument; shift: number } | undefined;
}

export interface IncrementalParse extends ParseResult {
  path: string;
  text: string;
  /** Indexes in `docs` of the documents parsed by the last step (all of them after a full parse). */
  changed: number[];
  /** Internal: the segments, in order; undefined when the file took the whole-file path. */
  readonly segments: readonly Segment[] | undefined;
}

export function parseIncremental(path: string, text: string): IncrementalParse {
  if (needsWholeFileParse(text) || screenedOut(path, text)) return whole(path, text);
  const file = createSourceFile(path, text);
  const bounds = documentBounds(text);
  if (bounds.length > PARSE_LIMITS.maxDocuments) return whole(path, text);
  const segments: Segment[] = [];
  for (let i = 0; i < bounds.length; i++) segments.push(segment(file, bounds[i]!, i + 1 < bounds.length ? bounds[i + 1]! : text.length));
  return assemble(path, file, segments, new Set(segments));
}

export function applyEdit(prev: IncrementalParse, edit: TextEdit): IncrementalParse {
  const start = Math.max(0, Math.min(edit.start, prev.text.length));
  const end = Math.max(start, Math.min(edit.end, prev.text.length));
  const text = prev.text.slice(0, start) + edit.text + prev.text.slice(end);
  if (!prev.segments || needsWholeFileParse(text) || screenedOut(prev.path, text)) return parseIncremental(prev.path, text);
  const delta = edit.text.length - (end - start);
  const segs = prev.segments;
  // Segments the edit touches; touching a boundary takes both neighbours, since the edit may
  // join them or split one with a new `---`.
  let first = 0;
  while (first < segs.length - 1 && segs[first]!.end < start) first++;
  let last = first;
  while (last < segs.length - 1 && segs[last + 1]!.start <= end) last++;
  const regionStart = segs[first]!.start;
  const regionEnd = segs[last]!.end + delta;
  const file = createSourceFile(prev.path, text);
  const fresh = new Set<Segment>();
  const out: Segment[] = [];
  for (let i = 0; i < first; i++) out.push(rebase(file, segs[i]!, 0));
  // Re-split only the region: `---` lines inside it may have been added or removed.
  const local = documentBounds(text.slice(regionStart, regionEnd)).map((b) => b + regionStart);
  for (let i = 0; i < local.length; i++) {
    const s = segment(file, local[i]!, i + 1 < local.length ? local[i + 1]! : regionEnd);
    fresh.add(s);
    out.push(s);
  }
  for (let i = last + 1; i < segs.length; i++) out.push(rebase(file, segs[i]!, delta));
  if (out.length > PARSE_LIMITS.maxDocuments) return whole(prev.path, text);
  return assemble(prev.path, file, out, fresh);
}

function segment(file: SourceFile, start: number, end: number): Segment {
  const findings: Finding[] = [];
  const doc = parseSegment(file, start, end, 0, findings);
  return { start, end, doc, findings, origin: doc && { doc, shift: 0 } };
}

/** A segment of the previous parse, in the new file, moved by `delta`. */
function rebase(file: SourceFile, seg: Segment, delta: number): Segment {
  const findings = delta === 0 ? seg.findings.map((f) => withFile(f, file)) : seg.findings.map((f) => moved(f, file, delta));
  const old = seg.doc;
  if (!old || !seg.origin) return { start: seg.start + delta, end: seg.end + delta, doc: undefined, findings, origin: undefined };
  // Positions come from the first parse, shifted once: no chain of wrappers across edits.
  const origin = { doc: seg.origin.doc, shift: seg.origin.shift + delta };
  const doc = makeDoc(file, 0, old.start + delta, old.end + delta, old.value, () => origin.doc.positions().shifted(origin.shift));
  return { start: seg.start + delta, end: seg.end + delta, doc, findings, origin };
}

function moved(f: Finding, file: SourceFile, delta: number): Finding {
  return f.range ? { ...f, range: { file: file.path, start: f.range.start + delta, end: f.range.end + delta } } : f;
}

function withFile(f: Finding, file: SourceFile): Finding {
  return f.range && f.range.file !== file.path ? { ...f, range: { ...f.range, file: file.path } } : f;
}

function assemble(path: string, file: SourceFile, segments: Segment[], fresh: Set<Segment>): IncrementalParse {
  const docs: ParsedDocument[] = [];
  const findings: Finding[] = [];
  const changed: number[] = [];
  for (const seg of segments) {
    findings.push(...seg.findings);
    if (!seg.doc) continue;
    // makeDoc numbered it 0; the index is its place among the file's documents.
    if (seg.doc.index !== docs.length) seg.doc = { ...seg.doc, index: docs.length };
    if (fresh.has(seg)) changed.push(docs.length);
    docs.push(seg.doc);
  }
  // As parseSource: a clean file without any apiVersion/kind is not a manifest (one info, no documents).
  const r = notKubernetes({ file, docs, findings });
  return { path, text: file.text, file, docs: r.docs, findings: r.findings, changed: r.docs.length > 0 ? changed : [], segments };
}

function whole(path: string, text: string): IncrementalParse {
  const r = parseSource(path, text);
  return { ...r, path, text, changed: r.docs.map((_, i) => i), segments: undefined };
}
