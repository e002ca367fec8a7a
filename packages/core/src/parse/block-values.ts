// Fast values for the block-style YAML Kubernetes manifests are written in: one pass over the
// lines, building exactly what js-yaml's `load(text, { schema: CORE_SCHEMA })` builds, or giving
// up (undefined) whenever it cannot be sure; the caller then asks js-yaml, which also reports
// every error. Accepted: block mappings and sequences (compact forms included), single-line plain
// scalars, quoted scalars (multi-line too), `{}`/`[]`, block scalars (`|`, `>`, chomping and
// indentation indicators), comments, a leading `---`. Given up: anchors, aliases, tags, non-empty
// flow collections, multi-line plain scalars and keys, explicit keys, `<<` and `__proto__` keys, duplicate keys,
// tabs, CR, BOM, non-printable characters, nesting past 100 levels, a scalar document.
// tests/parse/block-values.test.ts compares it with js-yaml on every golden and corpus document
// and on mutated and generated ones.

import { CORE_SCHEMA, type Schema, type Type } from 'js-yaml';
import { PARSE_LIMITS } from './limits.js';

/** js-yaml's own implicit resolvers (null, bool, int, float), so plain scalars resolve as it does. */
const IMPLICIT: readonly Type[] | undefined = (CORE_SCHEMA as Schema & { compiledImplicit?: Type[] }).compiledImplicit;

/** Any character outside printable ASCII and LF: the document then gets the closer look below. */
const NOT_PLAIN_ASCII = /[^\n\x20-\x7e]/;
/** js-yaml's PATTERN_NON_PRINTABLE: such characters in a scalar are an error there. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** Levels below PARSE_LIMITS.maxDepth at which the reader gives up. */
const DEPTH_MARGIN = 28;
/** Documents that deep go to js-yaml, which then decides exactly where the limit falls (its own
 * depth count) and reports it with its own message. */
const MAX_DEPTH = PARSE_LIMITS.maxDepth - DEPTH_MARGIN;
const HEX = /^[0-9a-fA-F]+$/;

class Unsupported {}
const UNSUPPORTED = new Unsupported();

