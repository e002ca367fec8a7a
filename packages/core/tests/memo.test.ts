// The bounded memo behind the per-VM caches (quantities, glob patterns, %g texts).
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../src/memo.js';

describe('boundedMemo', () => {
  it('computes each key once, null results included', () => {
    const calls: string[] = [];
    const m = boundedMemo(8, (k: string) => (calls.push(k), k === 'none' ? null : { k }));
    const first = m('a');
    expect(m('a')).toBe(first);
    expect(m('none')).toBeNull();
    expect(m('none')).toBeNull();
    expect(calls).toEqual(['a', 'none']);
  });

  it('drops every result when full, then fills again', () => {
    const calls: number[] = [];
    const m = boundedMemo(2, (k: number) => (calls.push(k), k * 2));
    expect([m(1), m(2), m(1), m(3), m(1), m(3)]).toEqual([2, 4, 2, 6, 2, 6]);
    expect(calls).toEqual([1, 2, 3, 1]);
  });
});
