// Which YAML field the cursor is on: the deepest key (or value) whose span holds the offset.

import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';

export interface FieldAtOffset {
  /** Path from the document root, e.g. ['spec', 'template', 'spec', 'domain']. */
  path: (string | number)[];
  /** Offsets of the key and of the whole pair (key start to value end). */
  keyStart: number;
  keyEnd: number;
  end: number;
}

export function fieldAtOffset(text: string, offset: number): FieldAtOffset | undefined {
  const docs = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false });
  if (!Array.isArray(docs)) return undefined;
  const doc = docs.find((d) => d.range[0] <= offset && offset <= d.range[2]);
  if (!doc) return undefined;
  let found: FieldAtOffset | undefined;
  const visit = (node: Node | null | undefined, path: (string | number)[]): void => {
    if (!node?.range) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        const k = pair.key.range;
        const v = (pair.value as Node | null)?.range;
        const end = v ? v[1] : k[1];
        if (offset < k[0] || offset > end) continue;
        const here = [...path, String(pair.key.value)];
        found = { path: here, keyStart: k[0], keyEnd: k[1], end };
        visit(pair.value as Node | null, here);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = (item as Node | null)?.range;
        if (r && offset >= r[0] && offset <= r[1]) visit(item as Node, [...path, i]);
      });
    }
  };
  visit(doc.contents as Node | null, []);
  return found;
}
