// The version table drives the keys and the mapping from observedKubeVirtVersion.
import { describe, expect, it } from 'vitest';
import { VERSION_KEYS, VERSION_TRAITS, versionKeyOf } from '../../src/profile/versions.js';

describe('version table', () => {
  it('lists its rows, oldest first, main last', () => {
    expect(VERSION_KEYS).toEqual(['v1.8', 'v1.9', 'main']);
    expect(VERSION_KEYS.map((k) => VERSION_TRAITS[k].release)).toEqual(['1.8', '1.9', null]);
  });

  it.each([
    ['v1.8.4', 'v1.8'],
    ['v1.7.2', 'v1.8'],
    ['v1.9.0', 'v1.9'],
    ['1.9.1', 'v1.9'],
    ['v1.10.0-alpha.0', 'main'],
    ['v1.10.3', 'main'],
    ['v2.0.0', 'main'],
    ['not-a-version', 'main'],
    [undefined, 'main'],
  ] as const)('observed %s → %s', (observed, key) => {
    expect(versionKeyOf(observed)).toBe(key);
  });
});
