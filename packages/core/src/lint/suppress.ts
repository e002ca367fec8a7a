// Suppressions written in the manifests: `# l1vh-disable-next-line RULE[,RULE]`, `# l1vh-disable
// RULE[,RULE]` (from that line to the end of the file; no RULE = every rule), and the
// `l1vh.dev/ignore: RULE,…` annotation on an object. Parsed only for files that have findings.

import type { LineIndex } from '../parse/line-index.js';
import { isRecord } from '../parse/object-ref.js';

export const IGNORE_ANNOTATION = 'l1vh.dev/ignore';

/** `all` = every rule. */
type RuleSet = ReadonlySet<string> | 'all';

export interface Directives {
  /** 1-based line → rules suppressed on that line. */
  lines: Map<number, RuleSet[]>;
  /** Rules suppressed from a line to the end of the file. */
  from: { line: number; rules: RuleSet }[];
  /** Every rule name written in a directive, with its offset (to report names that are no rule). */
  names: { name: string; start: number; directive: string }[];
}

const DIRECTIVE = /(?:^|[ \t])#[ \t]*l1vh-disable(-next-line)?(?=[ \t]|$)([^\r\n]*)/gm;

export function parseDirectives(text: string, lines: LineIndex): Directives {
  const out: Directives = { lines: new Map(), from: [], names: [] };
  if (!text.includes('l1vh-disable')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const line = lines.linePos(m.index + m[0].indexOf('#')).line;
    const rules = ruleList(m[2] ?? '');
    const tailStart = m.index + m[0].length - (m[2] ?? '').length;
    if (rules !== 'all') {
      const re = /[^\s,]+/g;
      const tail = (m[2] ?? '').replace(/\s--\s.*$/, '');
      for (let n = re.exec(tail); n; n = re.exec(tail)) out.names.push({ name: n[0], start: tailStart + n.index, directive: `l1vh-disable${m[1] ?? ''}` });
    }
    if (m[1]) {
      const list = out.lines.get(line + 1) ?? [];
      list.push(rules);
      out.lines.set(line + 1, list);
    } else {
      out.from.push({ line, rules });
    }
  }
  return out;
}

/** "a, b -- why" → {a, b}; nothing → all. */
function ruleList(tail: string): RuleSet {
  const names = tail.replace(/\s--\s.*$/, '').split(/[\s,]+/).filter(Boolean);
  return names.length === 0 ? 'all' : new Set(names);
}

const has = (set: RuleSet, rule: string): boolean => set === 'all' || set.has(rule);

export function suppressedByComment(d: Directives, line: number, rule: string): boolean {
  if (d.lines.get(line)?.some((s) => has(s, rule))) return true;
  return d.from.some((f) => f.line <= line && has(f.rules, rule));
}

/** Rules named in the object's `l1vh.dev/ignore` annotation (`*` = all). */
export function ignoredByAnnotation(object: unknown): RuleSet | undefined {
  const meta = isRecord(object) ? object.metadata : undefined;
  const annotations = isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : undefined;
  const value = annotations?.[IGNORE_ANNOTATION];
  if (typeof value !== 'string') return undefined;
  const names = value.split(/[\s,]+/).filter(Boolean);
  return names.includes('*') ? 'all' : new Set(names);
}

export function annotationSuppresses(set: RuleSet | undefined, rule: string): boolean {
  return set !== undefined && has(set, rule);
}
