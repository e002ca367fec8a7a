// KubeVirt emits domain XML outside libvirt's RelaxNG schema (../shared/libvirt-schemas/
// domaincommon.rng); libvirt accepts and drops it, but `virsh define --validate` of the same XML
// fails. Derived from the VMI so lint never has to build the XML. The empty sysinfo sections every
// domain has are reported by explain (ExplainItem.schemaQuirks), not per VM here.

import { volumeFacts } from '../../convert/volume-facts.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'libvirt-schema-quirk',
  scope: 'vm',
  meta: {
    severity: 'info',
    description: 'KubeVirt will emit domain XML that libvirt\'s schema rejects and libvirt silently drops.',
    messages: {
      blockSourceName: 'volume "{{volume}}" is a block PVC: its disk gets <source dev="…" name="{{volume}}">, and `name` is outside libvirt\'s schema for block disks (libvirt ignores it)',
    },
  },
  check({ subject: s, profile, report }) {
    if (!s.vmi || !s.selection?.hypervisor || s.admission.status === 'rejected' || s.admission.status === 'instancetype') return;
    const volumes = s.vmi.spec.volumes ?? [];
    // Only PVC/DataVolume disks get <source dev name>; the block decision is the converter's own.
    if (!volumes.some((v) => v.persistentVolumeClaim || v.dataVolume)) return;
    const facts = volumeFacts({ vmi: s.vmi, profile });
    volumes.forEach((vol, i) => {
      if ((vol.persistentVolumeClaim || vol.dataVolume) && facts.isBlock.get(vol.name) === true) {
        report({ messageId: 'blockSourceName', path: s.vmiPath(['spec', 'volumes', i]), data: { volume: vol.name } });
      }
    });
  },
});
