// Annotation kubevirt.io/placePCIDevicesOnRootComplex=true (amd64/arm64): every PCI device gets an
// explicit slot on the root bus (0x02 upward; 0x1b and 0x1f are reserved for ich9 sound and SATA).
// The device walk order and each device's child order are KubeVirt's (pci-placement.go, schema.go).

import { el, getAttr, insertOrdered, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import type { DeviceSlot } from '../domain-model.js';

const ANNOTATION = 'kubevirt.io/placePCIDevicesOnRootComplex';
const FIRST_SLOT = 0x02;
const RESERVED_SLOTS = new Set([0x1b, 0x1f]);
const SLOT_LIMIT = 0x20;
const ROOT_CONTROLLER_MODELS = new Set(['pci-root', 'pcie-root', 'pcie-expander-bus']);

interface PlacedDevice {
  slot: DeviceSlot;
  /** Whether this device of the slot takes part (e.g. only virtio disks). */
  applies: (e: XmlElement) => boolean;
  /** Child element order of the device's struct. */
  order: readonly string[];
}

const childAttr = (e: XmlElement, child: string, attr: string): string | undefined => {
  const c = e.children.find((x) => x.name === child);
  return c ? getAttr(c, attr) : undefined;
};

/** Walk order of iteratePCIAddresses. */
const PLACED: readonly PlacedDevice[] = [
  { slot: 'interface', applies: () => true, order: ['address', 'source', 'target', 'model', 'mac', 'mtu', 'bandwidth', 'boot', 'link', 'filterref', 'alias', 'driver', 'rom', 'acpi', 'backend', 'portForward'] },
  { slot: 'hostdev', applies: (e) => getAttr(e, 'type') === 'pci', order: ['source', 'boot', 'address', 'alias', 'driver', 'acpi'] },
  { slot: 'controller', applies: (e) => !ROOT_CONTROLLER_MODELS.has(getAttr(e, 'model') ?? ''), order: ['driver', 'alias', 'address', 'pcihole64', 'target'] },
  { slot: 'disk', applies: (e) => childAttr(e, 'target', 'bus') === 'virtio', order: ['source', 'target', 'serial', 'driver', 'readonly', 'auth', 'alias', 'backingStore', 'boot', 'address', 'blockio', 'filesystemOverhead', 'capacity', 'shareable'] },
  { slot: 'input', applies: (e) => getAttr(e, 'bus') === 'virtio', order: ['alias', 'address'] },
  { slot: 'watchdog', applies: () => true, order: ['alias', 'address'] },
  { slot: 'rng', applies: () => true, order: ['backend', 'address', 'driver'] },
  { slot: 'memballoon', applies: () => true, order: ['stats', 'address', 'driver'] },
];

const hex2 = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

export const placePciDevicesOnRootComplex: Configurator = (ctx, domain) => {
  if (ctx.vmi.metadata.annotations?.[ANNOTATION] !== 'true' || !ctx.archTraits.pciePlacement) return undefined;
  let slot = FIRST_SLOT - 1;
  for (const kind of PLACED) {
    for (const dev of domain.devices[kind.slot]) {
      if (!kind.applies(dev)) continue;
      const existing = dev.children.find((c) => c.name === 'address');
      const type = existing ? getAttr(existing, 'type') : undefined;
      if (type && type !== 'pci') continue; // drive/ccw/… addresses are not PCI
      if (existing && getAttr(existing, 'domain')) continue; // an explicit PCI address is kept
      slot += 1;
      if (RESERVED_SLOTS.has(slot)) slot += 1;
      if (slot >= SLOT_LIMIT) return 'No space left on the root PCI bus.';
      insertOrdered(dev, el('address', { type: 'pci', domain: '0x0000', bus: '0x00', slot: hex2(slot), function: '0x0' }), kind.order);
    }
  }
  return undefined;
};
