// <controller>s in KubeVirt's append order (compute/controllers.go): usb (qemu-xhci when USB is
// needed, else none), scsi (unless hotplug is disabled and no disk uses scsi; with an IO thread
// and queues when a scsi disk asks for a dedicated thread), the amd64 pcie-root with pcihole64
// disabled (annotation), and virtio-serial for the serial console.

import type { Disk, VirtualMachineInstance } from '../../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../../profile/kubevirt-config.js';
import { el, textEl, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import type { ConverterContext } from '../context.js';
import { DEVICE_ARCH, needsVirtioIommu, requestedVcpus, scsiControllerModel, serialConsoleAttached, virtioModel } from '../device-settings.js';
import { busOfDisk } from '../disk-naming.js';
import { hasDedicatedIOThread } from '../iothreads-plan.js';

const DISABLE_PCI_HOLE64_ANNOTATION = 'kubevirt.io/disablePCIHole64';

interface PermittedUsb { usb?: { resourceName?: string }[] }

/** amd64 IsUSBNeeded: a usb (or bus-less) input, a usb disk, client passthrough, or a permitted USB host device. */
function usbUsed(vmi: VirtualMachineInstance, config: KubeVirtConfig): boolean {
  const dev = vmi.spec.domain.devices;
  if ((dev.inputs ?? []).some((i) => i.bus === 'usb' || !i.bus)) return true;
  if ((dev.disks ?? []).some((d) => d.disk?.bus === 'usb')) return true;
  if (dev.clientPassthrough !== undefined) return true;
  // On the node this checks the device plugin's USB environment; the profile's permitted USB list stands in.
  const usbResources = new Set((((config.permittedHostDevices ?? {}) as PermittedUsb).usb ?? []).map((u) => u.resourceName));
  return (dev.hostDevices ?? []).some((h) => h.deviceName !== undefined && usbResources.has(h.deviceName));
}

export function isUsbNeeded(ctx: ConverterContext): boolean {
  const rule = DEVICE_ARCH[ctx.arch].usb;
  return rule === 'always' || (rule === 'when-used' && usbUsed(ctx.vmi, ctx.config));
}

/** The SCSI controller exists whenever hotplug is enabled, or some disk is on the scsi bus. */
export function requiresScsiController(vmi: VirtualMachineInstance): boolean {
  const dev = vmi.spec.domain.devices;
  return dev.disableHotplug !== true || (dev.disks ?? []).some((d) => busOfDisk(d) === 'scsi');
}

/** computeScsiControllerThread: the auto-pool thread after the one each shared virtio disk advances. */
function scsiControllerThread(autoThreads: number, disks: readonly Disk[]): number {
  let thread = 1;
  for (const d of disks) if (busOfDisk(d) === 'virtio' && !hasDedicatedIOThread(d)) thread = (thread % autoThreads) + 1;
  return thread;
}

function scsiDriver(ctx: ConverterContext, iommu: boolean): XmlElement | undefined {
  const disks = ctx.vmi.spec.domain.devices.disks ?? [];
  const autoThreads = ctx.ioThreads.autoThreads;
  const threaded = autoThreads > 0 && disks.some((d) => busOfDisk(d) === 'scsi' && hasDedicatedIOThread(d));
  if (!threaded) return iommu ? el('driver', { iommu: 'on' }) : undefined;
  return el('driver', {
    iothread: scsiControllerThread(autoThreads, disks),
    queues: Math.max(requestedVcpus(ctx.vmi), 1),
    iommu: iommu ? 'on' : undefined,
  });
}

export const configureControllers: Configurator = (ctx, domain) => {
  const vmi = ctx.vmi;
  const iommu = needsVirtioIommu(ctx);
  const out = domain.devices.controller;
  out.push(el('controller', { type: 'usb', index: '0', model: isUsbNeeded(ctx) ? 'qemu-xhci' : 'none' }));
  if (requiresScsiController(vmi)) {
    out.push(el('controller', { type: 'scsi', index: '0', model: scsiControllerModel(ctx) }, [scsiDriver(ctx, iommu)]));
  }
  const hole64 = vmi.metadata.annotations?.[DISABLE_PCI_HOLE64_ANNOTATION];
  if (DEVICE_ARCH[ctx.arch].pciHole64Disabling && hole64 !== undefined && hole64.toLowerCase() === 'true') {
    out.push(el('controller', { type: 'pci', index: '0', model: 'pcie-root' }, [textEl('pcihole64', 0, { unit: 'KiB' })]));
  }
  if (serialConsoleAttached(vmi)) {
    out.push(el('controller', { type: 'virtio-serial', index: '0', model: virtioModel(ctx) }, [iommu && el('driver', { iommu: 'on' })]));
  }
};
