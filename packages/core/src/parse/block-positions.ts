// Fast source positions for the block-style YAML Kubernetes manifests are written in: one pass
// over the lines, no value construction. It records exactly the spans the `yaml`-based indexer
// records (tests/robustness/block-positions.test.ts compares them) and gives up (undefined) on
// anything else: anchors, tags, non-empty flow collections, multi-line plain scalars, explicit
// keys, tabs in indentation, CRLF. The caller then falls back to the `yaml` library.

import { childKey, PositionIndex, type NodeSpan } from './position-index.js';

class Unsupported extends Error {}

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of its line break (or of the text end). */
  end: number;
  /** Leading spaces. */
  indent: number;
  /** Blank, or a comment only. */
  empty: boolean;
}

const SPECIAL_START = /^[&*!%@`|>{[\]},?]/;
const NUMERIC_KEY = /^[-+.0-9]/;

export function indexBlockYaml(text: string, base: number): PositionIndex | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  try {
    return new BlockScanner(text, base).run();
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}

class BlockScanner {
  private readonly lines: Line[] = [];
  private readonly index = new PositionIndex();
  /** Current line. */
  private i = 0;
  /** End (after the line break) of the last line holding content. */
  private lastEnd = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      const c = text.charCodeAt(start + indent);
      this.lines.push({ start, end, indent, empty: start + indent >= end || c === 35 /* # */ });
      if (end === text.length) break;
      start = end + 1;
    }
  }

  run(): PositionIndex | undefined {
    this.skipEmpty();
    const first = this.lines[this.i];
    if (first && this.text.startsWith('---', first.start) && first.indent === 0) {
      if (!this.restIsEmpty(first.start + 3)) throw new Unsupported();
      this.i++;
      this.skipEmpty();
    }
    const line = this.lines[this.i];
    if (!line) return undefined;
    if (line.indent !== 0) throw new Unsupported();
    this.node(0, '', undefined);
    this.skipEmpty();
    if (this.i < this.lines.length) throw new Unsupported();
    return this.index;
  }

  private skipEmpty(): void {
    while (this.i < this.lines.length && this.lines[this.i]!.empty) this.i++;
  }

  private lineEnd(line: Line): number {
    return line.end < this.text.length ? line.end + 1 : line.end;
  }

  private restIsEmpty(from: number): boolean {
    const line = this.lineAt(from);
    let p = from;
    while (p < line.end && this.text.charCodeAt(p) === 32) p++;
    return p >= line.end || this.text.charCodeAt(p) === 35;
  }

  private lineAt(offset: number): Line {
    // Lines are visited in order; the current line is nearly always the one.
    for (let k = this.i; k < this.lines.length; k++) if (this.lines[k]!.end >= offset) return this.lines[k]!;
    throw new Unsupported();
  }

  private record(path: string, start: number, end: number, key?: [number, number]): void {
    const span: NodeSpan = { start: start + this.base, end: end + this.base };
    if (key) {
      span.keyStart = key[0] + this.base;
      span.keyEnd = key[1] + this.base;
    }
    this.index.setKey(path, span);
  }

  /** A block node starting at column `col` of the current line. */
  private node(col: number, path: string, key: [number, number] | undefined): void {
    const line = this.lines[this.i]!;
    const at = line.start + col;
    if (this.isSeqItem(at)) this.seq(col, path, key);
    else if (this.keyAt(at, line) !== undefined) this.map(col, path, key);
    else throw new Unsupported();
  }

  private isSeqItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== 45 /* - */) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === 32 || next === 10 || Number.isNaN(next);
  }

  /** The key starting at `at`: its name, span and the offset after its `:`; undefined if none. */
  private keyAt(at: number, line: Line): { name: string; start: number; end: number; after: number } | undefined {
    const t = this.text;
    const c = t[at];
    if (c === '"' || c === "'") {
      const close = t.indexOf(c, at + 1);
      if (close === -1 || close > line.end) return undefined;
      const raw = t.slice(at + 1, close);
      if (raw.includes('\\') || raw.includes("'")) throw new Unsupported();
      let p = close + 1;
      while (t.charCodeAt(p) === 32) p++;
      if (t[p] !== ':') return undefined;
      const n = t.charCodeAt(p + 1);
      if (!(n === 32 || n === 10 || Number.isNaN(n))) return undefined;
      return { name: raw, start: at, end: close + 1, after: p + 1 };
    }
    if (c === undefined || SPECIAL_START.test(c) || c === '#' || (c === '-' && this.isSeqItem(at))) return undefined;
    for (let p = at; p < line.end; p++) {
      const ch = t.charCodeAt(p);
      if (ch === 35 /* # */ && t.charCodeAt(p - 1) === 32) return undefined;
      if (ch !== 58 /* : */) continue;
      const n = t.charCodeAt(p + 1);
      if (!(n === 32 || n === 10 || Number.isNaN(n))) continue;
      let e = p;
      while (e > at && t.charCodeAt(e - 1) === 32) e--;
      const name = t.slice(at, e);
      if (name === '' || name === '~' || name === 'null' || name === '<<') throw new Unsupported();
      if (NUMERIC_KEY.test(name) && String(Number(name)) !== name) throw new Unsupported();
      return { name, start: at, end: e, after: p + 1 };
    }
    return undefined;
  }

  private map(col: number, path: string, key: [number, number] | undefined): void {
    const first = this.lines[this.i]!;
    const start = first.start + col;
    let atCol = col;
    for (;;) {
      const line = this.lines[this.i]!;
      const k = this.keyAt(line.start + atCol, line);
      if (!k) throw new Unsupported();
      this.value(k.after, col, childKey(path, k.name), [k.start, k.end]);
      this.skipEmpty();
      const next = this.lines[this.i];
      if (!next || next.indent < col) break;
      if (next.indent > col) throw new Unsupported();
      if (this.isSeqItem(next.start + col)) break; // the parent sequence's next item
      atCol = col;
    }
    this.record(path, start, this.lastEnd, key);
  }

  private seq(col: number, path: string, key: [number, number] | undefined): void {
    const start = this.lines[this.i]!.start + col;
    let n = 0;
    let atCol = col;
    for (;;) {
      const line = this.lines[this.i]!;
      const dash = line.start + atCol;
      if (!this.isSeqItem(dash)) throw new Unsupported();
      this.item(dash + 1, col, childKey(path, n++));
      this.skipEmpty();
      const next = this.lines[this.i];
      if (!next || next.indent < col || !this.isSeqItem(next.start + col) || next.indent !== col) break;
      atCol = col;
    }
    this.record(path, start, this.lastEnd, key);
  }

  /**
   * The offset of the content after `from` on the current line; when the rest of the line is
   * blank or a comment, moves to the next content line instead and returns undefined.
   */
  private contentAfter(from: number): number | undefined {
    const line = this.lines[this.i]!;
    let p = from;
    while (this.text.charCodeAt(p) === 32) p++;
    if (p < line.end && this.text.charCodeAt(p) !== 35) return p;
    this.lastEnd = this.lineEnd(line);
    this.i++;
    this.skipEmpty();
    return undefined;
  }

  /** A sequence item whose content starts after the dash at `from`. */
  private item(from: number, seqCol: number, path: string): void {
    const line = this.lines[this.i]!;
    const p = this.contentAfter(from);
    if (p === undefined) {
      const next = this.lines[this.i];
      if (!next || next.indent <= seqCol) throw new Unsupported(); // a null item
      this.node(next.indent, path, undefined);
      return;
    }
    const c = p - line.start;
    if (this.isSeqItem(p) || this.keyAt(p, line) !== undefined) {
      this.node(c, path, undefined);
      return;
    }
    this.scalar(p, seqCol, path, undefined);
  }

  /** The value after a key's `:` at `from`; `mapCol` is the key's column. */
  private value(from: number, mapCol: number, path: string, key: [number, number]): void {
    const p = this.contentAfter(from);
    if (p === undefined) {
      const next = this.lines[this.i];
      if (next && next.indent > mapCol) this.node(next.indent, path, key);
      else if (next && next.indent === mapCol && this.isSeqItem(next.start + mapCol)) this.seq(mapCol, path, key);
      else throw new Unsupported(); // a null value: rare in manifests, left to `yaml`
      return;
    }
    const c = this.text[p]!;
    if (c === '|' || c === '>') return this.blockScalar(p, mapCol, path, key);
    this.scalar(p, mapCol, path, key);
  }

  /** A single-line plain scalar, a (possibly multi-line) quoted one, or an empty flow collection. */
  private scalar(p: number, ownerCol: number, path: string, key: [number, number] | undefined): void {
    const t = this.text;
    const c = t[p]!;
    let end: number;
    if (c === '"') end = this.closeDouble(p);
    else if (c === "'") end = this.closeSingle(p);
    else if ((c === '{' && t[p + 1] === '}') || (c === '[' && t[p + 1] === ']')) end = p + 2;
    else if (SPECIAL_START.test(c) || (c === '-' && this.isSeqItem(p))) throw new Unsupported();
    else {
      const line = this.lines[this.i]!;
      end = line.end;
      for (let q = p + 1; q < end; q++) {
        if (t.charCodeAt(q) === 35 /* # */ && t.charCodeAt(q - 1) === 32) {
          end = q;
          break;
        }
      }
      while (end > p && t.charCodeAt(end - 1) === 32) end--;
      const colon = t.indexOf(': ', p); // a `: ` inside the scalar (no slice copy per scalar)
      if (colon !== -1 && colon + 2 <= end) throw new Unsupported();
    }
    const endLine = this.lineAt(end);
    if (!this.restIsEmpty(end)) throw new Unsupported();
    this.i = this.lines.indexOf(endLine, this.i);
    this.lastEnd = this.lineEnd(endLine);
    this.i++;
    // A more indented line after a scalar would continue it (multi-line plain scalar).
    let k = this.i;
    while (k < this.lines.length && this.lines[k]!.empty) k++;
    const after = this.lines[k];
    if (after && after.indent > ownerCol) throw new Unsupported();
    this.record(path, p, end, key);
  }

  private closeDouble(open: number): number {
    const t = this.text;
    for (let p = open + 1; p < t.length; p++) {
      const ch = t.charCodeAt(p);
      if (ch === 92 /* \ */) p++;
      else if (ch === 34 /* " */) return p + 1;
    }
    throw new Unsupported();
  }

  private closeSingle(open: number): number {
    const t = this.text;
    for (let p = open + 1; p < t.length; p++) {
      if (t.charCodeAt(p) !== 39 /* ' */) continue;
      if (t.charCodeAt(p + 1) === 39) p++;
      else return p + 1;
    }
    throw new Unsupported();
  }

  /** `|` or `>` with its content: the lines after it that are blank or indented past the key. */
  private blockScalar(p: number, ownerCol: number, path: string, key: [number, number]): void {
    const header = this.lines[this.i]!;
    if (!/^[|>][-+]?[1-9]?[-+]?(?:\s+#.*)?\s*$/.test(this.text.slice(p, header.end))) throw new Unsupported();
    let end = this.lineEnd(header);
    this.i++;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      const blank = line.start + line.indent >= line.end;
      if (!blank && line.indent <= ownerCol) break;
      if (!blank) end = this.lineEnd(line);
      this.i++;
    }
    // Back up over trailing blank lines: they belong to whatever follows.
    while (this.i > 0 && this.lines[this.i - 1]!.start >= end) this.i--;
    this.lastEnd = end;
    this.record(path, p, end, key);
  }
}
