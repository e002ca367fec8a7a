// The VM controller's stable firmware UUID (watch/vm/firmware.go CalculateLegacyUUID): a
// name-based (SHA-1, v5) UUID of the VM name. l1vh also uses it as the stand-in for the random
// UUID KubeVirt assigns at creation, as the golden vectors do.

import { sha1 } from './sha1.js';

/** 6a1a24a1-4061-4607-8bf4-a3963d0c5895 as bytes (written out: building it costs a cold start ~0.1 ms). */
const NAMESPACE_BYTES = Uint8Array.of(0x6a, 0x1a, 0x24, 0xa1, 0x40, 0x61, 0x46, 0x07, 0x8b, 0xf4, 0xa3, 0x96, 0x3d, 0x0c, 0x58, 0x95);
const utf8 = new TextEncoder();
const HEX_DIGITS = '0123456789abcdef';

export function legacyFirmwareUuid(name: string): string {
  return nameBasedUuid(NAMESPACE_BYTES, name);
}

/** RFC 9562 UUIDv5: SHA-1 of namespace + UTF-8 name, version 5, variant 10. */
export function nameBasedUuid(namespace: Uint8Array, name: string): string {
  const nameBytes = utf8.encode(name);
  const input = new Uint8Array(namespace.length + nameBytes.length);
  input.set(namespace);
  input.set(nameBytes, namespace.length);
  const b = sha1(input);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let s = '';
  for (let i = 0; i < 16; i++) s += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX_DIGITS[b[i]! >> 4] + HEX_DIGITS[b[i]! & 15];
  return s;
}
