// <interface> per non-absent spec interface (converter/network): tap (bridge, masquerade and tap
// binding plugins) → type="ethernet"; passt → type="vhostuser". SR-IOV interfaces become hostdevs
// (13) and plugins with another domain attachment are added by their sidecar, so both are skipped.
// What the pod network setup adds before start (MAC, MTU, tap name) is noted, not invented.

import type { Interface, VirtualMachineInstance } from '../../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../../profile/kubevirt-config.js';
import { el, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import type { ConverterContext } from '../context.js';
import { DEVICE_ARCH, needsVirtioIommu, pciAddressElement, requestedVcpus, userAlias, virtioModel } from '../device-settings.js';

const TAP = 'tap';
const MANAGED_TAP = 'managedTap';
const MAX_QUEUES = 256;
const PASST_LOG_FILE = '/var/run/kubevirt/passt.log';
const ISTIO_INJECT_ANNOTATION = 'sidecar.istio.io/inject';
/** Envoy's reserved ports, excluded from passt forwarding when istio injects its proxy (network/istio). */
const ISTIO_RESERVED_PORTS = [15000, 15001, 15004, 15006, 15008, 15009, 15020, 15021, 15053, 15090];

/** DomainAttachmentByInterfaceName: bridge/masquerade → tap; binding plugins → their domainAttachmentType (managedTap → tap). */
export function domainAttachmentOf(iface: Interface, config: KubeVirtConfig): string | undefined {
  if (iface.bridge !== undefined || iface.masquerade !== undefined) return TAP;
  if (!iface.binding) return undefined;
  const type = config.network.binding?.[iface.binding.name]?.domainAttachmentType;
  if (!type) return undefined;
  return type === MANAGED_TAP ? TAP : type;
}

/** NetworkQueuesCapacity: one queue per vCPU (≤256) with networkInterfaceMultiqueue, else 0. */
export function networkQueues(vmi: VirtualMachineInstance): number {
  if (vmi.spec.domain.devices.networkInterfaceMultiqueue !== true) return 0;
  return Math.min(requestedVcpus(vmi), MAX_QUEUES);
}

function virtioDriver(ctx: ConverterContext): XmlElement | undefined {
  const queues = networkQueues(ctx.vmi);
  const iommu = needsVirtioIommu(ctx);
  if (queues === 0 && !iommu) return undefined;
  return el('driver', { name: 'vhost', queues: queues > 0 ? queues : undefined, iommu: iommu ? 'on' : undefined });
}

/** passt forwards the spec ports (tcp by default), or everything when none are listed. */
function passtPortForwards(iface: Interface, vmi: VirtualMachineInstance): XmlElement[] {
  const tcp: XmlElement[] = [];
  const udp: XmlElement[] = [];
  if ((vmi.metadata.annotations?.[ISTIO_INJECT_ANNOTATION] ?? '').toLowerCase() === 'true') {
    for (const port of ISTIO_RESERVED_PORTS) tcp.push(el('range', { start: port, exclude: 'yes' }));
  }
  for (const p of iface.ports ?? []) {
    if (p.port < 0) continue;
    const proto = (p.protocol ?? '').toLowerCase();
    if (proto === 'tcp' || proto === '') tcp.push(el('range', { start: p.port }));
    else if (proto === 'udp') udp.push(el('range', { start: p.port }));
  }
  const out: XmlElement[] = [];
  if (tcp.length === 0 && udp.length === 0) out.push(el('portForward', { proto: 'tcp' }), el('portForward', { proto: 'udp' }));
  if (tcp.length > 0) out.push(el('portForward', { proto: 'tcp' }, tcp));
  if (udp.length > 0) out.push(el('portForward', { proto: 'udp' }, udp));
  return out;
}

/** The pod interface passt attaches to (passt is pod-network only): from status, else eth0 (noted). */
function passtPodInterface(ctx: ConverterContext, iface: Interface): string {
  const status = ctx.vmi.status?.interfaces?.find((s) => s.name === iface.name);
  if (status?.podInterfaceName) return status.podInterfaceName;
  ctx.notes.push(`interface ${iface.name}: passt attaches to the pod interface reported in the VMI status; eth0 (the primary pod interface) is assumed.`);
  return 'eth0';
}

function buildInterface(ctx: ConverterContext, iface: Interface, attachment: string | undefined): XmlElement | { error: string } {
  const model = iface.model || 'virtio';
  const isVirtio = model === 'virtio';
  let address: XmlElement | undefined;
  if (iface.pciAddress) {
    const a = pciAddressElement(iface.pciAddress);
    if ('error' in a) return { error: `failed to configure interface ${iface.name}: ${a.error}` };
    address = a;
  }
  const launchSecurity = needsVirtioIommu(ctx);
  let type = '';
  let source: XmlElement = el('source');
  let boot: XmlElement | undefined;
  let rom: XmlElement | undefined;
  let link: XmlElement | undefined;
  let backend: XmlElement | undefined;
  let portForwards: XmlElement[] = [];
  if (attachment === TAP) {
    type = 'ethernet';
    if (iface.bootOrder !== undefined) boot = el('boot', { order: iface.bootOrder });
    if (DEVICE_ARCH[ctx.arch].romTuning && (iface.bootOrder === undefined || launchSecurity)) rom = el('rom', { enabled: 'no' });
    if (iface.state === 'down') link = el('link', { state: 'down' });
    ctx.notes.push(
      `interface ${iface.name}: before the domain starts, virt-launcher's pod network setup adds <mac> (${iface.macAddress ? 'the spec macAddress' : 'chosen on the node'}), <mtu> and <target dev="tap…" managed="no">.`,
    );
  } else if (iface.passtBinding !== undefined) {
    const dev = passtPodInterface(ctx, iface);
    type = 'vhostuser';
    source = el('source', { dev });
    backend = el('backend', { type: 'passt', logFile: PASST_LOG_FILE });
    portForwards = passtPortForwards(iface, ctx.vmi);
  }
  return el('interface', { type }, [
    address,
    source,
    el('model', { type: isVirtio ? virtioModel(ctx) : model }),
    iface.macAddress ? el('mac', { address: iface.macAddress }) : undefined,
    boot,
    link,
    el('alias', { name: userAlias(iface.name) }),
    isVirtio ? virtioDriver(ctx) : undefined,
    rom,
    iface.acpiIndex !== undefined && iface.acpiIndex > 0 ? el('acpi', { index: iface.acpiIndex }) : undefined,
    backend,
    ...portForwards,
  ]);
}

export const configureInterfaces: Configurator = (ctx, domain) => {
  const networks = new Set((ctx.vmi.spec.networks ?? []).map((n) => n.name));
  for (const iface of ctx.vmi.spec.domain.devices.interfaces ?? []) {
    if (iface.state === 'absent') continue;
    if (!networks.has(iface.name)) return `failed to find network ${iface.name}`;
    const attachment = domainAttachmentOf(iface, ctx.config);
    if (iface.sriov !== undefined) continue; // a hostdev (13)
    if (iface.binding && attachment !== TAP) {
      ctx.notes.push(`interface ${iface.name}: the network binding plugin "${iface.binding.name}" adds this interface to the domain itself (sidecar hook); it is not shown.`);
      continue;
    }
    const e = buildInterface(ctx, iface, attachment);
    if ('error' in e) return e.error;
    domain.devices.interface.push(e);
  }
  return undefined;
};
