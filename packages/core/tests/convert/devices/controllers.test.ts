// Controller presence, after compute/controllers_test.go and the arch USB rules (converter/arch).
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi } from './support.js';

const controllers = (xml: string | null) => devicesNamed(xml, 'controller').map((c) => /<controller ([^>]*)>/.exec(c)![1]);

describe('controllers', () => {
  it('adds usb none, scsi and virtio-serial by default on amd64', () => {
    expect(controllers(convert(vmi()).domainXml)).toEqual([
      'type="usb" index="0" model="none"',
      'type="scsi" index="0" model="virtio-non-transitional"',
      'type="virtio-serial" index="0" model="virtio-non-transitional"',
    ]);
  });

  it('drops scsi when hotplug is disabled and no disk is on scsi, keeps it for a scsi disk', () => {
    expect(controllers(convert(vmi({ devices: { disableHotplug: true } })).domainXml)).toEqual([
      'type="usb" index="0" model="none"',
      'type="virtio-serial" index="0" model="virtio-non-transitional"',
    ]);
    const scsiDisk = vmi({ devices: { disableHotplug: true, disks: [{ name: 'd', disk: { bus: 'scsi' } }] }, volumes: [{ name: 'd', emptyDisk: {} }] });
    expect(controllers(convert(scsiDisk).domainXml)).toContain('type="scsi" index="0" model="virtio-non-transitional"');
  });

  it('needs USB on amd64 for a tablet without bus, a usb disk or client passthrough; always on arm64; never on s390x', () => {
    const usb = (v: ReturnType<typeof vmi>) => controllers(convert(v).domainXml)[0];
    expect(usb(vmi({ devices: { inputs: [{ name: 't', type: 'tablet' }] } }))).toBe('type="usb" index="0" model="qemu-xhci"');
    expect(usb(vmi({ devices: { inputs: [{ name: 't', type: 'tablet', bus: 'virtio' }] } }))).toBe('type="usb" index="0" model="none"');
    expect(usb(vmi({ devices: { disks: [{ name: 'd', disk: { bus: 'usb' } }] }, volumes: [{ name: 'd', emptyDisk: {} }] }))).toBe('type="usb" index="0" model="qemu-xhci"');
    expect(usb(vmi({ devices: { clientPassthrough: {} } }))).toBe('type="usb" index="0" model="qemu-xhci"');
    expect(usb(vmi({ architecture: 'arm64' }))).toBe('type="usb" index="0" model="qemu-xhci"');
    expect(usb(vmi({ architecture: 's390x' }))).toBe('type="usb" index="0" model="none"');
  });

  it('uses virtio-scsi on s390x and transitional models when asked', () => {
    expect(controllers(convert(vmi({ architecture: 's390x' })).domainXml)[1]).toBe('type="scsi" index="0" model="virtio-scsi"');
    expect(controllers(convert(vmi({ devices: { useVirtioTransitional: true } })).domainXml)[2]).toBe('type="virtio-serial" index="0" model="virtio-transitional"');
  });

  it('disables pcihole64 only on amd64 with the annotation set to true', () => {
    const hole = (arch: string, value?: string) =>
      devicesNamed(convert(vmi({ architecture: arch, annotations: value === undefined ? undefined : { 'kubevirt.io/disablePCIHole64': value } })).domainXml, 'controller').find((c) => c.includes('type="pci"'));
    expect(hole('amd64', 'true')).toBe('<controller type="pci" index="0" model="pcie-root"><pcihole64 unit="KiB">0</pcihole64></controller>');
    expect(hole('amd64', 'false')).toBeUndefined();
    expect(hole('amd64')).toBeUndefined();
    expect(hole('arm64', 'true')).toBeUndefined();
  });

  it('drops virtio-serial with the serial console', () => {
    expect(controllers(convert(vmi({ devices: { autoattachSerialConsole: false } })).domainXml)).not.toContain('type="virtio-serial" index="0" model="virtio-non-transitional"');
  });

  it('puts iommu on scsi and virtio-serial under SEV', () => {
    const xml = convert(vmi({ domain: { launchSecurity: { sev: {} }, firmware: { bootloader: { efi: { secureBoot: false } } } } })).domainXml;
    const cs = devicesNamed(xml, 'controller');
    expect(cs.filter((c) => c.includes('<driver iommu="on"></driver>')).length).toBe(2);
  });
});
