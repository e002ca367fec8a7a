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

export class PositionIndex {
  constructor(private readonly spans: Map<string, NodeSpan>) {}

  get(path: readonly PathSegment[]): NodeSpan | undefined {
    return this.spans.get(pathKey(path));
  }

  /** The span of `path`, or of its deepest ancestor that exists in the source. */
  nearest(path: readonly PathSegment[]): NodeSpan | undefined {
    for (let n = path.length; n >= 0; n--) {
      const span = this.spans.get(pathKey(path.slice(0, n)));
      if (span) return span;
    }
    return undefined;
  }
}

export function indexYamlDocument(doc: Document, base: number): PositionIndex {
  const spans = new Map<string, NodeSpan>();
  const visit = (node: Node | null | undefined, path: PathSegment[], key?: [number, number]): void => {
    if (!node || !node.range) {
      if (key) spans.set(pathKey(path), { start: key[0], end: key[1], keyStart: key[0], keyEnd: key[1] });
      return;
    }
    const span: NodeSpan = { start: node.range[0] + base, end: node.range[1] + base };
    if (key) {
      span.keyStart = key[0];
      span.keyEnd = key[1];
    }
    spans.set(pathKey(path), span);
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
  return new PositionIndex(spans);
}

export function indexYamlText(text: string, base: number): PositionIndex {
  return indexYamlDocument(parseDocument(text, { keepSourceTokens: false, uniqueKeys: false }), base);
}
