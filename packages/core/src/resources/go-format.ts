// Go's fmt "%g" for a float64 (strconv 'g' with the shortest precision): exponent form when the
// decimal exponent is < -4 or >= 21 would be JS; Go switches at >= 6 for shortest output.

import { boundedMemo } from '../memo.js';

export function formatGoG(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  return formatMemo(x);
}

/** Texts by value: the renderer formats the same few vCPU/ratio quotients for every VM. */
const formatMemo = boundedMemo(1024, formatFinite);

function formatFinite(x: number): string {
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const negative = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length);
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return negative ? `-${out}` : out;
}
