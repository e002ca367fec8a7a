// One walk of a manifest object against KubeVirt's field table, reporting what the API server and
// KubeVirt's webhooks would refuse before any validation rule runs:
// - unknown fields, as the API server's strict field validation prints them (the CRD pruning
//   path: `spec.template.spec.domain.devices.disks[0].foo`), each with the closest known sibling;
// - values that encoding/json cannot decode into KubeVirt's Go types (the webhook's
//   json.Unmarshal in GetVMFromAdmissionReview and friends), in Go's wording;
// - quantities over l1vh's own preview limits (KubeVirt accepts them; l1vh cannot compute with them).
// The walk allocates nothing per field on valid input; messages are built only for a report.

import type { PathSegment } from '../parse/position-index.js';
import { parseQuantity } from '../quantity/parse.js';
import { structFields, type FieldNode, type IntKind, type StructNode, type TypeNode } from './field-schema.js';

export interface UnknownField {
  /** Path from the object's root. */
  path: PathSegment[];
  /** As the API server prints it: `spec.template.spec.domain.devcies`, list indices as `[0]`. */
  printed: string;
  /** The closest field name the schema has at that level, when one is close. */
  suggestion?: string;
}

export interface DecodeFailure {
  path: PathSegment[];
  /** encoding/json's (or the type's UnmarshalJSON's) error text, verbatim. */
  message: string;
  /** Quantity/IntOrString errors abort decoding; type errors are saved and decoding goes on. */
  aborts: boolean;
}

export interface PreviewLimit {
  path: PathSegment[];
  message: string;
}

export interface FieldCheck {
  unknown: UnknownField[];
  /** Every value Go cannot decode, in document order ({@link goReportedFailure} picks Go's). */
  decode: DecodeFailure[];
  limits: PreviewLimit[];
}

const EMPTY: FieldCheck = Object.freeze({ unknown: [], decode: [], limits: [] }) as unknown as FieldCheck;

interface Walk {
  root: StructNode;
  /** Where the walk is, pushed and popped in place; leaves that check out are never pushed. */
  path: PathSegment[];
  out: FieldCheck | undefined;
}

/** Checks one object (its root struct from {@link rootSchema}). The result is shared when clean. */
export function checkFields(root: StructNode, value: Record<string, unknown>): FieldCheck {
  const w: Walk = { root, path: [], out: undefined };
  walkStruct(root, value, w, true, true);
  return w.out ?? EMPTY;
}

/** A scalar leaf that decodes (the common case, checked without touching the path); false: walk it. */
function leafOk(type: TypeNode, v: unknown): boolean {
  switch (type.k) {
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return typeof v === 'number' && fitsInt(v, type.int!);
    case 'quantity': {
      if (typeof v !== 'string' && typeof v !== 'number') return false;
      const r = parseQuantity(typeof v === 'string' ? v.trim() : goNumber(v));
      return r.ok;
    }
    case 'any':
      return true;
    default:
      return false;
  }
}

function result(w: Walk): FieldCheck {
  return (w.out ??= { unknown: [], decode: [], limits: [] });
}

/**
 * The members of a struct. `strict`: unknown fields below are reported (false inside an open
 * subtree); `closed`: unknown keys of this very object are (false where the CRD keeps them).
 */
function walkStruct(node: StructNode, value: Record<string, unknown>, w: Walk, strict: boolean, closed: boolean): void {
  for (const key in value) {
    const field = structFields(node).get(key);
    const v = value[key];
    if (!field) {
      // The root's status is the cluster's to write (a captured object may carry any): not checked.
      if (strict && closed && !(key === 'status' && w.path.length === 0)) reportUnknown(node, key, w);
      continue;
    }
    if (v === null || v === undefined || leafOk(field.type, v)) continue; // null decodes to the zero value
    w.path.push(key);
    walkValue(field.type, v, w, strict && field.open !== 'deep', node.go, field);
    w.path.pop();
  }
}

function walkValue(type: TypeNode, v: unknown, w: Walk, strict: boolean, goStruct: string, field: FieldNode): void {
  switch (type.k) {
    case 'struct':
      if (isRecord(v)) walkStruct(type.def!, v, w, strict, field.open !== 'shallow');
      else typeError(w, goStruct, jsonKind(v), type.go);
      return;
    case 'list':
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const item = v[i];
          if (item === null || item === undefined || leafOk(type.elem!, item)) continue;
          w.path.push(i);
          walkValue(type.elem!, item, w, strict, goStruct, field);
          w.path.pop();
        }
      } else typeError(w, goStruct, jsonKind(v), type.go);
      return;
    case 'map':
      if (isRecord(v)) {
        for (const key in v) {
          const item = v[key];
          if (item === null || item === undefined || leafOk(type.elem!, item)) continue;
          w.path.push(key);
          walkValue(type.elem!, item, w, strict, goStruct, field);
          w.path.pop();
        }
      } else typeError(w, goStruct, jsonKind(v), type.go);
      return;
    case 'string':
      if (typeof v !== 'string') typeError(w, goStruct, jsonKind(v), type.go);
      return;
    case 'bool':
      if (typeof v !== 'boolean') typeError(w, goStruct, jsonKind(v), type.go);
      return;
    case 'float':
      if (typeof v !== 'number') typeError(w, goStruct, jsonKind(v), type.go);
      return;
    case 'int':
      if (typeof v !== 'number') typeError(w, goStruct, jsonKind(v), type.go);
      else if (!fitsInt(v, type.int!)) typeError(w, goStruct, `number ${goNumber(v)}`, type.go);
      return;
    case 'quantity':
      checkQuantity(v, w);
      return;
    case 'intOrString':
      // IntOrString.UnmarshalJSON: a JSON string, else json.Unmarshal into an int32 (no field context).
      if (typeof v === 'string') return;
      if (typeof v !== 'number' || !fitsInt(v, 'int32')) {
        const what = typeof v === 'number' ? `number ${goNumber(v)}` : jsonKind(v);
        fail(w, `json: cannot unmarshal ${what} into Go value of type int32`, true);
      }
      return;
    case 'time':
    case 'duration':
      // Both unmarshal a JSON string first.
      if (typeof v !== 'string') fail(w, `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`, true);
      return;
    case 'any':
      return;
  }
}

