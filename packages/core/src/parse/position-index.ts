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
/** Marks a sequence index in a key, so "0" (a mapping key) and 0 (an index) stay apart. */
const INDEX = '\u001e';

/** The map key of a path; `childKey` extends it one segment at a time (no arrays). */
export function pathKey(path: readonly PathSegment[]): string {
  let k = '';
  for (let i = 0; i < path.length; i++) k = childKey(k, path[i]!, i === 0);
  return k;
}

export function childKey(parent: string, seg: PathSegment, first = parent === ''): string {
  const s = typeof seg === 'number' ? INDEX + seg : seg;
  return first ? s : parent + SEP + s;
}

function pathOfKey(key: string): PathSegment[] {
  if (key === '') return [];
  return key.split(SEP).map((s) => (s.charCodeAt(0) === 0x1e ? Number(s.slice(1)) : s));
}

/**
 * Spans by path. Kept compact (one small object per node, keyed by an encoded path string)
 * because lint holds one index per document of a large repository.
 */
export class PositionIndex {
  private readonly spans = new Map<string, NodeSpan>();

  /** The root's key is ''; a first segment has no separator (see childKey). */
  setKey(key: string, span: NodeSpan): void {
    this.spans.set(key, span);
  }

  set(path: readonly PathSegment[], span: NodeSpan): void {
    this.spans.set(pathKey(path), span);
  }

  get(path: readonly PathSegment[]): NodeSpan | undefined {
    return this.spans.get(pathKey(path));
  }

  /** The span of `path`, or of its deepest ancestor that exists in the source. */
  nearest(path: readonly PathSegment[]): NodeSpan | undefined {
    for (let n = path.length; n >= 0; n--) {
      const span = this.spans.get(pathKey(n === path.length ? path : path.slice(0, n)));
      if (span) return span;
    }
    return undefined;
  }

  /** Every recorded node, in recording order. */
  *entries(): IterableIterator<{ path: PathSegment[]; span: NodeSpan }> {
    for (const [key, span] of this.spans) yield { path: pathOfKey(key), span };
  }

  /** The same index for a document moved by `delta` characters (an edit before it). */
  shifted(delta: number): PositionIndex {
    if (delta === 0) return this;
    const moved = new PositionIndex();
    for (const [key, v] of this.spans) {
      const span: NodeSpan = { start: v.start + delta, end: v.end + delta };
      if (v.keyStart !== undefined) span.keyStart = v.keyStart + delta;
      if (v.keyEnd !== undefined) span.keyEnd = v.keyEnd + delta;
      moved.spans.set(key, span);
    }
    return moved;
  }

  /**
   * The deepest field whose span (from its key to its value's end) holds `offset`, for hover and
   * go-to; undefined outside every field. The document root itself is not a field.
   */
  pathAt(offset: number): { path: PathSegment[]; span: NodeSpan } | undefined {
    let best: { key: string; span: NodeSpan; depth: number } | undefined;
    for (const [key, span] of this.spans) {
      const from = span.keyStart ?? span.start;
      if (key === '' || offset < from || offset > span.end) continue;
      const depth = key.split(SEP).length;
      if (!best || depth > best.depth) best = { key, span, depth };
    }
    return best && { path: pathOfKey(best.key), span: best.span };
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
