import { v5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { legacyFirmwareUuid, nameBasedUuid } from '../../src/defaults/legacy-firmware-uuid.js';

const DNS_NAMESPACE = Uint8Array.from('6ba7b8109dad11d180b400c04fd430c8'.match(/../g)!, (h) => parseInt(h, 16));

describe('name-based (v5) UUIDs', () => {
  it('gives RFC 9562 Appendix A.4 example', () => {
    expect(nameBasedUuid(DNS_NAMESPACE, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('agrees with the uuid package on names of every SHA-1 block boundary, and non-ASCII', () => {
    const names = ['', 'a', 'ünïcödé-😀-名前', ...Array.from({ length: 140 }, (_, i) => `vm-${'x'.repeat(i)}`)];
    for (const name of names) expect(legacyFirmwareUuid(name), name).toBe(v5(name, '6a1a24a1-4061-4607-8bf4-a3963d0c5895'));
  });
});
