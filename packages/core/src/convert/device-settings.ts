// Device-level settings the converter derives once from the VMI and the architecture
// (converter.go: virtioModel/scsiModel; converter/arch: USB need; vcpu: requested vCPUs;
// util: launch security). Shared by the device configurators (owner: converter helper C).

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { Arch, ConverterContext } from './context.js';
import { el, type XmlElement } from '../xml/element.js';
import { quantityCount as quantityValue } from '../quantity/text.js';

interface DeviceArch {
  /** InterpretTransitionalModelType for this architecture. */
  virtioModel: (useTransitional: boolean) => string;
  /** SCSIControllerModel: the virtio model, or a fixed one. */
  scsiModel: (virtioModel: string) => string;
  /** IsUSBNeeded: always, never, or only when a USB device is present (amd64). */
  usb: 'always' | 'never' | 'when-used';
  /** IsROMTuningSupported. */
  romTuning: boolean;
  /** SupportPCIHole64Disabling. */
  pciHole64Disabling: boolean;
}

const transitional = (t: boolean): string => (t ? 'virtio-transitional' : 'virtio-non-transitional');

export const DEVICE_ARCH: Readonly<Record<Arch, DeviceArch>> = {
  amd64: { virtioModel: transitional, scsiModel: (m) => m, usb: 'when-used', romTuning: true, pciHole64Disabling: true },
  arm64: { virtioModel: transitional, scsiModel: (m) => m, usb: 'always', romTuning: true, pciHole64Disabling: false },
  s390x: { virtioModel: () => 'virtio', scsiModel: () => 'virtio-scsi', usb: 'never', romTuning: false, pciHole64Disabling: false },
};

export function virtioModel(ctx: ConverterContext): string {
  return DEVICE_ARCH[ctx.arch].virtioModel(ctx.vmi.spec.domain.devices.useVirtioTransitional === true);
}

export function scsiControllerModel(ctx: ConverterContext): string {
  return DEVICE_ARCH[ctx.arch].scsiModel(virtioModel(ctx));
}

/** SEV/SNP (UseLaunchSecuritySEV) or s390x Secure Execution (UseLaunchSecurityPV): virtio devices need iommu="on". */
export function needsVirtioIommu(ctx: ConverterContext): boolean {
  const ls = ctx.vmi.spec.domain.launchSecurity;
  if (!ls) return false;
  return ls.sev !== undefined || ls.snp !== undefined || ctx.vmi.spec.architecture === 's390x';
}

/** vcpu.CalculateRequestedVCPUs(GetCPUTopology(vmi)): sockets×cores×threads, 0 → 1 each; without a topology, the CPU limit or request. */
export function requestedVcpus(vmi: VirtualMachineInstance): number {
  const cpu = vmi.spec.domain.cpu;
  let sockets = cpu?.sockets || 1;
  const cores = cpu?.cores || 1;
  const threads = cpu?.threads || 1;
  if (!cpu || (!cpu.cores && !cpu.sockets && !cpu.threads)) {
    const res = vmi.spec.domain.resources;
    const fromResources = quantityValue(res?.limits?.cpu) ?? quantityValue(res?.requests?.cpu);
    if (fromResources !== null) sockets = fromResources;
  }
  return sockets * cores * threads;
}

/** The user-defined alias KubeVirt writes for a device name (Go's zero value "" when the manifest has none). */
export function userAlias(name: string | undefined): string {
  return `ua-${name ?? ''}`;
}

/** Whether the VMI asks for the serial console (and so the virtio-serial controller). */
export function serialConsoleAttached(vmi: VirtualMachineInstance): boolean {
  return vmi.spec.domain.devices.autoattachSerialConsole !== false;
}

/** Whether graphics (and the arch-specific input devices) are attached. */
export function graphicsAttached(vmi: VirtualMachineInstance): boolean {
  return vmi.spec.domain.devices.autoattachGraphicsDevice !== false;
}

const PCI_ADDRESS = /^([\da-fA-F]{4}):([\da-fA-F]{2}):([\da-fA-F]{2})\.([0-7])$/;

/** device.NewPciAddressField: `dddd:bb:ss.f` → <address type="pci" …>, or KubeVirt's parse error. */
export function pciAddressElement(address: string): XmlElement | { error: string } {
  const m = PCI_ADDRESS.exec(address);
  if (!m) return { error: `failed to parse pci address ${address}` };
  return el('address', { type: 'pci', domain: `0x${m[1]}`, bus: `0x${m[2]}`, slot: `0x${m[3]}`, function: `0x${m[4]}` });
}
