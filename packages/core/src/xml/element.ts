// A minimal XML tree. Attribute and child order is insertion order, which is how Go's
// encoding/xml emits struct fields, so builders write them in KubeVirt's struct-field order.

export interface XmlElement {
  name: string;
  attrs: [string, string][];
  children: XmlElement[];
  /** Character data; an element has either text or children (KubeVirt never mixes them). */
  text?: string;
}

type AttrValue = string | number | boolean | undefined | null;
type Child = XmlElement | undefined | null | false;

/**
 * Builds an element. Attributes whose value is undefined/null are left out (Go's omitempty);
 * an empty string is kept (a non-omitempty attribute is always written).
 */
export function el(name: string, attrs: Record<string, AttrValue> = {}, content: Child[] | string = []): XmlElement {
  const out: XmlElement = { name, attrs: [], children: [] };
  // for-in, not Object.entries: no entry arrays (the converter builds ~100 elements per VM).
  // `attrs` is an object literal: own keys only, in the same order.
  for (const k in attrs) {
    const v = attrs[k];
    if (v === undefined || v === null) continue;
    out.attrs.push([k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'string' ? v : String(v)]);
  }
  if (typeof content === 'string') out.text = content;
  else for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c) out.children.push(c);
  }
  return out;
}

/** An element holding only text: <name>text</name>. */
export function textEl(name: string, text: string | number, attrs: Record<string, AttrValue> = {}): XmlElement {
  return el(name, attrs, String(text));
}

export function getAttr(e: XmlElement, name: string): string | undefined {
  return e.attrs.find(([k]) => k === name)?.[1];
}

export function child(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}

/**
 * Inserts `c` among `e`'s children at the position its name has in `order` (the struct's field
 * order), replacing an existing child of the same name.
 */
export function insertOrdered(e: XmlElement, c: XmlElement, order: readonly string[]): void {
  const existing = e.children.findIndex((x) => x.name === c.name);
  if (existing >= 0) {
    e.children[existing] = c;
    return;
  }
  const rank = order.indexOf(c.name);
  const at = e.children.findIndex((x) => order.indexOf(x.name) > rank);
  if (at < 0) e.children.push(c);
  else e.children.splice(at, 0, c);
}
