// <hostdev> for generic host devices, GPUs and SR-IOV interfaces, in that order (compute/host_device.go).
// The host addresses come from the device plugins' environment on the node, so the preview emits
// placeholders without a source address and notes what the node fills in. The device type follows
// the cluster's permittedHostDevices (mediated → mdev, usb → usb, otherwise PCI). DRA claims are
// resolved from DRA metadata files that only exist in the pod, and SR-IOV hostdevs need the
// Multus network status, so those produce notes only (as KubeVirt does without that data).

import type { GPU, HostDevice, VirtualMachineInstance } from '../../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../../profile/kubevirt-config.js';
import { el, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { pciAddressElement, userAlias } from '../device-settings.js';

type DeviceKind = 'pci' | 'mdev' | 'usb';

interface PermittedHostDevices {
  pciHostDevices?: { resourceName?: string }[];
  mediatedDevices?: { resourceName?: string }[];
  usb?: { resourceName?: string }[];
}

/** The device kind the cluster permits this resource as, or undefined when it is not listed. */
function permittedKind(config: KubeVirtConfig, resourceName: string | undefined): DeviceKind | undefined {
  const permitted = (config.permittedHostDevices ?? {}) as PermittedHostDevices;
  const has = (list: { resourceName?: string }[] | undefined): boolean => (list ?? []).some((d) => d.resourceName === resourceName);
  if (has(permitted.pciHostDevices)) return 'pci';
  if (has(permitted.mediatedDevices)) return 'mdev';
  if (has(permitted.usb)) return 'usb';
  return undefined;
}

/** The kind to show, noting when the profile does not say. */
function kindOf(config: KubeVirtConfig, what: string, resourceName: string | undefined, notes: string[]): DeviceKind {
  const kind = permittedKind(config, resourceName);
  if (kind) return kind;
  notes.push(`${what}: ${resourceName ?? ''} is not in the profile's permittedHostDevices (or is provided externally); a PCI device is assumed.`);
  return 'pci';
}

/** A placeholder hostdev of a kind: attributes and alias as KubeVirt writes them, with an empty source. */
function placeholder(kind: DeviceKind, aliasPrefix: string, name: string): XmlElement {
  switch (kind) {
    case 'mdev':
      return el('hostdev', { type: 'mdev', mode: 'subsystem', model: 'vfio-pci' }, [el('source'), el('alias', { name: userAlias(aliasPrefix + name) })]);
    case 'usb':
      return el('hostdev', { type: 'usb', mode: 'subsystem' }, [el('source'), el('alias', { name: userAlias(`usb-host-${name}`) })]);
    default:
      return el('hostdev', { type: 'pci', managed: 'no' }, [el('source'), el('alias', { name: userAlias(aliasPrefix + name) })]);
  }
}

const isDra = (d: HostDevice | GPU): boolean => !d.deviceName && d.claimName !== undefined;

function sriovHostdevs(vmi: VirtualMachineInstance, notes: string[]): XmlElement[] | { error: string } {
  const out: XmlElement[] = [];
  for (const iface of vmi.spec.domain.devices.interfaces ?? []) {
    if (iface.sriov === undefined) continue;
    const status = vmi.status?.interfaces?.find((s) => s.name === iface.name);
    if (!status?.infoSource?.split(',').includes('multus-status')) {
      notes.push(`interface ${iface.name}: the SR-IOV VF is attached as <hostdev type="pci" managed="no"> (alias ua-sriov-${iface.name}) once Multus reports it; its PCI address comes from the device plugin on the node.`);
      continue;
    }
    const children: (XmlElement | undefined)[] = [el('source')];
    if (iface.bootOrder !== undefined) children.push(el('boot', { order: iface.bootOrder }));
    if (iface.pciAddress) {
      const a = pciAddressElement(iface.pciAddress);
      if ('error' in a) return { error: `failed to create hostdevice for ${iface.name}: failed to interpret the guest PCI address: ${a.error}` };
      children.push(a);
    }
    children.push(el('alias', { name: userAlias(`sriov-${iface.name}`) }));
    out.push(el('hostdev', { type: 'pci', managed: 'no' }, children));
    notes.push(`interface ${iface.name}: the SR-IOV VF's host PCI address comes from the device plugin on the node.`);
  }
  return out;
}

export const configureHostDevices: Configurator = (ctx, domain) => {
  const devices = ctx.vmi.spec.domain.devices;
  // Generic devices come out grouped: PCI first, then mediated, then USB.
  const generic: Record<DeviceKind, XmlElement[]> = { pci: [], mdev: [], usb: [] };
  for (const hd of devices.hostDevices ?? []) {
    if (isDra(hd)) {
      ctx.notes.push(`host device ${hd.name}: DRA claim ${hd.claimName}; the device is attached from the claim's metadata on the node.`);
      continue;
    }
    const kind = kindOf(ctx.config, `host device ${hd.name}`, hd.deviceName, ctx.notes);
    generic[kind].push(placeholder(kind, 'hostdevice-', hd.name));
    ctx.notes.push(`host device ${hd.name} (${hd.deviceName ?? ''}): its host address comes from the device plugin on the node.`);
  }
  domain.devices.hostdev.push(...generic.pci, ...generic.mdev, ...generic.usb);
  for (const gpu of devices.gpus ?? []) {
    if (isDra(gpu)) {
      ctx.notes.push(`GPU ${gpu.name}: DRA claim ${gpu.claimName}; the device is attached from the claim's metadata on the node.`);
      continue;
    }
    domain.devices.hostdev.push(placeholder(kindOf(ctx.config, `GPU ${gpu.name}`, gpu.deviceName, ctx.notes) === 'mdev' ? 'mdev' : 'pci', 'gpu-', gpu.name));
    ctx.notes.push(`GPU ${gpu.name} (${gpu.deviceName ?? ''}): its host address comes from the device plugin on the node.`);
  }
  const sriov = sriovHostdevs(ctx.vmi, ctx.notes);
  if ('error' in sriov) return sriov.error;
  domain.devices.hostdev.push(...sriov);
  return undefined;
};
