// The VM controller's stable firmware UUID (watch/vm/firmware.go CalculateLegacyUUID): a
// name-based (SHA-1, v5) UUID of the VM name. l1vh also uses it as the stand-in for the random
// UUID KubeVirt assigns at creation, as the golden vectors do.

import { sha1 } from './sha1.js';

const LEGACY_UUID_NAMESPACE = '6a1a24a1-4061-4607-8bf4-a3963d0c5895';
const NAMESPACE_BYTES = Uint8Array.from(LEGACY_UUID_NAMESPACE.replace(/-/g, '').match(/../g)!, (h) => parseInt(h, 16));
const utf8 = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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
  for (let i = 0; i < 16; i++) s += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[b[i]!];
  return s;
}
