// A `lun` disk passes SCSI commands to a block device. KubeVirt still converts a LUN backed by a
// filesystem volume (a file source), and libvirt then refuses to define the domain
// (conf/domain_validate.c: "disk device='lun' is only valid for block type disk source").
// The block/file decision is the converter's own (convert/volume-facts.ts).

import { volumeFacts } from '../../convert/volume-facts.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'lun-on-filesystem',
  scope: 'vm',
  meta: {
    severity: 'error',
    description: 'A lun disk is backed by a filesystem volume: libvirt refuses to define the domain.',
    messages: {
      lunOnFile: 'disk "{{disk}}" is a lun, but volume "{{volume}}" is not a block device ({{why}}): libvirt refuses the domain ("disk device=\'lun\' is only valid for block type disk source"); use a PVC with volumeMode: Block, or make it a disk',
    },
  },
  check({ subject: s, profile, report }) {
    if (!s.vmi || s.admission.status === 'rejected' || s.admission.status === 'instancetype') return;
    const disks = s.vmi.spec.domain.devices.disks ?? [];
    if (!disks.some((d) => d.lun)) return; // the common case: no need for the volume facts
    const facts = volumeFacts({ vmi: s.vmi, profile });
    const volumes = s.vmi.spec.volumes ?? [];
    disks.forEach((disk, i) => {
      if (!disk.lun) return;
      const volume = volumes.find((v) => v.name === disk.name);
      if (!volume || facts.isBlock.get(volume.name) === true) return;
      const claim = facts.unknownClaims.get(volume.name);
      const why = claim !== undefined ? `PVC "${claim}" is not in the cluster profile, so it counts as Filesystem` : facts.isBlock.has(volume.name) ? 'its PVC has volumeMode Filesystem' : 'it is not a PVC or DataVolume';
      report({ messageId: 'lunOnFile', path: s.vmiPath(['spec', 'domain', 'devices', 'disks', i, 'lun']), data: { disk: disk.name, volume: volume.name, why } });
    });
  },
});
