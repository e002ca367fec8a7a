// Disk target naming, after storage/configurator_test.go "device naming".
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi } from './support.js';
import type { Disk, Volume } from '@l1vh/core';

const pvc = (name: string): Volume => ({ name, persistentVolumeClaim: { claimName: `${name}-claim` } });
const targets = (xml: string | null): string[] => devicesNamed(xml, 'disk').map((d) => /<target ([^>]*)>/.exec(d)![1]!);

describe('disk device names', () => {
  it('uses vd for virtio and sd for scsi, with the scsi unit as the drive address', () => {
    const r = convert(vmi({
      devices: { disks: [{ name: 'virtio-disk', disk: { bus: 'virtio' } }, { name: 'scsi-lun', lun: { bus: 'scsi' } }] },
      volumes: [pvc('virtio-disk'), pvc('scsi-lun')],
    }));
    const disks = devicesNamed(r.domainXml, 'disk');
    expect(targets(r.domainXml)).toEqual(['bus="virtio" dev="vda"', 'bus="scsi" dev="sda"']);
    expect(disks[1]).toContain('<address type="drive" bus="0" controller="0" unit="0"></address>');
    expect(disks[1]).toMatch(/^<disk device="lun" type="file">/);
  });

  it('keeps the targets recorded in volume status', () => {
    const r = convert(vmi({
      devices: { disks: [{ name: 'disk1', disk: { bus: 'virtio' } }, { name: 'disk2', disk: { bus: 'virtio' } }] },
      volumes: [pvc('disk1'), pvc('disk2')],
      status: { volumeStatus: [{ name: 'disk1', target: 'vdb' }, { name: 'disk2', target: 'vda' }] },
    }));
    expect(targets(r.domainXml)).toEqual(['bus="virtio" dev="vdb"', 'bus="virtio" dev="vda"']);
  });

  it('fills the gap a detached disk left, skipping names still in use', () => {
    const r = convert(vmi({
      devices: {
        disks: [
          { name: 'boot', disk: { bus: 'scsi' } },
          { name: 'cdrom', cdrom: { bus: 'sata' } },
          { name: 'newhotplug', disk: { bus: 'scsi' } },
        ],
      },
      volumes: [pvc('boot'), pvc('cdrom'), pvc('newhotplug')],
      // newhotplug is a permanent volume without a target yet.
      status: { volumeStatus: [{ name: 'boot', target: 'sda' }, { name: 'cdrom', target: 'sdc' }, { name: 'newhotplug' }] },
    }));
    expect(targets(r.domainXml)).toEqual(['bus="scsi" dev="sda"', 'bus="sata" dev="sdc"', 'bus="scsi" dev="sdb"']);
    expect(devicesNamed(r.domainXml, 'disk')[2]).toContain('unit="1"');
  });

  it('continues with two-letter names after vdz', () => {
    const disks: Disk[] = Array.from({ length: 26 * 26 }, (_, i) => ({ name: `disk${i}`, disk: { bus: 'virtio' } }));
    const r = convert(vmi({ devices: { disks }, volumes: disks.map((d) => pvc(d.name)) }));
    const devs = targets(r.domainXml).map((t) => /dev="([a-z]+)"/.exec(t)![1]);
    expect([devs[0], devs[1], devs[25], devs[26], devs[51], devs[675]]).toEqual(['vda', 'vdb', 'vdz', 'vdaa', 'vdaz', 'vdyz']);
  });
});
