// A guest smaller than what virt-launcher itself needs: the pod pays more for the launcher
// (ExplainItem.overheadBytes, KubeVirt's GetMemoryOverhead) than for the VM.

import { defineRule } from '../rule.js';
import { formatMi, quantityBytes, valueAt } from '../values.js';

export default defineRule({
  id: 'memory-too-small',
  scope: 'vm',
  meta: {
    severity: 'warning',
    description: 'The VM\'s memory is smaller than the launcher overhead KubeVirt adds to its pod.',
    messages: {
      belowOverhead: 'guest memory {{guest}} is smaller than the {{overhead}} virt-launcher overhead added to the pod: most of the pod\'s memory is not for the guest',
    },
  },
  check({ subject: s, report }) {
    const overhead = s.item.overheadBytes;
    if (overhead === null || !s.vmi) return;
    const guestPath = ['spec', 'domain', 'memory', 'guest'];
    const requestPath = ['spec', 'domain', 'resources', 'requests', 'memory'];
    // What the guest gets (admission may have copied requests to guest) …
    const guest = quantityBytes(valueAt(s.vmi, guestPath) ?? valueAt(s.vmi, requestPath));
    // A negative guest is no size at all: no-launch reports the converter's refusal.
    if (guest === undefined || guest < 0 || guest >= overhead) return;
    // … reported where the user wrote it.
    const field = valueAt(s.object.value, s.vmiPath(guestPath)) !== undefined ? guestPath : requestPath;
    report({ messageId: 'belowOverhead', path: s.vmiPath(field), data: { guest: formatMi(guest), overhead: formatMi(overhead) } });
  },
});
