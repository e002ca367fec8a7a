// Kubernetes resource.Quantity as an exact decimal (mantissa × 10^exponent, bigint), with the
// apimachinery semantics that show in KubeVirt's output: the format remembered from parsing,
// Add/Sub keeping the receiver's format (or taking the other's when the receiver is zero), and
// Value()/ScaledValue() rounding up.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent' | '';

export interface Quantity {
  /** The value is `mantissa × 10^exponent`. */
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
  /** The text kept from parsing when apimachinery keeps it (it then serialises verbatim). */
  readonly text?: string;
}

/** The zero value of the Go struct (`resource.Quantity{}`): no format yet. */
export const ZERO_QUANTITY: Quantity = { mantissa: 0n, exponent: 0, format: '' };

/** resource.NewQuantity(value, format). */
export function newQuantity(value: bigint | number, format: QuantityFormat): Quantity {
  return { mantissa: BigInt(value), exponent: 0, format };
}

/** resource.NewScaledQuantity(value, scale): DecimalSI. */
export function newScaledQuantity(value: bigint | number, scale: number): Quantity {
  return { mantissa: BigInt(value), exponent: scale, format: 'DecimalSI' };
}

/** resource.NewMilliQuantity(value, format). */
export function newMilliQuantity(value: bigint | number, format: QuantityFormat): Quantity {
  return { mantissa: BigInt(value), exponent: -3, format };
}

export function isZero(q: Quantity): boolean {
  return q.mantissa === 0n;
}

export function sign(q: Quantity): -1 | 0 | 1 {
  return q.mantissa === 0n ? 0 : q.mantissa > 0n ? 1 : -1;
}

/** 10^0 … 10^40: quantity arithmetic aligns exponents on every add, compare and Value(). */
const POW10: readonly bigint[] = Array.from({ length: 41 }, (_, i) => 10n ** BigInt(i));
const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

/** Both values on the smaller exponent, exactly. */
function aligned(a: Quantity, b: Quantity): { a: bigint; b: bigint; exponent: number } {
  const e = Math.min(a.exponent, b.exponent);
  return { a: a.mantissa * pow10(a.exponent - e), b: b.mantissa * pow10(b.exponent - e), exponent: e };
}

/** q.Add(y): the format is q's unless q is zero, then y's. The parsed text is dropped. */
export function add(q: Quantity, y: Quantity): Quantity {
  const { a, b, exponent } = aligned(q, y);
  return { mantissa: a + b, exponent, format: isZero(q) ? y.format : q.format };
}

/** q.Sub(y), with Add's format rule. */
export function sub(q: Quantity, y: Quantity): Quantity {
  const { a, b, exponent } = aligned(q, y);
  return { mantissa: a - b, exponent, format: isZero(q) ? y.format : q.format };
}

export function cmp(q: Quantity, y: Quantity): -1 | 0 | 1 {
  const { a, b } = aligned(q, y);
  return a === b ? 0 : a < b ? -1 : 1;
}

/** ceil(q / 10^scale), rounding away from zero (int64Amount.AsScaledInt64). */
export function scaledValue(q: Quantity, scale: number): bigint {
  const shift = q.exponent - scale;
  if (shift >= 0) return q.mantissa * pow10(shift);
  const d = pow10(-shift);
  const quotient = q.mantissa / d; // truncates toward zero
  if (quotient * d === q.mantissa) return quotient;
  return q.mantissa > 0n ? quotient + 1n : quotient - 1n;
}

/** q.Value(): the integer value rounded up. */
export function value(q: Quantity): bigint {
  return scaledValue(q, 0);
}

/** q.MilliValue(). */
export function milliValue(q: Quantity): bigint {
  return scaledValue(q, -3);
}

/** The value as mantissa/exponent with all factors of ten moved into the exponent. */
export function normalized(q: Quantity): { mantissa: bigint; exponent: number } {
  let m = q.mantissa;
  let e = q.exponent;
  if (m === 0n) return { mantissa: 0n, exponent: 0 };
  while (m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  return { mantissa: m, exponent: e };
}