/** The document's value (null for an empty one), or undefined when js-yaml must read it. */
export function readBlockValues(text: string): unknown {
  if (IMPLICIT === undefined) return undefined;
  if (NOT_PLAIN_ASCII.test(text) && (/[\t\r\uFEFF]/.test(text) || NON_PRINTABLE.test(text))) return undefined;
  try {
    return new ValueReader(text).run();
  } catch (e) {
    if (e === UNSUPPORTED || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A plain scalar as js-yaml resolves it with the core schema. */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these first characters can start a null, bool, int or float (see js-yaml's resolvers);
  // a letter only null/Null/NULL, true/True/TRUE, false/False/FALSE.
  if (c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) {
    if (s.length !== 4 && s.length !== 5) return s;
  } else if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 126)) {
    return s;
  }
  for (const type of IMPLICIT!) if (type.resolve(s)) return type.construct(s);
  return s;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\x00', a: '\x07', b: '\x08', t: '\x09', n: '\x0A', v: '\x0B', f: '\x0C', r: '\x0D', e: '\x1B',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xA0', L: '\u2028', P: '\u2029',
};

const hasOwn = Object.prototype.hasOwnProperty;

/** What `breaks` line breaks inside a quoted scalar fold to: one is a space, n are n-1 newlines. */
const folded = (breaks: number): string => (breaks === 1 ? ' ' : '\n'.repeat(breaks - 1));

class ValueReader {
  private readonly t: string;
  private readonly n: number;
  /** Current line: start, end (its LF or the text end), leading spaces; ls >= n at the end. */
  private ls = 0;
  private le = 0;
  private ind = 0;
  private depth = 0;
  /** Set by keyAt: the key and the offset after its `:`. */
  private keyName = '';
  private keyAfter = 0;
  /** Set by the quoted-scalar readers: the offset after the closing quote. */
  private quoteEnd = 0;

  constructor(text: string) {
    // js-yaml reads the text with a final line break added.
    this.t = text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? text + '\n' : text;
    this.n = this.t.length;
  }

  run(): unknown {
    this.toLine(0);
    this.skipEmpty();
    if (this.atEnd()) return null;
    const t = this.t;
    if (this.ind === 0 && t.startsWith('---', this.ls) && this.blankAt(this.ls + 3)) {
      if (!this.restEmpty(this.ls + 3)) throw UNSUPPORTED;
      this.nextLine();
      if (this.atEnd()) return null;
    }
    if (this.ind !== 0) throw UNSUPPORTED;
    const value = this.node(this.ls, 0);
    if (!this.atEnd()) throw UNSUPPORTED;
    return value;
  }

  // --- lines -------------------------------------------------------------------------------

  private toLine(start: number): void {
    const t = this.t;
    this.ls = start;
    let p = start;
    while (t.charCodeAt(p) === 32) p++;
    this.ind = p - start;
    const e = t.indexOf('\n', p);
    this.le = e === -1 ? this.n : e;
  }

  /** Moves past blank and comment-only lines. */
  private skipEmpty(): void {
    const t = this.t;
    while (this.ls < this.n) {
      const p = this.ls + this.ind;
      if (p < this.le && t.charCodeAt(p) !== 35 /* # */) return;
      this.toLine(this.le + 1);
    }
  }

  private nextLine(): void {
    this.toLine(this.le + 1);
    this.skipEmpty();
  }

  private atEnd(): boolean {
    return this.ls >= this.n;
  }

  /** A space, a line break or the end follows. */
  private blankAt(p: number): boolean {
    const c = this.t.charCodeAt(p);
    return c === 32 || c === 10 || Number.isNaN(c);
  }

  /** Only spaces, then the line end or a comment, from `p` (a comment needs a space before it). */
  private restEmpty(p: number): boolean {
    const t = this.t;
    let q = p;
    while (q < this.le && t.charCodeAt(q) === 32) q++;
    return q >= this.le || (t.charCodeAt(q) === 35 && q > p);
  }

  private isSeqItem(p: number): boolean {
    return this.t.charCodeAt(p) === 45 /* - */ && this.blankAt(p + 1);
  }

  // --- collections -------------------------------------------------------------------------

  /** A block collection whose first entry starts at `p` (column `col`) of the current line. */
  private node(p: number, col: number): unknown {
    if (this.isSeqItem(p)) return this.seq(col);
    if (this.keyAt(p)) return this.map(col);
    throw UNSUPPORTED;
  }

  /** A mapping at `col`; keyAt has just read its first key. */
  private map(col: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw UNSUPPORTED;
    const out: Record<string, unknown> = {};
    for (;;) {
      const key = this.keyName;
      if (hasOwn.call(out, key)) throw UNSUPPORTED; // js-yaml: duplicated mapping key
      out[key] = this.value(this.keyAfter, col);
      if (this.atEnd() || this.ind < col) break;
      if (this.ind > col || !this.keyAt(this.ls + col)) throw UNSUPPORTED;
    }
    this.depth--;
    return out;
  }

  /** A sequence whose first dash is at `col` of the current line. */
  private seq(col: number): unknown[] {
    if (++this.depth > MAX_DEPTH) throw UNSUPPORTED;
    const out: unknown[] = [];
    let dash = this.ls + col;
    for (;;) {
      out.push(this.item(dash + 1, col));
      if (this.atEnd() || this.ind < col) break;
      if (this.ind > col) throw UNSUPPORTED;
      dash = this.ls + col;
      if (!this.isSeqItem(dash)) break; // the next key of a mapping at the same column
    }
    this.depth--;
    return out;
  }

  /** A sequence item whose content follows the dash (at `from`). */
  private item(from: number, seqCol: number): unknown {
    const t = this.t;
    let p = from;
    while (t.charCodeAt(p) === 32) p++;
    if (p >= this.le || t.charCodeAt(p) === 35) {
      this.nextLine();
      if (this.atEnd() || this.ind <= seqCol) {
        // After a null item js-yaml takes the next `- ` as an item of this sequence whatever its
        // indentation (then reports bad indentation); left to it.
        if (!this.atEnd() && this.ind < seqCol && this.isSeqItem(this.ls + this.ind)) throw UNSUPPORTED;
        return null;
      }
      return this.node(this.ls + this.ind, this.ind);
    }
    const col = p - this.ls;
    if (this.isSeqItem(p)) return this.seq(col);
    if (this.keyAt(p)) return this.map(col);
    return this.scalar(p, seqCol);
  }

  /** The value after a key's `:` (at `from`); `mapCol` is the mapping's column. */
  private value(from: number, mapCol: number): unknown {
    const t = this.t;
    let p = from;
    while (t.charCodeAt(p) === 32) p++;
    if (p >= this.le || t.charCodeAt(p) === 35) {
      this.nextLine();
      if (this.atEnd() || this.ind < mapCol) return null;
      if (this.ind === mapCol) return this.isSeqItem(this.ls + mapCol) ? this.seq(mapCol) : null;
      return this.node(this.ls + this.ind, this.ind);
    }
    return this.scalar(p, mapCol);
  }

  /**
   * Whether an implicit key starts at `p`: sets keyName (as js-yaml stores it: the resolved
   * plain scalar as a string) and keyAfter.
   */
  private keyAt(p: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const name = c === 34 ? this.doubleQuoted(p) : this.singleQuoted(p);
      let q = this.quoteEnd;
      if (q > this.le) return false; // a multi-line key is an error; read as a scalar, then given up
      while (t.charCodeAt(q) === 32) q++;
      if (t.charCodeAt(q) !== 58 /* : */ || !this.blankAt(q + 1)) return false;
      if (name === '__proto__' || name === '<<') throw UNSUPPORTED;
      this.keyName = name;
      this.keyAfter = q + 1;
      return true;
    }
    if (!this.plainStart(p, c)) return false;
    const le = this.le;
    for (let q = p; q < le; q++) {
      const ch = t.charCodeAt(q);
      if (ch === 35 /* # */ && t.charCodeAt(q - 1) === 32) return false;
      if (ch !== 58 /* : */ || !this.blankAt(q + 1)) continue;
      let e = q;
      while (t.charCodeAt(e - 1) === 32) e--;
      const raw = t.slice(p, e);
      if (raw === '<<') throw UNSUPPORTED;
      const name = String(resolvePlain(raw));
      if (name === '__proto__') throw UNSUPPORTED;
      this.keyName = name;
      this.keyAfter = q + 1;
      return true;
    }
    return false;
  }

  /** Whether a plain scalar may start at `p` (first character `c`); false for every indicator. */
  private plainStart(p: number, c: number): boolean {
    switch (c) {
      case 38: // &
      case 42: // *
      case 33: // !
      case 37: // %
      case 64: // @
      case 96: // `
      case 124: // |
      case 62: // >
      case 123: // {
      case 91: // [
      case 93: // ]
      case 125: // }
      case 44: // ,
      case 35: // #
      case 34: // "
      case 39: // '
        return false;
      case 45: // -
      case 63: // ?
      case 58: // :
        return !this.blankAt(p + 1);
      default:
        return !Number.isNaN(c) && c !== 32 && c !== 10;
    }
  }

  // --- scalars -----------------------------------------------------------------------------

  /** A scalar starting at `p` on the current line; `ownerCol` is its mapping's or sequence's column. */
  private scalar(p: number, ownerCol: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(p);
    let value: unknown;
    let end: number;
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(p, ownerCol);
    if (c === 34 || c === 39) {
      value = c === 34 ? this.doubleQuoted(p) : this.singleQuoted(p);
      end = this.quoteEnd;
      if (end > this.le) this.toLine(t.lastIndexOf('\n', end - 1) + 1); // it spans lines
    } else if (c === 123 /* { */ && t.charCodeAt(p + 1) === 125) {
      value = {};
      end = p + 2;
    } else if (c === 91 /* [ */ && t.charCodeAt(p + 1) === 93) {
      value = [];
      end = p + 2;
    } else if (this.plainStart(p, c)) {
      const le = this.le;
      end = le;
      for (let q = p + 1; q < le; q++) {
        const ch = t.charCodeAt(q);
        if (ch === 35 /* # */ && t.charCodeAt(q - 1) === 32) {
          end = q;
          break;
        }
        if (ch === 58 /* : */ && this.blankAt(q + 1)) throw UNSUPPORTED; // a key: invalid here
      }
      while (t.charCodeAt(end - 1) === 32) end--;
      value = resolvePlain(t.slice(p, end));
    } else {
      throw UNSUPPORTED;
    }
    if (!this.restEmpty(end)) throw UNSUPPORTED;
    this.nextLine();
    // A more indented line would continue a plain scalar, or is an error after any other.
    if (!this.atEnd() && this.ind > ownerCol) throw UNSUPPORTED;
    return value;
  }

  /**
   * A double-quoted scalar, as js-yaml's readDoubleQuotedScalar reads it: line breaks fold
   * (one becomes a space, n become n-1 newlines), an escaped line break joins, leading and
   * trailing spaces around a break are dropped; sets quoteEnd after the closing quote.
   */
  private doubleQuoted(open: number): string {
    const t = this.t;
    let out = '';
    let from = open + 1;
    let to = from;
    let p = from;
    for (;;) {
      const ch = t.charCodeAt(p);
      if (ch === 34) {
        this.quoteEnd = p + 1;
        return out + t.slice(from, p);
      }
      if (ch === 92 /* \ */) {
        out += t.slice(from, p);
        const e = t[p + 1];
        if (e === '\n') {
          p = this.skipBreaks(p + 1).at;
        } else if (e !== undefined && hasOwn.call(SIMPLE_ESCAPES, e)) {
          out += SIMPLE_ESCAPES[e]!;
          p += 2;
        } else if (e === 'x' || e === 'u') {
          const len = e === 'x' ? 2 : 4;
          const hex = t.slice(p + 2, p + 2 + len);
          if (hex.length !== len || !HEX.test(hex)) throw UNSUPPORTED;
          out += String.fromCharCode(parseInt(hex, 16));
          p += 2 + len;
        } else {
          throw UNSUPPORTED; // \U, or an error
        }
        from = to = p;
      } else if (ch === 10) {
        const b = this.skipBreaks(p);
        out += t.slice(from, to) + folded(b.breaks);
        from = to = p = b.at;
      } else if (Number.isNaN(ch)) {
        throw UNSUPPORTED; // unclosed
      } else {
        p++;
        if (ch !== 32) to = p;
      }
    }
  }

  /** A single-quoted scalar (js-yaml's readSingleQuotedScalar); sets quoteEnd. */
  private singleQuoted(open: number): string {
    const t = this.t;
    let out = '';
    let from = open + 1;
    let to = from;
    let p = from;
    for (;;) {
      const ch = t.charCodeAt(p);
      if (ch === 39) {
        out += t.slice(from, p);
        if (t.charCodeAt(p + 1) !== 39) {
          this.quoteEnd = p + 1;
          return out;
        }
        from = p + 1; // the second quote starts the next piece
        p += 2;
        to = p;
      } else if (ch === 10) {
        const b = this.skipBreaks(p);
        out += t.slice(from, to) + folded(b.breaks);
        from = to = p = b.at;
      } else if (Number.isNaN(ch)) {
        throw UNSUPPORTED; // unclosed
      } else {
        p++;
        if (ch !== 32) to = p;
      }
    }
  }

  /**
   * From a line break at `p`: the breaks and spaces that follow (js-yaml's skipSeparationSpace
   * without comments); a document marker at a line start inside a scalar is left to js-yaml.
   */
  private skipBreaks(p: number): { breaks: number; at: number } {
    const t = this.t;
    let breaks = 0;
    let q = p;
    for (;;) {
      while (t.charCodeAt(q) === 32) q++;
      if (t.charCodeAt(q) !== 10) break;
      q++;
      breaks++;
      if ((t.startsWith('---', q) || t.startsWith('...', q)) && this.blankAt(q + 3)) throw UNSUPPORTED;
    }
    return { breaks, at: q };
  }

  /**
   * `|` or `>` at `p`: js-yaml's readBlockScalar step for step (its indentation starts at the
   * owner's column + 1; an indicator N makes it the owner's column + N).
   */
  private blockScalar(p: number, ownerCol: number): string {
    const t = this.t;
    const folding = t.charCodeAt(p) === 62;
    let chomping = 0; // 0 clip, 1 keep, -1 strip
    let textIndent = ownerCol + 1;
    let detected = false;
    let q = p + 1;
    for (;;) {
      const ch = t.charCodeAt(q);
      if ((ch === 43 || ch === 45) && chomping === 0) chomping = ch === 43 ? 1 : -1;
      else if (ch >= 49 && ch <= 57 && !detected) {
        textIndent = ownerCol + (ch - 48);
        detected = true;
      } else break;
      q++;
    }
    if (!this.restEmpty(q)) throw UNSUPPORTED;
    let result = '';
    let didRead = false;
    let emptyLines = 0;
    let atMoreIndented = false;
    let pos = this.le; // the header's line break
    let lineIndent = 0;
    for (;;) {
      pos++;
      lineIndent = 0;
      let ch = t.charCodeAt(pos);
      while ((!detected || lineIndent < textIndent) && ch === 32) {
        lineIndent++;
        ch = t.charCodeAt(++pos);
      }
      if (!detected && lineIndent > textIndent) textIndent = lineIndent;
      if (ch === 10) {
        emptyLines++;
        continue;
      }
      if (lineIndent < textIndent) {
        if (chomping === 1) result += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
        else if (chomping === 0 && didRead) result += '\n';
        break;
      }
      if (folding) {
        if (ch === 32) {
          atMoreIndented = true;
          result += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          result += '\n'.repeat(emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didRead) result += ' ';
        } else {
          result += '\n'.repeat(emptyLines);
        }
      } else {
        result += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
      }
      didRead = true;
      detected = true;
      emptyLines = 0;
      const eol = t.indexOf('\n', pos);
      result += t.slice(pos, eol);
      pos = eol;
    }
    // The scalar ends at the line that was not indented enough (or at the end).
    this.toLine(pos - lineIndent);
    this.skipEmpty();
    if (!this.atEnd() && this.ind > ownerCol) throw UNSUPPORTED;
    return result;
  }
}
