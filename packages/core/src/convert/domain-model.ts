// The domain being built. Configurators fill slots; assembleDomain() orders them as KubeVirt's
// DomainSpec and Devices structs do (virtwrap/api/schema.go), so no configurator needs to know
// where its element ends up.

import { el, type XmlElement } from '../xml/element.js';

/** <devices> children, in Devices struct-field order. */
export const DEVICE_SLOTS = [
  'emulator', 'interface', 'channel', 'hostdev', 'panic', 'controller', 'video', 'graphics', 'memballoon',
  'disk', 'input', 'serial', 'console', 'watchdog', 'rng', 'filesystem', 'redirdev', 'sound', 'tpm', 'vsock',
  'memory', 'iommu',
] as const;
export type DeviceSlot = (typeof DEVICE_SLOTS)[number];

/** <domain> children, in DomainSpec struct-field order. */
export const DOMAIN_SLOTS = [
  'name', 'uuid', 'memory', 'currentMemory', 'maxMemory', 'memoryBacking', 'os', 'sysinfo', 'devices', 'clock',
  'resource', 'qemu:commandline', 'metadata', 'features', 'cpu', 'vcpu', 'vcpus', 'cputune', 'numatune',
  'iothreads', 'launchSecurity', 'on_reboot', 'iommufd',
] as const;
export type DomainSlot = Exclude<(typeof DOMAIN_SLOTS)[number], 'devices'>;

export interface DomainBuild {
  /** `type` attribute; empty until the hypervisor configurator runs (the API defaulter writes kvm). */
  type: string;
  slots: Partial<Record<DomainSlot, XmlElement>>;
  devices: Record<DeviceSlot, XmlElement[]>;
}

export function newDomainBuild(): DomainBuild {
  // A literal (one hidden class), not keys added in a loop: 22 keys added one by one turn the
  // object into a dictionary, and every configurator's `devices.<slot>` lookup is then a hash lookup.
  const devices: Record<DeviceSlot, XmlElement[]> = {
    emulator: [], interface: [], channel: [], hostdev: [], panic: [], controller: [], video: [], graphics: [], memballoon: [],
    disk: [], input: [], serial: [], console: [], watchdog: [], rng: [], filesystem: [], redirdev: [], sound: [], tpm: [], vsock: [],
    memory: [], iommu: [],
  };
  return { type: '', slots: {}, devices };
}

export const QEMU_XMLNS = 'http://libvirt.org/schemas/domain/qemu/1.0';

export function assembleDomain(d: DomainBuild): XmlElement {
  const children: XmlElement[] = [];
  for (const slot of DOMAIN_SLOTS) {
    if (slot === 'devices') {
      const devices: XmlElement[] = [];
      for (const s of DEVICE_SLOTS) for (const e of d.devices[s]) devices.push(e);
      children.push(el('devices', {}, devices));
      continue;
    }
    const e = d.slots[slot];
    if (e) children.push(e);
  }
  return el('domain', { type: d.type || 'kvm', 'xmlns:qemu': QEMU_XMLNS }, children);
}