/** resource.Quantity.UnmarshalJSON: the JSON text (quotes stripped, trimmed) through ParseQuantity. */
function checkQuantity(v: unknown, w: Walk): void {
  let text: string;
  if (typeof v === 'string') text = v.trim();
  else if (typeof v === 'number') text = goNumber(v);
  else {
    fail(w, QUANTITY_FORMAT, true); // true/false, objects and lists never match the pattern
    return;
  }
  if (text === '') {
    fail(w, QUANTITY_FORMAT, true);
    return;
  }
  const r = parseQuantity(text);
  if (r.ok) return;
  if (r.error === 'limit') result(w).limits.push({ path: [...w.path], message: r.message });
  else fail(w, r.error === 'suffix' ? QUANTITY_SUFFIX : r.error === 'numeric' ? QUANTITY_NUMERIC : QUANTITY_FORMAT, true);
}

// apimachinery resource.ErrFormatWrong / ErrSuffix / ErrNumeric.
export const QUANTITY_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
export const QUANTITY_NUMERIC = 'unable to parse numeric part of quantity';

/** encoding/json's UnmarshalTypeError.Error() with its error context (Go ≥ 1.24: embedded structs named). */
function typeError(w: Walk, goStruct: string, value: string, goType: string): void {
  const field = goFieldStack(w.root, w.path);
  const message =
    goStruct || field
      ? `json: cannot unmarshal ${value} into Go struct field ${goStruct}.${field} of type ${goType}`
      : `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  fail(w, message, false);
}

/** encoding/json's FieldStack for a path: struct fields (embedded structs named), no indices or map keys. */
function goFieldStack(root: StructNode, path: readonly PathSegment[]): string {
  const names: string[] = [];
  let def: StructNode | null = root;
  let type: TypeNode | null = null;
  for (const seg of path) {
    if (type && (type.k === 'list' || type.k === 'map')) {
      type = type.elem; // this segment is the index or key: not named
      def = type?.def ?? null;
      continue;
    }
    if (!def || typeof seg !== 'string') break;
    const field: FieldNode | undefined = structFields(def).get(seg);
    if (!field) break;
    names.push(field.goSegment);
    type = field.type;
    def = field.type.def;
  }
  return names.join('.');
}

function fail(w: Walk, message: string, aborts: boolean): void {
  result(w).decode.push({ path: [...w.path], message, aborts });
}

function reportUnknown(node: StructNode, key: string, w: Walk): void {
  w.path.push(key);
  const path = [...w.path];
  w.path.pop();
  const suggestion = closestName(key, structFields(node).keys());
  result(w).unknown.push({ path, printed: printPath(path), ...(suggestion ? { suggestion } : {}) });
}

/** The CRD pruning path format: keys joined by `.`, list indices as `[i]`. */
export function printPath(path: readonly PathSegment[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

/**
 * The failure encoding/json returns: it saves the first type error and carries on, but returns at
 * once on an UnmarshalJSON error (quantities). The API server hands the webhook JSON with sorted
 * keys (kubectl and the unstructured round trip both marshal maps), so "first" is in key order.
 */
export function goReportedFailure(decode: readonly DecodeFailure[]): DecodeFailure | undefined {
  let best: DecodeFailure | undefined;
  for (const d of decode) {
    if (!best || (d.aborts && !best.aborts) || (d.aborts === best.aborts && comparePaths(d.path, best.path) < 0)) best = d;
  }
  return best;
}

function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

const INT_RANGE: Readonly<Record<IntKind, readonly [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  // 2^63 and 2^64 are exact doubles; the comparisons below keep them out.
  int64: [-9223372036854775808, 9223372036854775808],
  int: [-9223372036854775808, 9223372036854775808],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  uint64: [0, 18446744073709551616],
  uint: [0, 18446744073709551616],
};

/** strconv.ParseInt/ParseUint of the JSON number text, then reflect's Overflow check. */
function fitsInt(v: number, kind: IntKind): boolean {
  if (!Number.isInteger(v)) return false;
  const [lo, hi] = INT_RANGE[kind];
  const exclusiveHi = kind === 'int64' || kind === 'int' || kind === 'uint64' || kind === 'uint';
  return v >= lo && (exclusiveHi ? v < hi : v <= hi);
}

/** The number as the JSON text kubectl sends (Go's float formatting agrees with JS's here). */
function goNumber(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Closest name by edit distance (adjacent swaps count once); none when nothing is close. */
export function closestName(key: string, names: Iterable<string>): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && name < best)) {
      best = name;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(key.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** Optimal string alignment distance. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i]![0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
