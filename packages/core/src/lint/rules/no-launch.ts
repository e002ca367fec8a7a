// A VM that cannot run anywhere: rejected at admission, no node can take its launcher pod, or
// virt-launcher fails on the node it lands on (e.g. "MSHV not present").

import { defineRule } from '../rule.js';

const NAME = ['metadata', 'name'];

export default defineRule({
  id: 'no-launch',
  scope: 'vm',
  meta: {
    severity: 'error',
    description: 'The VM cannot launch on any node of the cluster profile.',
    messages: {
      rejected: '{{kind}} {{name}} is rejected at admission: {{error}}',
      noEligibleNode: 'no node can run the virt-launcher pod of {{name}} (it stays Pending): {{reasons}}',
      launchError: '{{name}} cannot start on node {{node}}: virt-launcher fails with "{{error}}"',
    },
  },
  check({ subject: s, report }) {
    const name = s.object.name;
    if (s.admission.status === 'rejected') {
      report({ messageId: 'rejected', path: NAME, data: { kind: s.kind, name, error: s.admission.error ?? '' } });
      return;
    }
    const sel = s.selection;
    if (!sel) return;
    if (sel.nodes.length > 0 && !sel.nodes.some((n) => n.eligible)) {
      const reasons = sel.nodes.map((n) => `${n.node}: ${n.reasons.join(', ')}`).join('; ');
      report({ messageId: 'noEligibleNode', path: NAME, data: { name, reasons } });
    } else if (sel.error) {
      report({ messageId: 'launchError', path: NAME, data: { name, node: sel.landingNode ?? '(any)', error: sel.error } });
    }
  },
});
