// Reads back XML written by serialiseXml (or any Go encoding/xml output without mixed content,
// comments or CDATA) into an XmlElement tree. Errors are values: null for input it cannot read.

import type { XmlElement } from './element.js';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? m;
  });
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"]*")*)\s*(\/?)>/y;
const ATTR = /([A-Za-z_][\w.:-]*)="([^"]*)"/g;

export function parseXml(xml: string): XmlElement | null {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = xml.indexOf('<');
  let text = '';
  while (i >= 0 && i < xml.length) {
    TAG.lastIndex = i;
    const m = TAG.exec(xml);
    if (!m) return null;
    const [whole, closing, name, attrs, selfClose] = m as unknown as [string, string, string, string, string];
    if (closing) {
      const top = stack.pop();
      if (!top || top.name !== name) return null;
      if (top.children.length === 0 && text) top.text = decode(text);
      if (stack.length === 0) root = top;
    } else {
      const e: XmlElement = { name, attrs: [...attrs.matchAll(ATTR)].map((a) => [a[1]!, decode(a[2]!)] as [string, string]), children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(e);
      else if (root) return null; // a second root
      if (selfClose) {
        if (!parent) root = e;
      } else stack.push(e);
    }
    const next = xml.indexOf('<', i + whole.length);
    text = next < 0 ? '' : xml.slice(i + whole.length, next);
    if (next < 0 && xml.slice(i + whole.length).trim() !== '') return null;
    i = next;
  }
  return stack.length === 0 ? root : null;
}
