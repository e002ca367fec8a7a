// Quantities as they appear in manifests (strings, sometimes YAML numbers), read the way
// apimachinery's UnmarshalJSON does (surrounding space trimmed, then ParseQuantity), with the
// readings admission and the converter need. Anything that is not a quantity reads as null.

import { canonicalQuantity, formatQuantity } from './format.js';
import { boundedMemo } from '../memo.js';
import { parseQuantity } from './parse.js';
import { cmp, newQuantity, scaledValue, value, type Quantity, type QuantityFormat } from './quantity.js';

/** The parsed quantity, or null when absent or not a quantity. */
export function readQuantity(q: string | number | undefined | null): Quantity | null {
  if (q === undefined || q === null) return null;
  const r = parseQuantity(String(q).trim());
  return r.ok ? r.quantity : null;
}

/** Quantity.Value(): rounded up (away from zero) to an integer; null when not a quantity. */
export function quantityValueOf(q: string | number | undefined | null): bigint | null {
  const p = readQuantity(q);
  return p ? value(p) : null;
}

/** vcpu.QuantityToByte: whole values as they are, otherwise Value() − 1 (KubeVirt's quirk). */
export function quantityBytesOf(q: string | number | undefined | null): bigint | null {
  const p = readQuantity(q);
  if (!p) return null;
  const whole = scaledValue(p, 0);
  const exact = p.exponent >= 0 || p.mantissa % 10n ** BigInt(-p.exponent) === 0n;
  return exact ? whole : whole - 1n;
}

/** Quantity.Cmp: -1, 0 or 1; null when either side is not a quantity. */
export function compareQuantityText(a: string | number | undefined | null, b: string | number | undefined | null): -1 | 0 | 1 | null {
  const x = readQuantity(a);
  const y = readQuantity(b);
  return x && y ? cmp(x, y) : null;
}

/** Quantity.IsZero, with an absent or unreadable quantity counting as zero. */
export function isZeroQuantityText(q: string | number | undefined | null): boolean {
  const p = readQuantity(q);
  return !p || p.mantissa === 0n;
}

/** How Go prints a quantity it parsed (the text when already canonical, else the canonical form); the input when unreadable. */
export function canonicalQuantityText(q: string | number): string {
  return canonicalMemo(String(q)); // readQuantity reads a number as its text too
}

/** Canonical texts by input: admission canonicalises the same few quantities for every VM. */
const canonicalMemo = boundedMemo(4096, (text: string): string => {
  const p = readQuantity(text);
  return p ? formatQuantity(p) : text;
});

/** resource.NewQuantity(value, format).String(). */
export function formatWholeQuantity(v: bigint, format: QuantityFormat): string {
  return canonicalQuantity(newQuantity(v, format));
}

/** Value() as a JS number, for counts (vCPUs, threads); null when not a quantity. */
export function quantityCount(q: string | number | undefined | null): number | null {
  const v = quantityValueOf(q);
  return v === null ? null : Number(v);
}

const INT64_MAX = 9223372036854775807n;

/** Quantity.AsInt64: the value when it is whole and fits in an int64, else null. */
export function quantityInt64Of(q: string | number | undefined | null): bigint | null {
  const p = readQuantity(q);
  if (!p) return null;
  const v = scaledValue(p, 0);
  const whole = p.exponent >= 0 || p.mantissa % 10n ** BigInt(-p.exponent) === 0n;
  return whole && v <= INT64_MAX && v >= -INT64_MAX - 1n ? v : null;
}
