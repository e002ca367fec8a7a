// Entry point for what is refused before validation: unknown fields (the API server, stage
// `schema`) and values that do not decode into KubeVirt's Go types (stage `decode`). One walk per
// object and KubeVirt version (schema/cached-check.ts): read-objects, admit() and lint share it.

import type { Finding } from '../findings.js';
import { finding } from '../parse/object-ref.js';
import type { ManifestObject } from '../parse/read-objects.js';
import type { VersionKey } from '../profile/versions.js';
import { goReportedFailure } from '../schema/check-fields.js';
import { fieldCheck } from '../schema/cached-check.js';
import type { Rejection } from './cause.js';
import { decodeCause } from './decode.js';
import { didYouMean, unknownFieldCauses } from './unknown-fields.js';

export interface FieldRejections {
  /** Unknown fields: the API server refuses the object (stage `schema`). */
  schema?: Rejection;
  /** What the webhook's JSON decoding reports (stage `decode`): one cause, as Go returns one error. */
  decode?: Rejection;
}

export function fieldRejections(obj: Pick<ManifestObject, 'kind' | 'apiVersion' | 'value'>, version: VersionKey): FieldRejections {
  const check = fieldCheck(obj.kind, obj.apiVersion, obj.value, version);
  if (!check) return {};
  const out: FieldRejections = {};
  if (check.unknown.length > 0) out.schema = { stage: 'schema', causes: unknownFieldCauses(check.unknown) };
  const failure = goReportedFailure(check.decode);
  if (failure) out.decode = { stage: 'decode', causes: [decodeCause(failure)] };
  return out;
}

/** Finding codes of {@link fieldFindings}. */
export const UNKNOWN_FIELD = 'unknown-field';
export const DECODE_ERROR = 'decode-error';

/**
 * Findings for any KubeVirt object (VMs, instancetypes, preferences, the KubeVirt CR): each unknown
 * field with a did-you-mean, and each value KubeVirt cannot decode, at its field.
 */
export function fieldFindings(obj: ManifestObject, version: VersionKey): Finding[] {
  const check = fieldCheck(obj.kind, obj.apiVersion, obj.value, version);
  if (!check) return [];
  const out: Finding[] = [];
  for (const u of check.unknown) out.push(finding(obj.source, u.path, UNKNOWN_FIELD, `unknown field "${u.printed}"${didYouMean(u)}`));
  for (const d of check.decode) out.push(finding(obj.source, d.path, DECODE_ERROR, d.message));
  return out;
}
