// What each guest architecture supports in the converter (converter/arch/*.go) and what the API
// defaulter fills in (os type arch/machine). One row per architecture; stages read, never branch on the name.

/** The guest architectures KubeVirt converts for (the table's keys). */
export type Arch = 'amd64' | 'arm64' | 's390x';

export interface ArchTraits {
  /** <os><type arch> written by the domain defaulter. */
  osArch: string;
  /** Default machine type when the VMI has none. */
  defaultMachine: string;
  smbios: boolean;
  vmport: boolean;
  romTuning: boolean;
  cpuHotplug: boolean;
  /** amd64 appends `mpx` disable for non-host CPU models. */
  mpxValidation: boolean;
  pciHole64Disabling: boolean;
  memfd: boolean;
  pciePlacement: boolean;
  /** kvm hint-dedicated for dedicated CPUs. */
  kvmHintDedicated: boolean;
  launchSecurity: boolean;
}

export const ARCH_TRAITS: Readonly<Record<Arch, ArchTraits>> = {
  amd64: {
    osArch: 'x86_64', defaultMachine: 'q35', smbios: true, vmport: true, romTuning: true, cpuHotplug: true,
    mpxValidation: true, pciHole64Disabling: true, memfd: true, pciePlacement: true, kvmHintDedicated: true, launchSecurity: true,
  },
  arm64: {
    osArch: 'aarch64', defaultMachine: 'virt', smbios: true, vmport: false, romTuning: true, cpuHotplug: false,
    mpxValidation: false, pciHole64Disabling: false, memfd: true, pciePlacement: true, kvmHintDedicated: false, launchSecurity: false,
  },
  s390x: {
    osArch: 's390x', defaultMachine: 's390-ccw-virtio', smbios: false, vmport: false, romTuning: false, cpuHotplug: true,
    mpxValidation: false, pciHole64Disabling: false, memfd: false, pciePlacement: false, kvmHintDedicated: false, launchSecurity: false,
  },
};
