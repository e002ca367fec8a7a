// Quantity → string exactly as apimachinery serialises it (MarshalJSON / String): the kept
// input text if any, else the canonical form: no fraction digits, the largest suffix that keeps
// the value exact, BinarySI only for whole values of at least 1024 (else DecimalSI).

import { cmp, newQuantity, normalized, type Quantity } from './quantity.js';

const DECIMAL_SUFFIX_OF: Readonly<Record<number, string>> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIX_OF: Readonly<Record<number, string>> = { 0: '', 1: 'Ki', 2: 'Mi', 3: 'Gi', 4: 'Ti', 5: 'Pi', 6: 'Ei' };

export function formatQuantity(q: Quantity): string {
  if (q.text !== undefined) return q.text;
  return canonicalQuantity(q);
}

/** CanonicalizeBytes: the form a quantity takes once arithmetic dropped its parsed text. */
export function canonicalQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format === '' ? 'DecimalExponent' : q.format;
  if (format === 'BinarySI') {
    const small = cmp(q, newQuantity(-1024, 'BinarySI')) > 0 && cmp(q, newQuantity(1024, 'BinarySI')) < 0;
    if (small || !isWhole(q)) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = q.exponent >= 0 ? q.mantissa * 10n ** BigInt(q.exponent) : q.mantissa / 10n ** BigInt(-q.exponent);
    let times = 0;
    while (v % 1024n === 0n && v !== 0n) {
      v /= 1024n;
      times++;
    }
    const suffix = BINARY_SUFFIX_OF[times];
    // Past Ei there is no binary suffix: newer apimachinery falls back to exponent notation.
    if (suffix !== undefined) return `${v}${suffix}`;
    format = 'DecimalExponent';
  }
  const { mantissa, exponent } = decimalCanonical(q);
  if (format === 'DecimalSI') {
    const suffix = DECIMAL_SUFFIX_OF[exponent];
    if (suffix !== undefined) return `${mantissa}${suffix}`;
  }
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}

function isWhole(q: Quantity): boolean {
  return q.exponent >= 0 || q.mantissa % 10n ** BigInt(-q.exponent) === 0n;
}

/** AsCanonicalBytes: strip factors of ten, then lower the exponent to a multiple of three. */
function decimalCanonical(q: Quantity): { mantissa: bigint; exponent: number } {
  let { mantissa, exponent } = normalized(q);
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  return { mantissa, exponent };
}
