// Guest device names for disks (storage/disk.go newDeviceNamer/makeDeviceName): `vd` for virtio,
// `sd` for sata/scsi/usb. Names already recorded in status.volumeStatus[].target are kept and
// reserved; every other disk takes the first free name of its prefix (a…z, aa…), in spec order.

import type { Disk } from '../api/kubevirt-types.js';

const PREFIX_BY_BUS: Readonly<Record<string, string>> = { virtio: 'vd', sata: 'sd', scsi: 'sd', usb: 'sd' };
const MAX_INDEX = 26 * 26 * 26;

export function prefixOfBus(bus: string | undefined): string {
  return PREFIX_BY_BUS[bus ?? ''] ?? '';
}

/** The Linux sd naming scheme: 0 → a, 25 → z, 26 → aa, … */
export function formatDeviceName(prefix: string, index: number): string {
  let name = '';
  for (let i = index; i >= 0; i = Math.floor(i / 26) - 1) name = String.fromCharCode(97 + (i % 26)) + name;
  return prefix + name;
}

export function busOfDisk(disk: Disk): string | undefined {
  return (disk.disk ?? disk.lun ?? disk.cdrom)?.bus;
}

export interface DeviceNamer {
  /** The target name for a disk and its index within its prefix (the SCSI unit). */
  name(diskName: string, bus: string | undefined): { dev: string; index: number };
}

export function newDeviceNamer(disks: readonly Disk[], statusTargets: ReadonlyMap<string, string>): DeviceNamer {
  const byPrefix = new Map<string, { names: Map<string, string>; used: Set<string> }>();
  const namerFor = (prefix: string) => {
    let n = byPrefix.get(prefix);
    if (!n) byPrefix.set(prefix, (n = { names: new Map(), used: new Set() }));
    return n;
  };
  for (const disk of disks) {
    if (!disk.disk && !disk.lun && !disk.cdrom) continue;
    const n = namerFor(prefixOfBus(busOfDisk(disk)));
    const target = statusTargets.get(disk.name);
    if (target) {
      n.names.set(disk.name, target);
      n.used.add(target);
    }
  }
  return {
    name(diskName, bus) {
      const prefix = prefixOfBus(bus);
      const n = namerFor(prefix);
      const existing = n.names.get(diskName);
      if (existing !== undefined) {
        for (let i = 0; i < MAX_INDEX; i++) if (formatDeviceName(prefix, i) === existing) return { dev: existing, index: i };
        return { dev: existing, index: 0 };
      }
      for (let i = 0; i < MAX_INDEX; i++) {
        const dev = formatDeviceName(prefix, i);
        if (n.used.has(dev)) continue;
        n.names.set(diskName, dev);
        n.used.add(dev);
        return { dev, index: i };
      }
      return { dev: '', index: 0 };
    },
  };
}
