// Cases from apimachinery's own pkg/api/resource/quantity_test.go (TestQuantityParse,
// TestQuantityString, TestQuantityParseEmit, TestNewSet, TestNewScaledSet, TestScaledValue,
// TestAdd, TestSub, TestQuantityAddZeroPreservesSuffix), plus KubeVirt's documented sums.
import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  formatQuantity,
  milliValue,
  mustParse,
  newMilliQuantity,
  newQuantity,
  newScaledQuantity,
  parseQuantity,
  scaledValue,
  sub,
  value,
  ZERO_QUANTITY,
  type Quantity,
  type QuantityFormat,
} from '../../src/quantity/index.js';

const dec = (m: bigint | number, e: number, format: QuantityFormat): Quantity => ({ mantissa: BigInt(m), exponent: e, format });

describe('parseQuantity (TestQuantityParse)', () => {
  const table: [string, Quantity][] = [
    ['0', dec(0, 0, 'DecimalSI')],
    ['0n', dec(0, 0, 'DecimalSI')],
    ['0Ki', dec(0, 0, 'BinarySI')],
    ['0Mi', dec(0, 0, 'BinarySI')],
    ['0T', dec(0, 0, 'DecimalSI')],
    ['1', dec(1, 0, 'DecimalSI')],
    ['1Ki', dec(1024, 0, 'BinarySI')],
    ['8Ki', dec(8 * 1024, 0, 'BinarySI')],
    ['7Mi', dec(7 * 1024 * 1024, 0, 'BinarySI')],
    ['6Gi', dec(6 * 1024 ** 3, 0, 'BinarySI')],
    ['5Ti', dec(5 * 1024 ** 4, 0, 'BinarySI')],
    ['4Pi', dec(4n * 1024n ** 5n, 0, 'BinarySI')],
    ['3Ei', dec(3n * 1024n ** 6n, 0, 'BinarySI')],
    ['100Ti', dec(100 * 1024 ** 4, 0, 'BinarySI')],
    ['5n', dec(5, -9, 'DecimalSI')],
    ['4u', dec(4, -6, 'DecimalSI')],
    ['3m', dec(3, -3, 'DecimalSI')],
    ['8k', dec(8, 3, 'DecimalSI')],
    ['50k', dec(5, 4, 'DecimalSI')],
    ['7M', dec(7, 6, 'DecimalSI')],
    ['6G', dec(6, 9, 'DecimalSI')],
    ['40T', dec(4, 13, 'DecimalSI')],
    ['2P', dec(2, 15, 'DecimalSI')],
    ['1E', dec(1, 18, 'DecimalSI')],
    ['1E-3', dec(1, -3, 'DecimalExponent')],
    ['1e3', dec(1, 3, 'DecimalExponent')],
    ['1E18', dec(1, 18, 'DecimalExponent')],
    ['1e13', dec(1, 13, 'DecimalExponent')],
    ['100.035k', dec(100035, 0, 'DecimalSI')],
    ['0.001', dec(1, -3, 'DecimalSI')],
    ['0.0005k', dec(5, -1, 'DecimalSI')],
    ['0.5', dec(5, -1, 'DecimalSI')],
    ['0.00050k', dec(5, -1, 'DecimalSI')],
    ['0.5e-2', dec(5, -3, 'DecimalExponent')],
    ['10.035M', dec(10035, 3, 'DecimalSI')],
    ['1.3E+6', dec(13, 5, 'DecimalExponent')],
    ['1.53E12', dec(153, 10, 'DecimalExponent')],
    ['6.987654321G', dec(6987654321, 0, 'DecimalSI')],
    ['1.01E', dec(101, 16, 'DecimalSI')],
    ['3.001n', dec(4, -9, 'DecimalSI')],
    ['1.1E-9', dec(2, -9, 'DecimalExponent')],
    ['0.0000000001', dec(1, -9, 'DecimalSI')],
    ['0.5e-9', dec(1, -9, 'DecimalExponent')],
    ['0.00000012345', dec(124, -9, 'DecimalSI')],
    ['9Ei', dec(9223372036854775807n, 0, 'BinarySI')],
    ['9223372036854775807Ki', dec(9223372036854775807n, 0, 'BinarySI')],
    ['12E', dec(12, 18, 'DecimalSI')],
    ['100.035Ki', dec(10243584, -2, 'BinarySI')],
    ['0.5Mi', dec(512 * 1024, 0, 'BinarySI')],
    ['0.05Gi', dec(536870912, -1, 'BinarySI')],
    ['0.000000000001Ki', dec(2, -9, 'DecimalSI')],
    ['.001', dec(1, -3, 'DecimalSI')],
    ['.0001k', dec(100, -3, 'DecimalSI')],
    ['1.', dec(1, 0, 'DecimalSI')],
    ['1.G', dec(1, 9, 'DecimalSI')],
  ];
  for (const [input, expected] of table) {
    it(`${input}`, () => {
      for (const prefix of ['', '+', '-']) {
        const r = parseQuantity(prefix + input);
        expect(r.ok).toBe(true);
        if (!r.ok) continue;
        const want = prefix === '-' ? { ...expected, mantissa: -expected.mantissa } : expected;
        expect(cmp(r.quantity, want)).toBe(0);
        expect(r.quantity.format).toBe(expected.format);
      }
    });
  }
  it('rejects what apimachinery rejects', () => {
    for (const bad of ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', '1e4294967297', ' 1', '1 ']) {
      expect(parseQuantity(bad).ok, bad).toBe(false);
    }
  });
});

