// KubeVirt refuses to apply an instancetype or preference: a VM field conflicts with the
// instancetype, or a preference requirement is not met (pkg/instancetype/conflict,
// pkg/instancetype/preference/requirements). Reported at the conflicting fields when named.

import { parseFieldPath } from '../../instancetype/conflicts.js';
import { defineRule } from '../rule.js';

/** "VM field(s) spec.template.spec.domain.cpu.sockets, spec.… conflicts with selected instance type". */
const CONFLICT_FIELDS = /VM field\(s\) (.+?) conflicts? with/;

export default defineRule({
  id: 'instancetype-conflict',
  scope: 'vm',
  meta: {
    severity: 'error',
    description: 'The instancetype or preference cannot be applied to the VM (admission rejects it).',
    messages: {
      fieldConflict: '{{field}} conflicts with the selected instancetype: remove it from the VM or choose another instancetype',
      rejected: 'the instancetype/preference cannot be applied: {{error}}',
    },
  },
  check({ subject: s, report }) {
    if (s.admission.status !== 'instancetype' || !s.admission.error) return;
    const error = s.admission.error;
    const fields = CONFLICT_FIELDS.exec(error)?.[1]?.split(/,\s*/) ?? [];
    for (const field of fields) report({ messageId: 'fieldConflict', path: parseFieldPath(field), data: { field } });
    if (fields.length === 0) {
      const matcher = /preference/i.test(error) ? 'preference' : 'instancetype';
      report({ messageId: 'rejected', path: ['spec', matcher], data: { error } });
    }
  },
});

export { parseFieldPath };
