// KubeVirt refuses the object: decoding, strict field validation, a mutating or validating webhook,
// or the VM controller. One finding per KubeVirt cause, at the field it names, with KubeVirt's own
// message (explain's verdict `rejected` and its `causes`). Others report some stages already, at the
// same fields: unknown fields (stage schema) are unknown-field's, values Go cannot decode (stage
// decode) are input findings (WRONG_TYPE), instancetype conflicts and unknown instancetypes are
// instancetype-conflict's and unknown-instancetype's.

import { defineRule } from '../rule.js';

const NAME = ['metadata', 'name'];

/** Stages whose causes are reported elsewhere (see above). */
const REPORTED_ELSEWHERE = new Set(['schema', 'decode']);

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
    if (s.item.admissionStage && REPORTED_ELSEWHERE.has(s.item.admissionStage)) return;
    if (s.causes.length === 0) {
      report({ messageId: 'rejected', path: NAME, data: { kind: s.kind, name: s.object.name, error: s.admission.error ?? s.item.error ?? '' } });
      return;
    }
    for (const c of s.causes) report({ messageId: 'cause', path: c.at ?? NAME, data: { field: c.field, message: c.message } });
  },
});
