// The ConverterContext device settings virt-handler passes to virt-launcher (manager.go
// generateConverterContext), derived here from the KubeVirt CR and the VMI: SMBIOS values, balloon
// stats period, free page reporting, serial console logging, bochs for EFI guests, and the
// ephemeral disk directory.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';

/** The cluster's SMBIOS system values (virt-handler passes them; never nil in production). */
export interface SmbiosValues {
  manufacturer?: string;
  product?: string;
  version?: string;
  sku?: string;
  family?: string;
}

const DEFAULT_STATS_PERIOD = 10;
const FREE_PAGE_REPORTING_DISABLED_ANNOTATION = 'kubevirt.io/free-page-reporting-disabled';
const VGA_DISPLAY_FOR_EFI_ANNOTATION = 'kubevirt.io/vga-display-efi-x86';
/** EphemeralDiskCreator's mount point in the launcher. */
export const EPHEMERAL_DISK_DIR = '/var/run/kubevirt-ephemeral-disks/disk-data';

/** IsHighPerformanceVMI: dedicated CPUs, realtime, or hugepages. */
export function isHighPerformanceVmi(vmi: VirtualMachineInstance): boolean {
  const d = vmi.spec.domain;
  return d.cpu?.dedicatedCpuPlacement === true || d.cpu?.realtime !== undefined || d.memory?.hugepages !== undefined;
}

/** Free page reporting is on unless the cluster, the balloon, a high-performance VMI or the annotation turns it off. */
export function freePageReportingEnabled(vmi: VirtualMachineInstance, config: KubeVirtConfig): boolean {
  return !(
    config.virtualMachineOptions?.disableFreePageReporting !== undefined ||
    vmi.spec.domain.devices.autoattachMemBalloon === false ||
    isHighPerformanceVmi(vmi) ||
    vmi.metadata.annotations?.[FREE_PAGE_REPORTING_DISABLED_ANNOTATION] === 'true'
  );
}

/** logSerialConsole wins when set; otherwise logging is on unless the cluster disables it. */
export function serialConsoleLogEnabled(vmi: VirtualMachineInstance, config: KubeVirtConfig): boolean {
  const perVmi = vmi.spec.domain.devices.logSerialConsole;
  if (perVmi !== undefined) return perVmi;
  return config.virtualMachineOptions?.disableSerialConsoleLog === undefined;
}

/** BochsForEFIGuests: on unless the KubeVirt CR has the annotation (any value). */
export function bochsForEfiGuests(profile: ClusterProfile): boolean {
  const annotations = profile.kubevirt?.value.metadata.annotations ?? {};
  return !(VGA_DISPLAY_FOR_EFI_ANNOTATION in annotations);
}

/** The cluster's memBalloonStatsPeriod (virt-handler passes it; default 10). */
function statsPeriod(config: KubeVirtConfig): number {
  const p = config['memBalloonStatsPeriod'];
  return typeof p === 'number' ? p : DEFAULT_STATS_PERIOD;
}

export interface PreviewDeviceContext {
  smbios: SmbiosValues | null;
  memBalloonStatsPeriod: number;
  freePageReporting: boolean;
  serialConsoleLog: boolean;
  bochsForEfiGuests: boolean;
  ephemeralDiskDir: string;
}

export function previewDeviceContext(vmi: VirtualMachineInstance, profile: ClusterProfile): PreviewDeviceContext {
  const config = profile.config;
  return {
    smbios: config.smbios,
    memBalloonStatsPeriod: statsPeriod(config),
    freePageReporting: freePageReportingEnabled(vmi, config),
    serialConsoleLog: serialConsoleLogEnabled(vmi, config),
    bochsForEfiGuests: bochsForEfiGuests(profile),
    ephemeralDiskDir: EPHEMERAL_DISK_DIR,
  };
}
