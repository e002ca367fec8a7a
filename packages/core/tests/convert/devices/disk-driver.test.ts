// Disk sources, discard, error policy and the pre-start cache/io adjustments, after
// storage/configurator_test.go, converter_test.go ("driver cache mode", "IO modes") and §3.5.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi } from './support.js';
import type { Disk, Volume } from '@l1vh/core';

const PVCS = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: blk-claim, namespace: mynamespace}
spec: {volumeMode: Block}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: prealloc-claim
  namespace: mynamespace
  annotations: {cdi.kubevirt.io/storage.preallocation: "true"}
spec: {volumeMode: Filesystem}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: thick-claim
  namespace: mynamespace
  annotations: {user.custom/storage.thick-provisioned: "true"}
spec: {volumeMode: Block}
---
apiVersion: cdi.kubevirt.io/v1beta1
kind: DataVolume
metadata: {name: blk-dv, namespace: mynamespace}
spec: {storage: {volumeMode: Block}}
`;

function oneDisk(disk: Disk, volume: Volume | undefined): string {
  const r = convert(vmi({ devices: { disks: [disk] }, volumes: volume ? [volume] : [] }), { extraYaml: PVCS });
  expect(r.error).toBeNull();
  return devicesNamed(r.domainXml, 'disk')[0]!;
}
const virtio = (name: string, extra: Partial<Disk> = {}): Disk => ({ name, disk: { bus: 'virtio' }, ...extra });

describe('disk sources and drivers', () => {
  it('reads a Filesystem PVC as disk.img and a Block PVC as /dev/<volume>, with io=native only on block', () => {
    expect(oneDisk(virtio('mypvc'), { name: 'mypvc', persistentVolumeClaim: { claimName: 'fs-unknown' } })).toBe(
      '<disk device="disk" type="file" model="virtio-non-transitional"><source file="/var/run/kubevirt-private/vmi-disks/mypvc/disk.img"></source><target bus="virtio" dev="vda"></target><driver cache="none" error_policy="stop" name="qemu" type="raw" discard="unmap"></driver><alias name="ua-mypvc"></alias></disk>',
    );
    expect(oneDisk(virtio('mypvc'), { name: 'mypvc', persistentVolumeClaim: { claimName: 'blk-claim' } })).toBe(
      '<disk device="disk" type="block" model="virtio-non-transitional"><source dev="/dev/mypvc" name="mypvc"></source><target bus="virtio" dev="vda"></target><driver cache="none" error_policy="stop" io="native" name="qemu" type="raw" discard="unmap"></driver><alias name="ua-mypvc"></alias></disk>',
    );
  });

  it('takes a DataVolume without a PVC as its storage volumeMode', () => {
    expect(oneDisk(virtio('mydv'), { name: 'mydv', dataVolume: { name: 'blk-dv' } })).toContain('<source dev="/dev/mydv" name="mydv"></source>');
  });

  it('omits discard for preallocated or thick-provisioned PVCs, and a preallocated image gets io=native', () => {
    const prealloc = oneDisk(virtio('mypvc'), { name: 'mypvc', persistentVolumeClaim: { claimName: 'prealloc-claim' } });
    expect(prealloc).toContain('<driver cache="none" error_policy="stop" io="native" name="qemu" type="raw"></driver>');
    expect(oneDisk(virtio('mypvc'), { name: 'mypvc', persistentVolumeClaim: { claimName: 'thick-claim' } })).not.toContain('discard');
  });

  it('overlays a containerDisk on its image and an ephemeral PVC on its claim', () => {
    const cd = oneDisk(virtio('mycd'), { name: 'mycd', containerDisk: { image: 'quay.io/x/y' } });
    expect(cd).toContain('<source file="/var/run/kubevirt-ephemeral-disks/disk-data/mycd/disk.qcow2"></source>');
    expect(cd).toContain('<driver cache="none" error_policy="stop" name="qemu" type="qcow2" discard="unmap"></driver>');
    expect(cd).toContain('<backingStore type="file"><format type="qcow2"></format><source file="/var/run/kubevirt/container-disks/disk_0.img"></source></backingStore>');
    const eph = oneDisk(virtio('myeph'), { name: 'myeph', ephemeral: { persistentVolumeClaim: { claimName: 'blk-claim' } } });
    expect(eph).toContain('<backingStore type="block"><format type="raw"></format><source dev="/dev/myeph" name="myeph"></source></backingStore>');
  });

  it('writes the ISO paths of config volumes with discard (set by the disk target, never cleared)', () => {
    expect(oneDisk(virtio('cloudinit'), { name: 'cloudinit', cloudInitNoCloud: { userData: 'x' } })).toContain(
      '<source file="/var/run/kubevirt-ephemeral-disks/cloud-init-data/mynamespace/testvmi/noCloud.iso"></source><target bus="virtio" dev="vda"></target><driver cache="none" error_policy="stop" name="qemu" type="raw" discard="unmap"></driver>',
    );
    expect(oneDisk(virtio('sa'), { name: 'sa', serviceAccount: { serviceAccountName: 'default' } })).toContain('/var/run/kubevirt-private/service-account-disk/service-account.iso');
    expect(oneDisk(virtio('cm'), { name: 'cm', configMap: { name: 'x' } })).toContain('/var/run/kubevirt-private/config-map-disks/cm.iso');
  });

  it('leaves an empty cdrom without cache (no backing path) but with discard', () => {
    expect(oneDisk({ name: 'cd', cdrom: { bus: 'sata', tray: 'closed' } }, undefined)).toBe(
      '<disk device="cdrom" type="block"><source></source><target bus="sata" dev="sda" tray="closed"></target><driver error_policy="stop" name="qemu" type="raw" discard="unmap"></driver><readonly></readonly><alias name="ua-cd"></alias></disk>',
    );
  });

  it('keeps an explicit cache mode and forces none on shareable disks', () => {
    expect(oneDisk(virtio('d', { cache: 'writethrough' }), { name: 'd', emptyDisk: { capacity: '1Gi' } })).toContain('<driver cache="writethrough" error_policy="stop" name="qemu" type="qcow2" discard="unmap">');
    expect(oneDisk(virtio('d', { shareable: true }), { name: 'd', emptyDisk: { capacity: '1Gi' } })).toContain('<shareable></shareable>');
    const r = convert(vmi({ devices: { disks: [virtio('d', { shareable: true, cache: 'writeback' })] }, volumes: [{ name: 'd', emptyDisk: {} }] }));
    expect(r.error).toBe('a sharable disk requires cache = none got: writeback');
  });

  it('accepts the four error policies and rejects others', () => {
    for (const policy of ['report', 'ignore', 'enospace']) {
      expect(oneDisk(virtio('d', { errorPolicy: policy }), { name: 'd', emptyDisk: {} })).toContain(`error_policy="${policy}"`);
    }
    const r = convert(vmi({ devices: { disks: [virtio('d', { errorPolicy: 'bogus' })] }, volumes: [{ name: 'd', emptyDisk: {} }] }));
    expect(r.error).toBe('error policy bogus not recognized');
  });

  it('sets one queue per vCPU with blockMultiQueue on virtio disks only', () => {
    const r = convert(vmi({
      devices: { blockMultiQueue: true, disks: [virtio('a'), { name: 'b', disk: { bus: 'sata' } }] },
      domain: { cpu: { sockets: 1, cores: 2, threads: 2 } },
      volumes: [{ name: 'a', emptyDisk: {} }, { name: 'b', emptyDisk: {} }],
    }));
    const [a, b] = devicesNamed(r.domainXml, 'disk');
    expect(a).toContain('queues="4"');
    expect(b).not.toContain('queues');
  });

  it('resets the downwardMetrics disk driver to plain raw (no discard) and makes it read-only', () => {
    expect(oneDisk(virtio('mymetrics'), { name: 'mymetrics', downwardMetrics: {} })).toBe(
      '<disk device="disk" type="file" model="virtio-non-transitional"><source file="/var/run/kubevirt-private/downwardapi-disks/vhostmd0"></source><target bus="virtio" dev="vda"></target><driver cache="none" error_policy="stop" name="qemu" type="raw"></driver><readonly></readonly><alias name="ua-mymetrics"></alias></disk>',
    );
  });

  it('mounts a hostDisk under its volume directory with the file name of its path', () => {
    expect(oneDisk(virtio('hd'), { name: 'hd', hostDisk: { path: '/data/images/disk0.img', type: 'DiskOrCreate' } })).toContain('<source file="/var/run/kubevirt-private/vmi-disks/hd/disk0.img"></source>');
  });

  it('adds the persistent-reservation helper socket to a LUN with reservation', () => {
    expect(oneDisk({ name: 'mylun', lun: { bus: 'scsi', reservation: true } }, { name: 'mylun', persistentVolumeClaim: { claimName: 'my-claim' } })).toBe(
      '<disk device="lun" type="file"><source file="/var/run/kubevirt-private/vmi-disks/mylun/disk.img"><reservations managed="no" migration="yes"><source type="unix" path="/var/run/kubevirt/daemons/pr/pr-helper.sock" mode="client"></source></reservations></source><target bus="scsi" dev="sda"></target><driver cache="none" error_policy="stop" name="qemu" type="raw" discard="unmap"></driver><alias name="ua-mylun"></alias><address type="drive" bus="0" controller="0" unit="0"></address></disk>',
    );
  });

  it('reads hotplugged volumes from the hotplug directory and leaves out those not mounted yet', () => {
    const r = convert(
      vmi({
        devices: { disks: [virtio('boot'), virtio('hp-blk'), virtio('hp-pending')] },
        volumes: [
          { name: 'boot', emptyDisk: {} },
          { name: 'hp-blk', persistentVolumeClaim: { claimName: 'blk-claim', hotpluggable: true } },
          { name: 'hp-pending', persistentVolumeClaim: { claimName: 'fs-unknown', hotpluggable: true } },
        ],
        status: {
          volumeStatus: [
            { name: 'boot', target: 'vda' },
            { name: 'hp-blk', phase: 'MountedToPod', hotplugVolume: {} },
            { name: 'hp-pending', phase: 'Bound', hotplugVolume: {} },
          ],
        },
      }),
      { extraYaml: PVCS },
    );
    const disks = devicesNamed(r.domainXml, 'disk');
    expect(disks.length).toBe(2);
    expect(disks[1]).toContain('<disk device="disk" type="block" model="virtio-non-transitional"><source dev="/var/run/kubevirt/hotplug-disks/hp-blk"></source>');
  });

  it('reports a disk without a volume', () => {
    expect(convert(vmi({ devices: { disks: [virtio('orphan')] } })).error).toBe('no matching volume with name orphan found');
  });
});
