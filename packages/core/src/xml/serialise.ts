// Serialises an XmlElement the way Go's encoding/xml MarshalIndent does for KubeVirt's structs:
// one element per line, no self-closing tags, text inline, and Go's escaping.

import type { XmlElement } from './element.js';

/**
 * Go's EscapeText/EscapeString: the five XML specials as &amp; &lt; &gt; &#34; &#39;, tab/newline/CR
 * as character references, and anything outside XML's Char range as U+FFFD.
 */
export function escapeGo(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    switch (c) {
      case 0x22: esc = '&#34;'; break;
      case 0x27: esc = '&#39;'; break;
      case 0x26: esc = '&amp;'; break;
      case 0x3c: esc = '&lt;'; break;
      case 0x3e: esc = '&gt;'; break;
      case 0x09: esc = '&#x9;'; break;
      case 0x0a: esc = '&#xA;'; break;
      case 0x0d: esc = '&#xD;'; break;
      default:
        if (c < 0x20 || c === 0xfffe || c === 0xffff) esc = '\uFFFD';
        else if (c >= 0xd800 && c <= 0xdbff) {
          const next = s.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            i++; // a valid surrogate pair is one character in range
            continue;
          }
          esc = '\uFFFD';
        } else if (c >= 0xdc00 && c <= 0xdfff) esc = '\uFFFD';
    }
    if (esc === undefined) continue;
    out += s.slice(last, i) + esc;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

export function serialiseXml(root: XmlElement, indent = '  '): string {
  const parts: string[] = [];
  write(root, 0, indent, parts);
  return parts.join('');
}

function write(e: XmlElement, depth: number, indent: string, out: string[]): void {
  const pad = indent.repeat(depth);
  let open = `${pad}<${e.name}`;
  for (const [k, v] of e.attrs) open += ` ${k}="${escapeGo(v)}"`;
  open += '>';
  out.push(open);
  if (e.children.length > 0) {
    for (const c of e.children) {
      out.push('\n');
      write(c, depth + 1, indent, out);
    }
    out.push(`\n${pad}</${e.name}>`);
  } else {
    out.push(`${escapeGo(e.text ?? '')}</${e.name}>`);
  }
}
