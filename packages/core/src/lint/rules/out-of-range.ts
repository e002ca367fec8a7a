// A value KubeVirt accepts without an upper bound but no node can run, and the preview cannot
// render honestly (more vCPUs than any hypervisor runs, byte counts past Go's int64). Explain gives
// such a VM the verdict `unschedulable` and no clipped figure; this reports it at the field.

import { defineRule } from '../rule.js';

export default defineRule({
  id: 'out-of-range',
  scope: 'vm',
  meta: {
    severity: 'error',
    description: 'A value KubeVirt accepts but no node can run (absurd vCPU counts, sizes past int64).',
    messages: {
      outOfRange: '{{message}}',
    },
  },
  check({ subject: s, report }) {
    if (s.verdict === 'rejected') return;
    for (const o of s.outOfRange) report({ messageId: 'outOfRange', path: o.at, data: { message: o.message } });
  },
});
