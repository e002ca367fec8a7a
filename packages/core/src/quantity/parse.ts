// resource.ParseQuantity: the scanner, the suffix table, rounding up to 1n, the BinarySI cap,
// and when the input text is kept verbatim for serialisation (the fast path's canonical check).

import { boundedMemo } from '../memo.js';
import type { Quantity, QuantityFormat } from './quantity.js';

export type QuantityParseError = 'format' | 'numeric' | 'suffix' | 'limit';

export type ParseResult = { ok: true; quantity: Quantity } | { ok: false; error: QuantityParseError; message: string };

interface Scanned {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** parseQuantityString: sign, numerator (leading zeros dropped), optional fraction, suffix. */
function scan(str: string): Scanned | null {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, num, denom, suffix: '' };
    pos = i;
  }
  const suffixStart = pos;
  i = pos;
  while (i < end && SUFFIX_CHARS.includes(str[i]!)) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  for (i = pos; i < end; i++) if (!isDigit(str[i])) return null;
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const INT32_MAX = 2147483647;

function interpretSuffix(s: string): Suffix | null {
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, s)) return { base: 10, exponent: DECIMAL_SUFFIXES[s]!, format: 'DecimalSI' };
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, s)) return { base: 2, exponent: BINARY_SUFFIXES[s]!, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?\d+$/.test(s.slice(1))) {
    const e = Number(s.slice(1));
    // apimachinery rejects exponents past int32 rather than truncating them.
    if (!Number.isSafeInteger(e) || Math.abs(e) > INT32_MAX) return null;
    return { base: 10, exponent: e, format: 'DecimalExponent' };
  }
  return null;
}

const NANO = -9;
/** Preview limits (docs/limits.md): no manifest quantity comes near 10^40 or 64 characters. */
export const MAX_QUANTITY_DIGITS = 40;
export const MAX_QUANTITY_TEXT = 64;
const LOG10_2 = Math.log10(2);

/** m such that |value| < 10^m (m may be negative): the position above the leading digit. */
function decimalMagnitude(s: Scanned, suffix: Suffix): number {
  const scale = suffix.base === 10 ? suffix.exponent : Math.ceil(suffix.exponent * LOG10_2);
  if (s.num !== '0') return s.num.length + scale;
  const lead = s.denom.search(/[1-9]/);
  return lead < 0 ? -Infinity : scale - lead;
}
const MAX_INT64 = 9223372036854775807n;
const MAX_INT64_FACTORS = 18;

/** Results by input text: manifests repeat a few quantities ("2Gi", "100m") many times. */
const parseMemo = boundedMemo(4096, parseText);

/** Results are shared between callers: never mutate one. */
export function parseQuantity(input: string | number): ParseResult {
  return parseMemo(typeof input === 'number' ? String(input) : input);
}

function parseText(str: string): ParseResult {
  if (str.length === 0) return { ok: false, error: 'format', message: 'quantities must not be empty' };
  if (str === '0') return { ok: true, quantity: { mantissa: 0n, exponent: 0, format: 'DecimalSI', text: '0' } };
  const s = scan(str);
  if (!s) return { ok: false, error: 'format', message: `"${str}" is not a quantity (expected e.g. 2Gi, 500m, 1e3)` };
  const suffix = interpretSuffix(s.suffix);
  if (!suffix) return { ok: false, error: 'suffix', message: `"${str}": unknown quantity suffix "${s.suffix}"` };

  if (str.length > MAX_QUANTITY_TEXT) return { ok: false, error: 'limit', message: `quantity of ${str.length} characters: over l1vh's preview limit of ${MAX_QUANTITY_TEXT}` };
  // Exact arithmetic on 10^exponent costs time and memory in the exponent: a value of
  // "1e4000000" would stall every later stage (apimachinery keeps it symbolically in inf.Dec).
  const magnitude = decimalMagnitude(s, suffix);
  if (magnitude > MAX_QUANTITY_DIGITS) return { ok: false, error: 'limit', message: `"${str}" is 10^${MAX_QUANTITY_DIGITS} or more: over l1vh's preview limit for quantities` };
  const nonZero = /[1-9]/.test(s.num + s.denom);
  // Below one nano a value rounds up to exactly ±1n, whatever its exponent ("1e-2000000000").
  if (suffix.base === 10 && nonZero && magnitude <= NANO) return { ok: true, quantity: { mantissa: s.positive ? 1n : -1n, exponent: NANO, format: suffix.format } };
  // Zero keeps no exponent that later alignment would have to raise ten to ("0e2000000000").
  if (!nonZero && Math.abs(suffix.exponent) > MAX_QUANTITY_DIGITS) return { ok: true, quantity: { mantissa: 0n, exponent: 0, format: suffix.format } };

  const digits = s.num + s.denom;
  const unsigned = BigInt(digits);
  let mantissa = s.positive ? unsigned : -unsigned;
  let exponent: number;
  if (suffix.base === 10) {
    exponent = suffix.exponent - s.denom.length;
  } else {
    mantissa *= 2n ** BigInt(suffix.exponent);
    exponent = -s.denom.length;
  }
  let format = suffix.format;

  // The int64 fast path keeps the input text when it is already canonical.
  const precision = suffix.format === 'BinarySI'
    ? (s.denom.length === 0 ? 15 - s.num.length - Math.floor((suffix.exponent * 3) / 10) - 1 : -1)
    : MAX_INT64_FACTORS - digits.length;
  const fastPath = precision >= 0 && exponent >= NANO && (suffix.format !== 'BinarySI' || unsigned * 2n ** BigInt(suffix.exponent) <= MAX_INT64);
  if (fastPath) {
    const keep = suffix.format === 'BinarySI'
      ? (unsigned & 7n) !== 0n
      : exponent % 3 === 0 && !digits.endsWith('000') && digits[0] !== '0';
    return { ok: true, quantity: keep ? { mantissa, exponent, format, text: str } : { mantissa, exponent, format } };
  }

  // Round non-zero values away from zero to a whole nano.
  if (mantissa !== 0n && exponent < NANO) {
    const d = 10n ** BigInt(NANO - exponent);
    const abs = mantissa < 0n ? -mantissa : mantissa;
    const rounded = (abs + d - 1n) / d;
    mantissa = mantissa < 0n ? -rounded : rounded;
    exponent = NANO;
  }
  const abs = mantissa < 0n ? -mantissa : mantissa;
  if (format === 'BinarySI') {
    const scaledAbs = exponent >= 0 ? abs * 10n ** BigInt(exponent) : null;
    const exceeds = scaledAbs !== null ? scaledAbs > MAX_INT64 : abs > MAX_INT64 * 10n ** BigInt(-exponent);
    if (exceeds) {
      mantissa = mantissa < 0n ? -MAX_INT64 : MAX_INT64;
      exponent = 0;
    } else if (abs !== 0n && exponent < 0 && abs < 10n ** BigInt(-exponent)) {
      format = 'DecimalSI'; // a fraction of one byte has no binary spelling
    }
  }
  return { ok: true, quantity: { mantissa, exponent, format } };
}

/** For trusted constants (KubeVirt's own literals). */
export function mustParse(str: string): Quantity {
  const r = parseQuantity(str);
  if (!r.ok) throw new Error(`IMPOSSIBLE: bad quantity constant ${str}: ${r.message}`);
  return r.quantity;
}
