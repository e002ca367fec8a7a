// KubeVirt emits domain XML outside libvirt's RelaxNG schema (../shared/libvirt-schemas/
// domaincommon.rng); libvirt accepts and drops it, but `virsh define --validate` of the same XML
// fails. Derived from the VMI so lint never has to build the XML.

import { isRecord } from '../../parse/read-objects.js';
import { nsKey } from '../../profile/cluster-profile.js';
import type { ClusterProfile } from '../../profile/cluster-profile.js';
import { defineRule } from '../rule.js';
import { arrayAt, valueAt } from '../values.js';

export default defineRule({
  id: 'libvirt-schema-quirk',
  scope: 'vm',
  meta: {
    severity: 'info',
    description: 'KubeVirt will emit domain XML that libvirt\'s schema rejects and libvirt silently drops.',
    messages: {
      emptySysinfo: 'the domain XML will have empty <bios>, <baseBoard> and <chassis> in <sysinfo> (the schema wants at least one <entry>): libvirt drops them, `virsh define --validate` rejects them',
      blockSourceName: 'volume "{{volume}}" is a block PVC: its disk gets <source dev="…" name="{{volume}}">, and `name` is outside libvirt\'s schema for block disks (libvirt ignores it)',
    },
  },
  check({ subject: s, profile, report }) {
    if (!s.vmi || !s.selection?.hypervisor || s.admission.status === 'rejected' || s.admission.status === 'instancetype') return;
    // Every KubeVirt domain has these empty sections, so lint (which builds no XML) stays quiet
    // about them; explain, which shows the XML, says what libvirt will drop.
    if (s.item.domainXml !== null && /<bios>\s*<\/bios>/.test(s.item.domainXml)) {
      report({ messageId: 'emptySysinfo', path: s.vmiPath(['spec', 'domain']) });
    }
    const namespace = s.item.namespace;
    arrayAt(s.vmi.spec, ['volumes']).forEach((vol, i) => {
      if (!isRecord(vol) || typeof vol.name !== 'string') return;
      if (isBlockVolume(vol, namespace, profile)) report({ messageId: 'blockSourceName', path: s.vmiPath(['spec', 'volumes', i]), data: { volume: vol.name } });
    });
  },
});

function isBlockVolume(vol: Record<string, unknown>, namespace: string, profile: ClusterProfile): boolean {
  const claim = valueAt(vol, ['persistentVolumeClaim', 'claimName']) ?? valueAt(vol, ['dataVolume', 'name']);
  if (typeof claim !== 'string') return false;
  const pvc = profile.pvcs.get(nsKey(namespace, claim))?.value;
  if (pvc) return pvc.spec?.volumeMode === 'Block';
  const dv = profile.dataVolumes.get(nsKey(namespace, claim))?.value;
  return (valueAt(dv, ['spec', 'pvc', 'volumeMode']) ?? valueAt(dv, ['spec', 'storage', 'volumeMode'])) === 'Block';
}
