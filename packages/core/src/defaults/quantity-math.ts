// The few resource.Quantity operations admission needs, exact with BigInt: parse, Value()
// (rounded up), compare, and the canonical string Go prints for a quantity it built itself
// (resource.NewQuantity(v, BinarySI|DecimalSI)).

import type { Quantity } from '../api/k8s-types.js';

const BINARY_SUFFIX: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** A parsed quantity: value = num / den exactly. */
export interface ParsedQuantity {
  num: bigint;
  den: bigint;
  format: QuantityFormat;
}

const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

export function parseQuantity(q: Quantity | undefined | null): ParsedQuantity | null {
  if (q === undefined || q === null) return null;
  const m = QUANTITY_RE.exec(String(q).trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  let num = BigInt((m[2] || '0') + frac);
  let den = 10n ** BigInt(frac.length);
  if (m[1] === '-') num = -num;
  const suffix = m[4] ?? '';
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY_SUFFIX) {
    num *= BINARY_SUFFIX[suffix]!;
    format = 'BinarySI';
  } else {
    if (m[5] !== undefined) format = 'DecimalExponent';
    const exp = m[5] !== undefined ? Number(m[5]) : DECIMAL_EXPONENT[suffix]!;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return { num, den, format };
}

/** Quantity.Value(): rounded up (away from zero) to an integer; null when not a quantity. */
export function quantityValue(q: Quantity | undefined | null): bigint | null {
  const p = parseQuantity(q);
  if (!p) return null;
  const whole = p.num / p.den;
  return p.num % p.den === 0n || p.num < 0n ? whole : whole + 1n;
}

/** Quantity.Cmp: -1, 0 or 1; null when either side is not a quantity. */
export function compareQuantities(a: Quantity | undefined | null, b: Quantity | undefined | null): -1 | 0 | 1 | null {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  if (!x || !y) return null;
  const l = x.num * y.den;
  const r = y.num * x.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZeroQuantity(q: Quantity | undefined | null): boolean {
  const p = parseQuantity(q);
  return !p || p.num === 0n;
}

/** The canonical string of an integral quantity in the given format (Quantity.String()). */
export function formatQuantity(value: bigint, format: QuantityFormat): string {
  if (value === 0n) return '0';
  const neg = value < 0n;
  let v = neg ? -value : value;
  let suffix = '';
  if (format === 'BinarySI' && v >= 1024n) {
    const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    let i = 0;
    while (i < units.length - 1 && v % 1024n === 0n) {
      v /= 1024n;
      i++;
    }
    suffix = units[i]!;
  } else {
    const units = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
    let i = 0;
    while (i < units.length - 1 && v % 1000n === 0n) {
      v /= 1000n;
      i++;
    }
    suffix = units[i]!;
  }
  return `${neg ? '-' : ''}${v}${suffix}`;
}

/** How Go prints a quantity it parsed: canonical form ("1024Mi" → "1Gi", "0.5" → "500m");
 * exponent notation is left as written. */
export function canonicalQuantity(q: Quantity): string {
  const p = parseQuantity(q);
  if (!p || p.format === 'DecimalExponent') return String(q);
  if (p.num % p.den === 0n) return formatQuantity(p.num / p.den, p.format);
  // Not integral: DecimalSI with the smallest of m, u, n that makes it whole (rounded up at n).
  const suffixes = ['m', 'u', 'n'];
  for (let i = 0; i < suffixes.length; i++) {
    const scaled = p.num * 10n ** BigInt(3 * (i + 1));
    if (scaled % p.den === 0n || i === suffixes.length - 1) {
      const whole = scaled / p.den + (scaled % p.den === 0n || scaled < 0n ? 0n : 1n);
      return `${whole}${suffixes[i]}`;
    }
  }
  return String(q);
}