describe('formatQuantity (TestQuantityString, TestQuantityParseEmit)', () => {
  const table: [Quantity, string, string][] = [
    [dec(1024 ** 3, 0, 'BinarySI'), '1Gi', '1024Mi'],
    [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
    [dec(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
    [dec(1001 * 1024 ** 3, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
    [dec(1024 ** 4, 0, 'BinarySI'), '1Ti', '1024Gi'],
    [dec(5, 0, 'BinarySI'), '5', '5000m'],
    [dec(500, -3, 'BinarySI'), '500m', '0.5'],
    [dec(1, 9, 'DecimalSI'), '1G', '1000M'],
    [dec(1000, 6, 'DecimalSI'), '1G', '0.001T'],
    [dec(1000000000, 0, 'DecimalSI'), '1G', ''],
    [dec(1, -3, 'DecimalSI'), '1m', '1000u'],
    [dec(80, -3, 'DecimalSI'), '80m', ''],
    [dec(1080, -3, 'DecimalSI'), '1080m', '1.08'],
    [dec(108, -2, 'DecimalSI'), '1080m', '1080000000n'],
    [dec(10800, -4, 'DecimalSI'), '1080m', ''],
    [dec(300, 6, 'DecimalSI'), '300M', ''],
    [dec(1, 12, 'DecimalSI'), '1T', ''],
    [dec(1, 18, 'DecimalSI'), '1E', ''],
    [dec(1234567, 6, 'DecimalSI'), '1234567M', ''],
    [dec(1234567, -3, 'BinarySI'), '1234567m', ''],
    [dec(3, 3, 'DecimalSI'), '3k', ''],
    [dec(1025, 0, 'BinarySI'), '1025', ''],
    [dec(0, 0, 'DecimalSI'), '0', ''],
    [dec(0, 0, 'BinarySI'), '0', ''],
    [dec(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
    [dec(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
    [dec(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
    [dec(80, -3, 'DecimalExponent'), '80e-3', ''],
    [dec(300, 6, 'DecimalExponent'), '300e6', ''],
    [dec(3, 3, 'DecimalExponent'), '3e3', ''],
    [dec(0, 0, 'DecimalExponent'), '0', '00'],
    [dec(1, -9, 'DecimalSI'), '1n', ''],
    [dec(108, -8, 'DecimalSI'), '1080n', ''],
    [dec(10800, -10, 'DecimalSI'), '1080n', ''],
    [dec(1080, -6, 'DecimalSI'), '1080u', ''],
  ];
  for (const [q, expected, alternate] of table) {
    it(`${expected}${alternate ? ` (from ${alternate})` : ''}`, () => {
      expect(formatQuantity(q)).toBe(expected);
      if (q.mantissa !== 0n) expect(formatQuantity({ ...q, mantissa: -q.mantissa })).toBe(`-${expected}`);
      // Parsing the canonical string keeps it verbatim; parsing the alternate does not.
      const parsed = parseQuantity(expected);
      expect(parsed.ok && parsed.quantity.text).toBe(expected);
      if (alternate) {
        const alt = parseQuantity(alternate);
        expect(alt.ok && alt.quantity.text).toBeUndefined();
        expect(alt.ok && formatQuantity(alt.quantity)).toBe(expected);
      }
    });
  }
  it('re-emits parsed input canonically (TestQuantityParseEmit)', () => {
    const table: [string, string][] = [
      ['1Ki', '1Ki'],
      ['1024Mi', '1Gi'],
      ['1000M', '1G'],
      ['.001Ki', '1024m'],
      ['.000001Ki', '1024u'],
      ['.000000001Ki', '1024n'],
      ['.000000000001Ki', '2n'],
    ];
    for (const [input, out] of table) {
      expect(formatQuantity(mustParse(input))).toBe(out);
      expect(formatQuantity(mustParse('-' + input))).toBe('-' + out);
    }
  });
  it('formats constructors like NewQuantity/NewMilliQuantity/NewScaledQuantity', () => {
    expect(formatQuantity(newQuantity(1000, 'DecimalSI'))).toBe('1k');
    expect(formatQuantity(newQuantity(1234000, 'DecimalSI'))).toBe('1234k');
    expect(formatQuantity(newQuantity(1024, 'BinarySI'))).toBe('1Ki');
    expect(formatQuantity(newQuantity(1024 * 1024, 'BinarySI'))).toBe('1Mi');
    expect(formatQuantity(newMilliQuantity(1, 'DecimalSI'))).toBe('1m');
    expect(formatQuantity(newMilliQuantity(1234000, 'DecimalSI'))).toBe('1234');
    expect(formatQuantity(newMilliQuantity(1024, 'BinarySI'))).toBe('1024m');
    expect(formatQuantity(newMilliQuantity(1024 * 1024, 'BinarySI'))).toBe('1048576m');
    expect(formatQuantity(newScaledQuantity(1000, -9))).toBe('1u');
    expect(formatQuantity(newScaledQuantity(1000, -6))).toBe('1m');
    expect(formatQuantity(newScaledQuantity(0, -3))).toBe('0');
  });
});

describe('arithmetic', () => {
  it('ScaledValue rounds up (TestScaledValue, TestQuantityRoundUp)', () => {
    const table: [number, number, bigint][] = [
      [-9, -9, 1n], [-9, -6, 1n], [-9, 0, 1n], [-6, -9, 1000n], [-3, 0, 1n], [0, -9, 1000000000n], [0, -3, 1000n], [2, -2, 10000n],
    ];
    for (const [from, to, want] of table) expect(scaledValue(newScaledQuantity(1, from), to)).toBe(want);
    expect(value(mustParse('9.01'))).toBe(10n);
    expect(value(mustParse('-9.01'))).toBe(-10n);
    expect(value(mustParse('1500m'))).toBe(2n);
    expect(milliValue(mustParse('1500m'))).toBe(1500n);
    expect(value(mustParse('9.5000000001Gi'))).toBe(10200547329n);
  });
  it('Add and Sub keep the receiver format unless it is zero (TestAdd, TestSub)', () => {
    expect(cmp(add(dec(10, 0, 'DecimalSI'), dec(1, 1, 'DecimalSI')), dec(20, 0, 'DecimalSI'))).toBe(0);
    expect(add(dec(10, 0, 'DecimalSI'), dec(1, 0, 'BinarySI')).format).toBe('DecimalSI');
    expect(add(dec(10, 0, 'BinarySI'), dec(1, 0, 'DecimalSI')).format).toBe('BinarySI');
    expect(cmp(sub(dec(10, 0, 'BinarySI'), dec(1, 0, 'DecimalSI')), dec(9, 0, 'BinarySI'))).toBe(0);
    expect(cmp(sub({ ...ZERO_QUANTITY, format: 'DecimalSI' }, dec(50, 0, 'DecimalSI')), dec(-50, 0, 'DecimalSI'))).toBe(0);
    for (const v of ['100m', '1Gi']) {
      expect(formatQuantity(add(mustParse(v), mustParse('0')))).toBe(v);
      expect(formatQuantity(add(mustParse('0'), mustParse(v)))).toBe(v);
      expect(formatQuantity(sub(mustParse('0'), mustParse(v)))).toBe('-' + v);
    }
  });
  it('prints the sums documented for KubeVirt (2Gi + 292Mi, 1G + overhead)', () => {
    expect(formatQuantity(add(mustParse('2Gi'), mustParse('292Mi')))).toBe('2340Mi');
    expect(formatQuantity(add(mustParse('1G'), newQuantity(303943013, 'BinarySI')))).toBe('1303943013');
    expect(formatQuantity(add(ZERO_QUANTITY, mustParse('50M')))).toBe('50M');
  });
});

describe('serialisation keeps parsed text only where apimachinery does (ParseQuantity fast path)', () => {
  it.each([
    ['2Gi', '2Gi'],
    ['2048Mi', '2Gi'],
    ['1025Ki', '1025Ki'],
    ['1.5', '1500m'],
    ['1.500', '1.500'],
    ['100m', '100m'],
    ['1000m', '1'],
    ['1.5Gi', '1536Mi'],
    ['010', '010'],
    ['+5Mi', '+5Mi'],
    ['50M', '50M'],
  ])('%s → %s', (input, out) => {
    expect(formatQuantity(mustParse(input))).toBe(out);
  });
});

