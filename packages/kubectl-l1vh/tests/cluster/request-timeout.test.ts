// kubectl's --request-timeout syntax (k8s.io/cli-runtime: "0", plain seconds, Go durations).
import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_MS, parseRequestTimeout } from '../../src/cluster/request-timeout.js';

describe('parseRequestTimeout', () => {
  it.each([
    ['0', 0],
    ['5', 5000],
    ['30s', 30_000],
    ['1m', 60_000],
    ['1m30s', 90_000],
    ['250ms', 250],
    ['1.5s', 1500],
    ['2h', 7_200_000],
  ])('%s → %i ms', (text, ms) => {
    expect(parseRequestTimeout(text)).toEqual({ ms });
  });

  it('defaults to a bounded timeout when absent', () => {
    expect(parseRequestTimeout(undefined)).toEqual({ ms: DEFAULT_REQUEST_TIMEOUT_MS });
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBeGreaterThan(0);
  });

  it.each(['', 'soon', '5 s', '-1s', '1d', 's'])('rejects %j', (text) => {
    expect(parseRequestTimeout(text)).toHaveProperty('error');
  });
});
