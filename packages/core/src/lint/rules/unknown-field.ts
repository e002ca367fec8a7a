// Unknown fields in KubeVirt objects: the API server's strict field validation (kubectl's default
// since 1.27) refuses the object, and without it the field is silently dropped. Checked against
// KubeVirt's own field table for the profile's KubeVirt version (src/schema), with the closest
// known sibling as a did-you-mean (the editor's quick fix renames the key).

import { fieldCheck } from '../../schema/cached-check.js';
import { defineRule } from '../rule.js';
import { MISSPELLED_KEYS } from './ignored-kubevirt-setting.js';

/** KubeVirt CR keys ignored-kubevirt-setting already reports, with a better hint. */
const COVERED = new Set(MISSPELLED_KEYS.map((k) => ['spec', 'configuration', ...k.path].join('.')));

export default defineRule({
  id: 'unknown-field',
  scope: 'object',
  meta: {
    severity: 'error',
    description: 'A field KubeVirt does not have: the API server refuses the object (strict field validation).',
    messages: {
      unknown: 'unknown field "{{field}}": the API server refuses this {{kind}} (strict field validation)',
      didYouMean: 'unknown field "{{field}}" (did you mean "{{suggestion}}"?): the API server refuses this {{kind}} (strict field validation)',
    },
  },
  check({ subject: obj, profile, report }) {
    const check = fieldCheck(obj.kind, obj.apiVersion, obj.value, profile.version);
    if (!check) return;
    for (const u of check.unknown) {
      if (obj.kind === 'KubeVirt' && COVERED.has(u.printed)) continue;
      if (u.suggestion) report({ messageId: 'didYouMean', path: u.path, data: { field: u.printed, suggestion: u.suggestion, kind: obj.kind } });
      else report({ messageId: 'unknown', path: u.path, data: { field: u.printed, kind: obj.kind } });
    }
  },
});
