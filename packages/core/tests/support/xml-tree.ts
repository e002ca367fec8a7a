// Tree comparison of two XML documents (element order, attribute sets, trimmed texts), the
// floor that score.py's xml-tree metric uses.
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: true, parseTagValue: false, parseAttributeValue: false });

type PNode = Record<string, unknown>;

function norm(nodes: PNode[]): unknown[] {
  const out: unknown[] = [];
  for (const n of nodes) {
    const attrs = (n[':@'] as Record<string, string> | undefined) ?? {};
    for (const [k, v] of Object.entries(n)) {
      if (k === ':@') continue;
      if (k === '#text') continue;
      const children = v as PNode[];
      const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('').trim();
      out.push([k, Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : 1)), text, norm(children.filter((c) => !('#text' in c)))]);
    }
  }
  return out;
}

export function xmlTree(xml: string): string {
  return JSON.stringify(norm(parser.parse(xml) as PNode[]));
}
