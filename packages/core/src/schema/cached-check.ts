// One field check per parsed object and KubeVirt version: the reader, admit() and lint share it.

import type { KnownKind } from '../parse/kinds.js';
import type { VersionKey } from '../profile/versions.js';
import { checkFields, type FieldCheck } from './check-fields.js';
import { rootSchema } from './field-schema.js';

const cache = new WeakMap<object, Partial<Record<VersionKey, FieldCheck | null>>>();

/** The field check of one object, or null when its kind/apiVersion has no KubeVirt schema. */
export function fieldCheck(kind: KnownKind, apiVersion: string, value: Record<string, unknown>, version: VersionKey): FieldCheck | null {
  let byVersion = cache.get(value);
  if (!byVersion) cache.set(value, (byVersion = {}));
  let check = byVersion[version];
  if (check === undefined) {
    const root = rootSchema(kind, apiVersion, version);
    byVersion[version] = check = root ? checkFields(root, value) : null;
  }
  return check;
}
