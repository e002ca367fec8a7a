// s390x, which no golden vector covers. Expectations follow KubeVirt's s390x rules: plain `virtio`
// models and `virtio-scsi`, no ROM tuning, SMBIOS, vmport or USB; a virtio keyboard with graphics;
// diag288 watchdog; a 4096-byte cap on custom block sizes; and Secure Execution (launchSecurity on
// s390x) putting iommu="on" on every virtio device without a <launchSecurity> element.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi, type VmiOptions } from './devices/support.js';

const s390x = (o: VmiOptions = {}) =>
  vmi({
    architecture: 's390x',
    networks: [{ name: 'default', pod: {} }],
    ...o,
    devices: { interfaces: [{ name: 'default', bridge: {} }], disks: [{ name: 'root', disk: { bus: 'virtio' } }], rng: {}, ...o.devices },
    volumes: [{ name: 'root', emptyDisk: { capacity: '1Gi' } }],
  });

describe('s390x domain', () => {
  it('uses the plain virtio models, no ROM setting, no SMBIOS and no vmport', () => {
    const { domainXml, error } = convert(s390x());
    expect(error).toBeNull();
    expect(devicesNamed(domainXml, 'interface')).toEqual([
      '<interface type="ethernet"><source></source><model type="virtio"></model><alias name="ua-default"></alias></interface>',
    ]);
    expect(devicesNamed(domainXml, 'rng')).toEqual(['<rng model="virtio"><backend model="random">/dev/urandom</backend></rng>']);
    expect(devicesNamed(domainXml, 'memballoon')).toEqual(['<memballoon model="virtio" freePageReporting="on"><stats period="10"></stats></memballoon>']);
    expect(devicesNamed(domainXml, 'disk')[0]).toMatch(/^<disk device="disk" type="file" model="virtio">/);
    expect(devicesNamed(domainXml, 'controller')).toEqual([
      '<controller type="usb" index="0" model="none"></controller>',
      '<controller type="scsi" index="0" model="virtio-scsi"></controller>',
      '<controller type="virtio-serial" index="0" model="virtio"></controller>',
    ]);
    expect(devicesNamed(domainXml, 'video')).toEqual(['<video><model type="virtio" heads="1"></model></video>']);
    expect(domainXml).toContain('<type arch="s390x" machine="s390-ccw-virtio">hvm</type>');
    expect(domainXml).not.toContain('<smbios');
    expect(domainXml).not.toContain('<vmport');
  });

  it('Secure Execution: iommu on every virtio device, and no <launchSecurity>', () => {
    const { domainXml } = convert(s390x({ domain: { launchSecurity: {} } }));
    expect(domainXml).not.toContain('<launchSecurity');
    expect(devicesNamed(domainXml, 'interface')[0]).toContain('<driver name="vhost" iommu="on"></driver>');
    expect(devicesNamed(domainXml, 'rng')).toEqual(['<rng model="virtio"><backend model="random">/dev/urandom</backend><driver iommu="on"></driver></rng>']);
    expect(devicesNamed(domainXml, 'memballoon')[0]).toContain('<driver iommu="on"></driver>');
    expect(devicesNamed(domainXml, 'disk')[0]).toMatch(/<driver [^>]*iommu="on"/);
    expect(devicesNamed(domainXml, 'controller').filter((c) => c.includes('<driver iommu="on"></driver>'))).toHaveLength(2);
  });

  it('a diag288 watchdog keeps its action; an i6300esb-only watchdog cannot be mapped', () => {
    expect(devicesNamed(convert(s390x({ devices: { watchdog: { name: 'wd', diag288: { action: 'poweroff' } } } })).domainXml, 'watchdog')).toEqual([
      '<watchdog model="diag288" action="poweroff"><alias name="ua-wd"></alias></watchdog>',
    ]);
    expect(convert(s390x({ devices: { watchdog: { name: 'wd', i6300esb: { action: 'reset' } } } })).error).toBe("watchdog wd can't be mapped, no watchdog type specified");
  });

  it('caps custom block sizes at 4096 bytes (other architectures do not)', () => {
    const blockSize = (logical: number) => ({ disks: [{ name: 'root', disk: { bus: 'virtio' }, blockSize: { custom: { logical, physical: 4096 } } }] });
    expect(convert(s390x({ devices: blockSize(8192) })).error).toBe(
      'custom block size (logical=8192, physical=4096) exceeds the maximum supported size of 4096 for architecture s390x',
    );
    expect(devicesNamed(convert(s390x({ devices: blockSize(4096) })).domainXml, 'disk')[0]).toContain('<blockio logical_block_size="4096" physical_block_size="4096"></blockio>');
    const amd64 = vmi({ devices: blockSize(8192), volumes: [{ name: 'root', emptyDisk: { capacity: '1Gi' } }] });
    expect(convert(amd64).error).toBeNull();
  });
});
