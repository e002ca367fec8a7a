// Go's fmt.Sprintf("%g", x) for float64, which virt-controller uses to print CPU requests.
import { describe, expect, it } from 'vitest';
import { formatGoG } from '../../src/resources/go-format.js';

describe('formatGoG', () => {
  it.each([
    [0.5, '0.5'],
    [5, '5'],
    [100, '100'],
    [123456, '123456'],
    [1e6, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [333.3333333333333, '333.3333333333333'],
    [2.5, '2.5'],
    [1e21, '1e+21'],
    [-1.5, '-1.5'],
  ])('%s → %s', (x, want) => {
    expect(formatGoG(x)).toBe(want);
  });
});
