import { describe, expect, it } from 'vitest';
import { deepClone } from '../../src/clone.js';

describe('deepClone', () => {
  it('copies like structuredClone, sharing nothing', () => {
    const value: Record<string, unknown> = {
      spec: { domain: { devices: { disks: [{ name: 'a', disk: { bus: 'virtio' } }, null] } }, n: 0, f: false, u: undefined },
      when: new Date(0),
      list: [1, 'x', [true, { deep: { er: 1 } }]],
    };
    Object.defineProperty(value, '__proto__', { value: { data: 1 }, enumerable: true, writable: true, configurable: true });
    const copy = deepClone(value);
    expect(copy).toStrictEqual(structuredClone(value));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(Object.keys(value));
    (copy.spec as { domain: { devices: { disks: { name: string }[] } } }).domain.devices.disks[0]!.name = 'changed';
    expect((value.spec as { domain: { devices: { disks: { name: string }[] } } }).domain.devices.disks[0]!.name).toBe('a');
    expect(copy.when).not.toBe(value.when);
  });
});
