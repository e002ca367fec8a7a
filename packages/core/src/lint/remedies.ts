// Remedies: text edits that fix a lint finding whose fix is unambiguous (a misspelled key, an
// obsolete name, a missing feature gate). Editors offer them as quick fixes. Pure: a finding plus
// its file's text in, edits out; a finding whose source no longer looks as expected gets none.

import { MISSPELLED_KEYS } from './rules/ignored-kubevirt-setting.js';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Finding } from '../findings.js';
import type { TextEdit } from '../parse/incremental.js';
import { documentBounds, needsWholeFileParse } from '../parse/parse-source.js';
import { BACKENDS, DOMAIN_TYPE_OF, FEATURE_GATES } from '../select/hypervisors.js';

export interface Remedy {
  title: string;
  /** Non-overlapping edits of the finding's file. */
  edits: TextEdit[];
}

type Compute = (finding: Finding & { range: NonNullable<Finding['range']> }, text: string) => Remedy | undefined;

/** Misspelled keys with an exact rename, from ignored-kubevirt-setting's own table. */
const RENAMED_KEYS: ReadonlyMap<string, string> = new Map(
  MISSPELLED_KEYS.flatMap((k) => (k.renameTo ? [[k.path[k.path.length - 1]!, k.renameTo] as const] : [])),
);

/** ruleId/messageId → how to fix it. */
const REMEDIES: Readonly<Record<string, Compute>> = {
  'ignored-kubevirt-setting/unknownKey': renameKey,
  'ignored-kubevirt-setting/hypervisorsWithoutGate': (f, text) => addFeatureGate(text, f.range.start, FEATURE_GATES.configurableHypervisor),
  'obsolete-hyperv-layered/gate': (f, text) => replaceGate(text, f.range, FEATURE_GATES.obsoleteHyperVLayered, FEATURE_GATES.configurableHypervisor),
  'obsolete-hyperv-layered/name': (f, text) => replaceSole(text, valueRange(text, f.range), 'hyperv-layered', BACKENDS.mshv.configName),
  'no-mshv-domain-type/xmlType': (f, text) => replaceSole(text, f.range, 'mshv', DOMAIN_TYPE_OF.mshv),
  'no-mshv-domain-type/virttype': (f, text) => replaceSole(text, f.range, 'mshv', DOMAIN_TYPE_OF.mshv),
  'no-mshv-domain-type/field': (f, text) => replaceSole(text, f.range, 'mshv', DOMAIN_TYPE_OF.mshv),
  'no-mshv-domain-type/hypervisorName': (f, text) => replaceSole(text, f.range, 'mshv', BACKENDS.mshv.configName),
  'unknown-field/didYouMean': (f, text) => renameTo(f, text, /\(did you mean "([^"]+)"\?\)/.exec(f.message)?.[1]),
};

/** The fix for a finding in `text` (its file's current text), when it has a clear one. */
export function remedyFor(finding: Finding, text: string): Remedy | undefined {
  if (!finding.ruleId || !finding.messageId || !finding.range) return undefined;
  const compute = REMEDIES[`${finding.ruleId}/${finding.messageId}`];
  if (!compute || finding.range.end > text.length) return undefined;
  return compute({ ...finding, range: finding.range }, text);
}

/** The text with the edits applied (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Replaces the one occurrence of `from` (any case) in the range; none or several: no remedy. */
function replaceSole(text: string, range: { start: number; end: number }, from: string, to: string): Remedy | undefined {
  const at = soleOccurrence(text.slice(range.start, range.end), from);
  if (at === undefined) return undefined;
  const start = range.start + at;
  return { title: `Replace "${text.slice(start, start + from.length)}" with "${to}"`, edits: [{ start, end: start + from.length, text: to }] };
}

/** A finding on a field points at its key: the range of the key's scalar value instead. */
function valueRange(text: string, range: { start: number; end: number }): { start: number; end: number } {
  const found = locate(text, range.start);
  const value = found?.pair?.value as Node | null | undefined;
  return found && value?.range && isScalar(value) ? { start: found.base + value.range[0], end: found.base + value.range[1] } : range;
}

function soleOccurrence(haystack: string, needle: string): number | undefined {
  const lower = haystack.toLowerCase();
  const first = lower.indexOf(needle.toLowerCase());
  if (first < 0 || lower.indexOf(needle.toLowerCase(), first + 1) >= 0) return undefined;
  return first;
}

function renameKey(f: Parameters<Compute>[0], text: string): Remedy | undefined {
  const key = f.path?.[f.path.length - 1];
  return renameTo(f, text, typeof key === 'string' ? RENAMED_KEYS.get(key) : undefined);
}

