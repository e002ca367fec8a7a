// The two readings of a Kubernetes quantity the converter needs: resource.Quantity.Value()
// (rounded up to an integer) for CPU counts, and vcpu.QuantityToByte for memory (bytes; a
// non-integral byte count becomes ceil − 1, KubeVirt's quirk). Exact with BigInt; null when
// the string is not a quantity.

import type { Quantity } from '../api/k8s-types.js';

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** value = num / den exactly. */
interface Fraction { num: bigint; den: bigint }

function parse(q: Quantity | undefined): Fraction | null {
  if (q === undefined || q === null) return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(String(q).trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  let num = BigInt((m[2] || '0') + frac);
  let den = 10n ** BigInt(frac.length);
  if (m[1] === '-') num = -num;
  const suffix = m[4] ?? '';
  if (suffix in BINARY) num *= BINARY[suffix]!;
  else {
    const exp = m[5] !== undefined ? Number(m[5]) : DECIMAL_EXP[suffix]!;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return { num, den };
}

/** resource.Quantity.Value(): the value rounded up (away from zero) to an integer. */
export function quantityValue(q: Quantity | undefined): number | null {
  const f = parse(q);
  if (!f) return null;
  const whole = f.num / f.den;
  return Number(f.num % f.den === 0n || f.num < 0n ? whole : whole + 1n);
}

/** vcpu.QuantityToByte: integral values as is, otherwise ceil − 1 (i.e. floor). */
export function quantityBytes(q: Quantity | undefined): bigint | null {
  const f = parse(q);
  if (!f) return null;
  return f.num / f.den; // BigInt division truncates: ceil(x) − 1 == floor(x) for non-integral x > 0
}
