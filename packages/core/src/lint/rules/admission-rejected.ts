// KubeVirt refuses the object: decoding, strict field validation, a mutating or validating webhook,
// or the VM controller. One finding per KubeVirt cause, at the field it names, with KubeVirt's own
// message (explain's verdict `rejected` and its `causes`). Instancetype conflicts and unknown
// instancetypes have their own rules (instancetype-conflict, unknown-instancetype).

import { defineRule } from '../rule.js';

const NAME = ['metadata', 'name'];

export default defineRule({
  id: 'admission-rejected',
  scope: 'vm',
  meta: {
    severity: 'error',
    description: 'KubeVirt\'s admission rejects the object (one finding per cause KubeVirt gives).',
    // KubeVirt's message verbatim; the finding's position is the field's.
    messages: {
      cause: '{{message}}',
      rejected: '{{kind}} {{name}} is rejected at admission: {{error}}',
    },
  },
  check({ subject: s, report }) {
    if (s.verdict !== 'rejected') return;
    // Their own rules report these at the matcher or the conflicting field.
    if (s.admission.status === 'instancetype' || s.admission.status === 'not-found') return;
    if (s.causes.length === 0) {
      report({ messageId: 'rejected', path: NAME, data: { kind: s.kind, name: s.object.name, error: s.admission.error ?? s.item.error ?? '' } });
      return;
    }
    for (const c of s.causes) report({ messageId: 'cause', path: c.at ?? NAME, data: { field: c.field, message: c.message } });
  },
});