/** Renames the finding's key (the last segment of its path) to `to`. */
function renameTo(f: Parameters<Compute>[0], text: string, to: string | undefined): Remedy | undefined {
  const key = f.path?.[f.path.length - 1];
  if (!to || typeof key !== 'string') return undefined;
  const found = locate(text, f.range.start);
  const parent = found?.chain[found.chain.length - 2];
  // Renaming next to the right key would make a duplicate key: the author must merge by hand.
  if (!parent || !isMap(parent) || parent.items.some((p) => scalarKey(p) === to)) return undefined;
  const remedy = replaceSole(text, f.range, String(key), to);
  return remedy && { ...remedy, title: `Rename ${String(key)} to ${to}` };
}

/** HyperVLayered → ConfigurableHypervisor; when that gate is already on, drop the obsolete one. */
function replaceGate(text: string, range: { start: number; end: number }, obsolete: string, gate: string): Remedy | undefined {
  const found = locate(text, range.start);
  const seq = found?.chain[found.chain.length - 2];
  if (!found || !seq || !isSeq(seq)) return undefined;
  if (!seq.items.some((n) => isScalar(n) && n.value === gate)) {
    const r = replaceSole(text, range, obsolete, gate);
    return r && { ...r, title: `Replace ${obsolete} with ${gate}` };
  }
  const i = seq.items.findIndex((n) => n === found.chain[found.chain.length - 1]);
  const edit = removeItem(text, found.base, seq, i);
  return edit && { title: `Remove ${obsolete} (${gate} is already enabled)`, edits: [edit] };
}

function removeItem(text: string, base: number, seq: YAMLSeq, i: number): TextEdit | undefined {
  const item = seq.items[i] as Node | undefined;
  if (!item?.range) return undefined;
  const [s, e] = [base + item.range[0], base + item.range[1]];
  if (seq.flow) {
    const next = seq.items[i + 1] as Node | undefined;
    const prev = seq.items[i - 1] as Node | undefined;
    if (next?.range) return { start: s, end: base + next.range[0], text: '' };
    if (prev?.range) return { start: base + prev.range[1], end: e, text: '' };
    return { start: s, end: e, text: '' };
  }
  const lineStart = text.lastIndexOf('\n', s - 1) + 1;
  if (text.slice(lineStart, s).trim() !== '-') return undefined;
  return { start: lineStart, end: nextLineStart(text, e), text: '' };
}

/**
 * Adds `gate` to developerConfiguration.featureGates of the configuration that holds the
 * finding (at `offset`, inside its `hypervisors`): appends to an existing list in its own style,
 * or adds the list, or the whole developerConfiguration block.
 */
function addFeatureGate(text: string, offset: number, gate: string): Remedy | undefined {
  const found = locate(text, offset);
  if (!found) return undefined;
  const { chain, base, doc } = found;
  const config = [...chain].reverse().find((n): n is YAMLMap => isMap(n) && n.items.some((p) => scalarKey(p) === 'hypervisors'));
  if (!config) return undefined;
  const title = `Enable the ${gate} feature gate`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const style = blockStyle(text, base, doc);
  const dev = valueOf(config, 'developerConfiguration');
  if (dev === undefined) {
    const nested = `developerConfiguration:${eol}{i}${style.unit}featureGates:${eol}{i}${style.unit}${style.dash}- ${gate}`;
    const edit = addEntry(text, base, config, nested, `developerConfiguration: {featureGates: [${gate}]}`, eol);
    return edit && { title, edits: [edit] };
  }
  if (!isMap(dev)) return undefined;
  const gates = valueOf(dev, 'featureGates');
  if (gates === undefined) {
    const edit = addEntry(text, base, dev, `featureGates:${eol}{i}${style.dash}- ${gate}`, `featureGates: [${gate}]`, eol);
    return edit && { title, edits: [edit] };
  }
  if (!isSeq(gates) || !gates.range) return undefined;
  const last = gates.items[gates.items.length - 1] as Node | undefined;
  if (gates.flow) {
    if (!last?.range) return { title, edits: [{ start: base + gates.range[0] + 1, end: base + gates.range[0] + 1, text: gate }] };
    return { title, edits: [{ start: base + last.range[1], end: base + last.range[1], text: `, ${gate}` }] };
  }
  if (!last?.range) return undefined;
  const dash = base + gates.range[0];
  const indent = text.slice(text.lastIndexOf('\n', dash - 1) + 1, dash);
  if (indent.trim() !== '') return undefined;
  const at = nextLineStart(text, base + last.range[1]);
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return { title, edits: [{ start: at, end: at, text: `${lead}${indent}- ${gate}${eol}` }] };
}

