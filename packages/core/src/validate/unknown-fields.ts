// The API server's strict field validation (kubectl's default since 1.27): an unknown field in a
// KubeVirt object is refused before any webhook sees it. apiextensions-apiserver prunes the object
// against the CRD schema and reports every pruned path, joined into one strict decoding error.

import type { UnknownField } from '../schema/check-fields.js';
import type { AdmissionCause } from './cause.js';

/** One cause per unknown field: `unknown field "spec.template.spec.domain.devcies"`. */
export function unknownFieldCauses(unknown: readonly UnknownField[]): AdmissionCause[] {
  return unknown.map((u) => ({ type: 'FieldValueUnknown', field: u.printed, message: `unknown field "${u.printed}"`, at: [...u.path] }));
}

/** runtime.strictDecodingError's text, as the API server returns it. */
export function strictDecodingMessage(causes: readonly AdmissionCause[]): string {
  return `strict decoding error: ${causes.map((c) => c.message).join(', ')}`;
}

/** The schema's closest name, for a did-you-mean next to the cause (not part of KubeVirt's text). */
export function didYouMean(u: UnknownField): string {
  return u.suggestion ? ` (did you mean "${u.suggestion}"?)` : '';
}
