// The decision trace is data: formatters and hovers render it, core never logs.

import type { ManifestObject } from '../parse/read-objects.js';
import type { PathSegment } from '../parse/position-index.js';

/** A field of an input object; positions are resolved only when a report needs them. */
export interface FieldRef {
  object: ManifestObject | undefined;
  path: PathSegment[];
  /** Shown when the object is built-in or the field is absent (e.g. "KubeVirt default"). */
  label?: string;
}

export interface TraceStep {
  /** Stable id of the rule that fired (see docs/hyperv-l1vh.md). */
  rule: string;
  /** Short outcome, e.g. "enabled", "mshv", "ineligible". */
  outcome: string;
  /** One sentence a user can read. */
  reason: string;
  at?: FieldRef;
}
