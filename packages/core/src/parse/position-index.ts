// Lazy source positions: built only for a document that needs one (a finding, a hover).
// The fast value parse (js-yaml) keeps no positions; this re-reads one document with `yaml`.

import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export type PathSegment = string | number;

/** Absolute offsets in the source file. `key*` is set for map values (the key's own span). */
export interface NodeSpan {
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
}

const SEP = '\u001f';
const pathKey = (path: readonly PathSegment[]): string => path.join(SEP);

interface Entry {
  path: PathSegment[];
  span: NodeSpan;
}

export class PositionIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(entries: Iterable<Entry> = []) {
    for (const e of entries) this.entries.set(pathKey(e.path), e);
  }

  set(path: PathSegment[], span: NodeSpan): void {
    this.entries.set(pathKey(path), { path, span });
  }

  get(path: readonly PathSegment[]): NodeSpan | undefined {
    return this.entries.get(pathKey(path))?.span;
  }

  /** The span of `path`, or of its deepest ancestor that exists in the source. */
  nearest(path: readonly PathSegment[]): NodeSpan | undefined {
    for (let n = path.length; n >= 0; n--) {
      const e = this.entries.get(pathKey(n === path.length ? path : path.slice(0, n)));
      if (e) return e.span;
    }
    return undefined;
  }

  /** The same index for a document moved by `delta` characters (an edit before it). */
  shifted(delta: number): PositionIndex {
    if (delta === 0) return this;
    const moved = new PositionIndex();
    for (const { path, span: v } of this.entries.values()) {
      const span: NodeSpan = { start: v.start + delta, end: v.end + delta };
      if (v.keyStart !== undefined) span.keyStart = v.keyStart + delta;
      if (v.keyEnd !== undefined) span.keyEnd = v.keyEnd + delta;
      moved.set(path, span);
    }
    return moved;
  }

  /**
   * The deepest field whose span (from its key to its value's end) holds `offset`, for hover and
   * go-to; undefined outside every field. The document root itself is not a field.
   */
  pathAt(offset: number): { path: PathSegment[]; span: NodeSpan } | undefined {
    let best: Entry | undefined;
    for (const e of this.entries.values()) {
      const from = e.span.keyStart ?? e.span.start;
      if (e.path.length === 0 || offset < from || offset > e.span.end) continue;
      if (!best || e.path.length > best.path.length) best = e;
    }
    return best && { path: best.path, span: best.span };
  }
}

export function indexYamlDocument(doc: Document, base: number): PositionIndex {
  const index = new PositionIndex();
  const visit = (node: Node | null | undefined, path: PathSegment[], key?: [number, number]): void => {
    if (!node || !node.range) {
      if (key) index.set(path, { start: key[0], end: key[1], keyStart: key[0], keyEnd: key[1] });
      return;
    }
    const span: NodeSpan = { start: node.range[0] + base, end: node.range[1] + base };
    if (key) {
      span.keyStart = key[0];
      span.keyEnd = key[1];
    }
    index.set(path, span);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key;
        const name = isScalar(k) ? String(k.value) : String(k);
        const kr = isScalar(k) && k.range ? ([k.range[0] + base, k.range[1] + base] as [number, number]) : undefined;
        visit(pair.value as Node | null, [...path, name], kr);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, [...path, i]));
    }
  };
  visit(doc.contents as Node | null, []);
  return index;
}

export function indexYamlText(text: string, base: number): PositionIndex {
  return indexYamlDocument(parseDocument(text, { keepSourceTokens: false, uniqueKeys: false }), base);
}
