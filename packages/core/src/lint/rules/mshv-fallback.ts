// The cluster asks for MSHV but this VM gets something else without failing: emulation under
// KubeVirt's useEmulation, or the proposal's transparent KVM fallback (Selection.fallback).

import { HYPERVISOR_LABELS } from '../../select/hypervisors.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'mshv-fallback',
  scope: 'vm',
  meta: {
    severity: 'warning',
    description: 'The VM silently falls back from MSHV to KVM or QEMU emulation.',
    messages: {
      fallback: '{{name}} is meant for MSHV but runs on {{to}}: {{reason}}',
    },
  },
  check({ subject: s, report }) {
    const fb = s.selection?.fallback;
    if (!fb?.to || s.admission.status === 'rejected') return;
    report({ messageId: 'fallback', path: ['metadata', 'name'], data: { name: s.object.name, to: HYPERVISOR_LABELS[fb.to], reason: fb.reason } });
  },
});
