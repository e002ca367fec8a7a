// Quantities with extreme exponents, found by `pnpm fuzz`: exact bigint arithmetic on 10^exponent
// once threw RangeError ("1e-2000000000") or stalled admission for minutes ("1e4000000"). Tiny
// values round up to one nano as apimachinery does; huge ones meet a preview limit (docs/limits.md).
import { describe, expect, it } from 'vitest';
import { cmpQuantity, explainAll, lintSources, loadObjects, loadProfile, parseQuantity, quantityValue } from '../../src/index.js';
import { MAX_QUANTITY_DIGITS } from '../../src/quantity/parse.js';

const vm = (guest: string): string => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: big}
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        memory: {guest: "${guest}"}
        devices: {}
`;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('quantities with extreme exponents', () => {
  it('rounds any positive value below one nano up to 1n, whatever the exponent', () => {
    for (const text of ['1e-2000000000', '0.5e-2147483647', '1e-10']) {
      const r = timed(() => parseQuantity(text));
      expect(r.ms).toBeLessThan(50);
      expect(r.value.ok && { m: r.value.quantity.mantissa, e: r.value.quantity.exponent }).toEqual({ m: 1n, e: -9 });
    }
    const neg = parseQuantity('-1e-2000000000');
    expect(neg.ok && neg.quantity.mantissa).toBe(-1n);
  });

  it('reads a zero with a huge exponent as zero and compares it cheaply', () => {
    const zero = parseQuantity('0e2000000000');
    const two = parseQuantity('2Gi');
    expect(zero.ok && two.ok).toBe(true);
    if (!zero.ok || !two.ok) return;
    expect(quantityValue(zero.quantity)).toBe(0n);
    expect(timed(() => cmpQuantity(zero.quantity, two.quantity)).value).toBe(-1);
  });

  it(`refuses values of 10^${MAX_QUANTITY_DIGITS} and more as a preview limit, accepts just below`, () => {
    for (const text of ['1e40', '1e4000000', '10000000000000000000000000000000000000000', '1e2147483647', '9999999999999999999999Ei']) {
      const r = timed(() => parseQuantity(text));
      expect(r.ms).toBeLessThan(50);
      expect(r.value.ok ? 'ok' : r.value.error, text).toBe('limit');
    }
    const below = parseQuantity('9.9e39');
    expect(below.ok && quantityValue(below.quantity)).toBe(99n * 10n ** 38n);
  });

  it('reports a guest memory of 1e4000000 at the field and processes the file in bounded time', () => {
    const text = vm('1e4000000');
    const profile = loadProfile([]).profile;
    const r = timed(() => {
      const loaded = loadObjects([{ path: 'big.yaml', text }]);
      explainAll(loaded.objects, profile);
      lintSources([{ path: 'big.yaml', text }], profile);
      return loaded;
    });
    expect(r.ms).toBeLessThan(1000);
    const f = r.value.findings.find((x) => x.code === 'WRONG_TYPE');
    expect(f?.message).toMatch(/spec\.template\.spec\.domain\.memory\.guest: .*preview limit/);
    const line = text.slice(f!.range!.start).split('\n')[0];
    expect(line).toMatch(/^guest: "1e4000000"/);
  });

  it('explains a VM whose guest memory is below one nano without throwing', () => {
    const loaded = loadObjects([{ path: 'tiny.yaml', text: vm('1e-2000000000') }]);
    expect(loaded.findings).toEqual([]);
    const [e] = timed(() => explainAll(loaded.objects, loadProfile([]).profile)).value;
    expect(e).toBeDefined();
  });
});
