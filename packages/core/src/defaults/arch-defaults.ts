// Per-architecture defaults (pkg/defaults/{amd64,arm64,s390x}.go) and the CPU model default.
// Any architecture that is not arm64 or s390x gets amd64's defaults.

import type { Disk, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';

interface ArchDefaults {
  /** Bus for disk, cdrom and lun targets that name none. */
  diskBus: string;
  /** Watchdog model filled in when a watchdog exists (its action defaults to reset). */
  watchdog?: 'i6300esb' | 'diag288';
  /** CPU model for an empty one, before the cluster's. */
  cpuModel?: string;
  /** nil bootloader → EFI; EFI without secureBoot → false. */
  efiBootloader: boolean;
}

const ARCH_DEFAULTS: Readonly<Record<'amd64' | 'arm64' | 's390x', ArchDefaults>> = {
  // SATA: q35 has no IDE, and SATA works in guests without virtio drivers.
  amd64: { diskBus: 'sata', watchdog: 'i6300esb', efiBootloader: false },
  arm64: { diskBus: 'virtio', cpuModel: 'host-passthrough', efiBootloader: true },
  s390x: { diskBus: 'virtio', watchdog: 'diag288', efiBootloader: false },
};

/** v1.DefaultCPUModel. */
export const DEFAULT_CPU_MODEL = 'host-model';

export function archDefaultsFor(arch: string | undefined): ArchDefaults {
  return arch === 'arm64' || arch === 's390x' ? ARCH_DEFAULTS[arch] : ARCH_DEFAULTS.amd64;
}

/** s390x has no ACPI: an unset acpi.enabled becomes false (runs before the API defaulters). */
export function setS390xFeatures(spec: VirtualMachineInstanceSpec): void {
  if (spec.architecture !== 's390x') return;
  const features = (spec.domain.features ??= {});
  features.acpi ??= {};
  features.acpi.enabled ??= false;
}

/** setDefaultCPUArch then setDefaultCPUModel. */
export function applyArchDefaults(spec: VirtualMachineInstanceSpec, clusterCpuModel: string | undefined): void {
  const d = archDefaultsFor(spec.architecture);
  const devices = spec.domain.devices;
  if (d.cpuModel) {
    const cpu = (spec.domain.cpu ??= {});
    if (!cpu.model) cpu.model = d.cpuModel;
  }
  if (d.efiBootloader) {
    const firmware = (spec.domain.firmware ??= {});
    if (!firmware.bootloader) firmware.bootloader = { efi: {} };
    const efi = firmware.bootloader.efi;
    if (efi && efi.secureBoot === undefined) efi.secureBoot = false;
  }
  for (const disk of devices.disks ?? []) setDiskBus(disk, d.diskBus);
  const watchdog = devices.watchdog;
  if (watchdog && d.watchdog) {
    const model = (watchdog[d.watchdog] ??= {});
    if (!model.action) model.action = 'reset';
  }
  const cpu = (spec.domain.cpu ??= {});
  if (!cpu.model) cpu.model = clusterCpuModel || DEFAULT_CPU_MODEL;
}

function setDiskBus(disk: Disk, bus: string): void {
  for (const target of [disk.disk, disk.cdrom, disk.lun]) if (target && !target.bus) target.bus = bus;
}
