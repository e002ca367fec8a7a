// The VM controller's stable firmware UUID (watch/vm/firmware.go CalculateLegacyUUID): a
// name-based (SHA-1, v5) UUID of the VM name. l1vh also uses it as the stand-in for the random
// UUID KubeVirt assigns at creation, as the golden vectors do.

import { v5 as uuidv5 } from 'uuid';

const LEGACY_UUID_NAMESPACE = '6a1a24a1-4061-4607-8bf4-a3963d0c5895';

export function legacyFirmwareUuid(name: string): string {
  return uuidv5(name, LEGACY_UUID_NAMESPACE);
}
