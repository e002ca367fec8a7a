// Decoding: KubeVirt's webhooks json.Unmarshal the object into its Go types first
// (webhooks.GetVMFromAdmissionReview / GetVMIFromAdmissionReview); a value that does not fit (-1
// or 2^32 for a uint32, a string for an integer, a malformed quantity) fails the request with
// encoding/json's error and no field. The cause keeps that text and names the field it is about.

import type { DecodeFailure } from '../schema/check-fields.js';
import { printPath } from '../schema/check-fields.js';
import type { AdmissionCause } from './cause.js';

export function decodeCause(f: DecodeFailure): AdmissionCause {
  return { type: 'FieldValueTypeInvalid', field: printPath(f.path), message: f.message, at: [...f.path] };
}