/**
 * A new first entry of `map`: `block` (with `{i}` for the entries' indentation) on its own lines
 * before the first key, or `flow` after the `{` of a flow map.
 */
function addEntry(text: string, base: number, map: YAMLMap, block: string, flow: string, eol: string): TextEdit | undefined {
  if (!map.range) return undefined;
  if (map.flow) {
    const at = base + map.range[0] + 1;
    return { start: at, end: at, text: map.items.length > 0 ? `${flow}, ` : flow };
  }
  const first = map.items[0]?.key as Node | undefined;
  if (!first?.range) return undefined;
  const keyAt = base + first.range[0];
  const lineStart = text.lastIndexOf('\n', keyAt - 1) + 1;
  const indent = text.slice(lineStart, keyAt);
  if (indent.trim() !== '') return undefined;
  return { start: lineStart, end: lineStart, text: `${indent}${block.replaceAll('{i}', indent)}${eol}` };
}

/**
 * How this document indents: `unit` = one map level, `dash` = a block list's `-` past its key
 * (kubectl writes lists flush with their key; many hand-written files indent them).
 */
function blockStyle(text: string, base: number, doc: Document): { unit: string; dash: string } {
  let unit: number | undefined;
  let dash: number | undefined;
  const col = (offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const visit = (node: unknown, keyCol: number | undefined): void => {
    if (isMap(node) && !node.flow) {
      for (const p of node.items) {
        const k = p.key as Node | null;
        const v = p.value as Node | null;
        if (!k?.range) continue;
        const kc = col(base + k.range[0]);
        if (keyCol !== undefined && unit === undefined && kc > keyCol) unit = kc - keyCol;
        visit(v, kc);
      }
    } else if (isSeq(node) && !node.flow) {
      if (keyCol !== undefined && dash === undefined && node.range) dash = col(base + node.range[0]) - keyCol;
      for (const item of node.items) visit(item, undefined);
    }
  };
  visit(doc.contents, undefined);
  return { unit: ' '.repeat(unit ?? 2), dash: ' '.repeat(Math.max(0, dash ?? 0)) };
}

function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function scalarKey(p: unknown): string | undefined {
  return isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined;
}

function valueOf(map: YAMLMap, key: string): unknown {
  const pair = map.items.find((p) => scalarKey(p) === key) as Pair | undefined;
  return pair ? (pair.value ?? null) : undefined;
}

/**
 * The YAML document holding `offset`, with the nodes from its root down to the node (or the key)
 * that starts there. Only that one document is re-parsed, as parse-source splits files.
 */
function locate(text: string, offset: number): { doc: Document; base: number; chain: Node[]; pair?: Pair } | undefined {
  let doc: Document | undefined;
  let base = 0;
  if (needsWholeFileParse(text)) {
    const all = parseAllDocuments(text);
    doc = Array.isArray(all) ? all.find((d) => d.range[0] <= offset && offset < d.range[2]) : undefined;
  } else {
    const bounds = documentBounds(text);
    let i = 0;
    while (i + 1 < bounds.length && bounds[i + 1]! <= offset) i++;
    base = bounds[i] ?? 0;
    doc = parseDocument(text.slice(base, bounds[i + 1] ?? text.length));
  }
  if (!doc || doc.errors.length > 0) return undefined;
  const rel = offset - base;
  const chain: Node[] = [];
  let node = doc.contents as Node | null;
  while (node?.range) {
    chain.push(node);
    if (node.range[0] === rel && !isMap(node) && !isSeq(node)) break;
    let next: Node | null = null;
    if (isMap(node)) {
      for (const p of node.items) {
        const k = p.key as Node | null;
        const v = p.value as Node | null;
        if (k?.range && k.range[0] === rel) return { doc, base, chain: [...chain, k], pair: p };
        if (v?.range && v.range[0] <= rel && rel < Math.max(v.range[1], v.range[0] + 1)) next = v;
      }
    } else if (isSeq(node)) {
      next = (node.items as (Node | null)[]).find((v) => v?.range && v.range[0] <= rel && rel < Math.max(v.range[1], v.range[0] + 1)) ?? null;
    }
    if (!next) break;
    node = next;
  }
  const last = chain[chain.length - 1];
  return last?.range?.[0] === rel ? { doc, base, chain } : undefined;
}
