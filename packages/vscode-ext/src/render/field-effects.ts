// What a hovered field does, in one or two lines: to the libvirt domain XML, the memory overhead
// or the virt-launcher pod. A table keyed by the field's path below the VMI spec (VM-level keys
// by their path below `spec`), the most specific entry wins; the values quoted are this VM's own
// (its domain XML and launcher resources as core computed them).

import type { ExplainItem, PathSegment } from '@l1vh/core';
import { mebibytes, quantity } from './format.js';

interface Facts {
  item: ExplainItem;
  /** The first `<tag …>` line of the domain XML (empty when there is no XML). */
  xml(tag: string): string;
  request(resource: string): string | undefined;
  limit(resource: string): string | undefined;
  overhead: string | undefined;
}

interface Effect {
  /** Dotted path with `*` for any one segment; matches the hovered path or a prefix of it. */
  at: string;
  says: (f: Facts, path: readonly PathSegment[]) => string;
}

const code = (s: string): string => (s ? ` \`${s}\`` : '');
/** virt-controller's pod memory request: requests.memory (else the guest memory) + the overhead. */
const podMemory = (f: Facts): string => {
  const pod = f.request('memory');
  const domain = f.item.vmi?.spec.domain;
  const requested = domain?.resources?.requests?.memory;
  const [what, value] = requested !== undefined ? ['requests.memory', requested] : ['guest', domain?.memory?.guest];
  return pod && f.overhead && value !== undefined ? `pod memory request = ${what} ${quantity(String(value))} + overhead ${f.overhead} = **${pod}**` : 'pod memory request = requests.memory (else guest memory) + overhead';
};

/** Below the VMI spec (a VM's `spec.template.spec`, a VMI's `spec`). */
const VMI_EFFECTS: readonly Effect[] = [
  { at: 'domain.memory.guest', says: (f) => `guest RAM: \`<memory>\`${code(f.xml('memory'))} in the domain XML; ${podMemory(f)}` },
  { at: 'domain.memory.hugepages', says: (f) => `guest RAM from hugepages: \`<memoryBacking><hugepages>\`; the pod requests \`hugepages-<size>\` equal to the guest memory instead of ordinary memory${code(f.xml('hugepages'))}` },
  { at: 'domain.memory.maxGuest', says: () => 'memory hotplug ceiling: `<maxMemory>` and a `<memory model="virtio-mem">` device; the overhead is computed on it' },
  { at: 'domain.resources.requests.memory', says: (f) => `memory request: the guest's RAM when \`memory.guest\` is unset${code(f.xml('memory'))}; ${podMemory(f)}` },
  { at: 'domain.resources.limits.memory', says: (f) => `memory limit: the pod's limit is this plus the overhead${f.limit('memory') ? ` = **${f.limit('memory')}**` : ''}` },
  { at: 'domain.resources.requests.cpu', says: (f) => `CPU request of the pod's compute container${f.request('cpu') ? ` = **${f.request('cpu')}**` : ''}; no change to \`<vcpu>\`` },
  { at: 'domain.resources.limits.cpu', says: (f) => `CPU limit of the pod's compute container${f.limit('cpu') ? ` = **${f.limit('cpu')}**` : ''}` },
  { at: 'domain.resources', says: (f) => `the pod's compute container resources: requests ${f.request('memory') ?? '?'} memory, ${f.request('cpu') ?? '?'} CPU` },
  { at: 'domain.cpu.dedicatedCpuPlacement', says: (f) => `pins each vCPU to a host CPU (\`<cputune><vcpupin>\`); the pod gets Guaranteed QoS, CPU requests = limits${f.request('cpu') ? ` = **${f.request('cpu')}**` : ''}` },
  { at: 'domain.cpu.model', says: (f) => `the guest CPU model: \`<cpu>\`${code(f.xml('cpu'))}` },
  { at: 'domain.cpu.*', says: (f) => `vCPU count \`<vcpu>\` = sockets × cores × threads${code(f.xml('vcpu'))}, \`<topology>\`${code(f.xml('topology'))}; 8Mi overhead per vCPU; without requests.cpu the pod requests vCPUs / cpuAllocationRatio${f.request('cpu') ? ` = **${f.request('cpu')}**` : ''}` },
  { at: 'domain.cpu', says: (f) => `the guest CPU: \`<vcpu>\`${code(f.xml('vcpu'))}, \`<cpu>\`${code(f.xml('cpu'))}` },
  { at: 'domain.devices.autoattachGraphicsDevice', says: (f) => `a VGA \`<video>\` and a VNC \`<graphics>\` device${f.xml('video') ? '' : ' (none in this XML: switched off)'}; video RAM counts in the overhead` },
  { at: 'domain.devices.autoattachSerialConsole', says: () => 'a `<serial>` + `<console>` pair on a unix socket for `virtctl console`' },
  { at: 'domain.devices.autoattachMemBalloon', says: (f) => `the \`<memballoon>\` device${code(f.xml('memballoon'))}` },
  { at: 'domain.devices.disks.*.bootOrder', says: () => '`<boot order>` on this disk' },
  { at: 'domain.devices.disks', says: (f, p) => `each disk becomes a \`<disk>\`; bus and name give \`<target dev bus>\`${p.length > 3 && typeof p[3] === 'number' ? ` (disk ${p[3] + 1} of ${f.item.vmi?.spec.domain.devices.disks?.length ?? '?'})` : ''}` },
  { at: 'domain.devices.interfaces', says: () => 'each interface becomes an `<interface>` (masquerade/bridge: a tap device in the pod); the binding adds overhead for some (passt)' },
  { at: 'domain.devices.networkInterfaceMultiqueue', says: () => 'one queue per vCPU on virtio interfaces (`<driver queues>`)' },
  { at: 'domain.devices.blockMultiQueue', says: () => 'one queue per vCPU on virtio disks (`<driver queues>`)' },
  { at: 'domain.devices.gpus', says: () => 'host GPUs: `<hostdev>` devices and a device-plugin resource in the pod limits' },
  { at: 'domain.devices.hostDevices', says: () => 'host devices: `<hostdev>` devices and a device-plugin resource in the pod limits' },
  { at: 'domain.devices.tpm', says: () => 'a `<tpm>` (swtpm) device' },
  { at: 'domain.devices', says: () => 'the `<devices>` of the domain XML' },
  { at: 'domain.firmware.bootloader.efi', says: (f) => `UEFI boot: \`<os>\` with \`<loader>\` and \`<nvram>\`${code(f.xml('loader'))}` },
  { at: 'domain.firmware.bootloader.bios', says: (f) => `BIOS (SeaBIOS) boot${code(f.xml('bios'))}` },
  { at: 'domain.firmware', says: (f) => `firmware: \`<os>\` and \`<sysinfo>\` (uuid, serial)${code(f.xml('loader') || f.xml('bios'))}` },
  { at: 'domain.machine', says: (f) => `the machine type: \`<type machine>\`${code(f.xml('type'))}` },
  { at: 'domain.features.hyperv', says: () => 'Hyper-V enlightenments for Windows guests: `<features><hyperv>`' },
  { at: 'domain.features', says: (f) => `\`<features>\` of the domain${code(f.xml('features'))}` },
  { at: 'domain.clock', says: (f) => `\`<clock>\`${code(f.xml('clock'))}` },
  { at: 'domain.ioThreadsPolicy', says: (f) => `IOThreads: \`<iothreads>\`${code(f.xml('iothreads'))}; each adds overhead` },
  { at: 'domain.launchSecurity', says: () => '`<launchSecurity>` (SEV/TDX): memory locked, adds to the pod limits' },
  { at: 'domain', says: () => 'the libvirt domain' },
  { at: 'volumes', says: () => 'where each disk\'s data comes from: the `<source>` of its `<disk>` (PVCs and DataVolumes must exist, in the profile or the workspace)' },
  { at: 'networks', says: () => 'which network each interface joins: `pod` is the pod network, `multus` a secondary one (a Multus annotation on the pod)' },
  { at: 'nodeSelector', says: () => 'which nodes can take the launcher pod (see the nodes in the full card)' },
  { at: 'affinity', says: () => 'which nodes can take the launcher pod (see the nodes in the full card)' },
  { at: 'tolerations', says: () => 'which tainted nodes can take the launcher pod' },
  { at: 'evictionStrategy', says: () => 'what a node drain does to the VM; no change to the domain or the pod resources' },
  { at: 'terminationGracePeriodSeconds', says: () => 'how long the guest gets to shut down; the pod\'s grace period' },
  { at: 'hostname', says: () => 'the guest hostname (DHCP, cloud-init); no change to the domain XML' },
];

/** Below a VM's `spec`. */
const VM_EFFECTS: readonly Effect[] = [
  { at: 'instancetype', says: (f) => `the instancetype fills CPU and memory into the template${f.item.vmi?.spec.domain.memory?.guest ? ` (guest memory ${quantity(String(f.item.vmi.spec.domain.memory.guest))}, ${f.xml('vcpu') || 'vCPUs as resolved'})` : ''}; it must exist in the cluster, the profile or the workspace` },
  { at: 'preference', says: () => 'the preference supplies defaults (devices, firmware, features) where the template sets none; it must exist in the cluster, the profile or the workspace' },
  { at: 'runStrategy', says: () => 'whether the VM runs; no change to the domain XML or the pod' },
  { at: 'running', says: () => 'whether the VM runs (deprecated: use runStrategy); no change to the domain XML or the pod' },
  { at: 'dataVolumeTemplates', says: () => 'DataVolumes created with the VM; volumes that name them get their PVC' },
];

function matches(pattern: string, path: readonly PathSegment[]): number {
  const parts = pattern.split('.');
  if (parts.length > path.length) return -1;
  return parts.every((p, i) => p === '*' || p === String(path[i])) ? parts.length : -1;
}

function best(effects: readonly Effect[], path: readonly PathSegment[]): Effect | undefined {
  let found: Effect | undefined;
  let length = 0;
  for (const e of effects) {
    const n = matches(e.at, path);
    if (n > length) {
      found = e;
      length = n;
    }
  }
  return found;
}

/**
 * What the field at `path` does. `vmiPath` is the path below the VMI spec (undefined outside
 * it), `vmPath` the path below a VM's `spec`.
 */
export function fieldEffect(item: ExplainItem, vmiPath: readonly PathSegment[] | undefined, vmPath: readonly PathSegment[] | undefined, withXml: () => ExplainItem = () => item): string | undefined {
  const effect = (vmiPath && best(VMI_EFFECTS, vmiPath)) ?? (vmPath && best(VM_EFFECTS, vmPath));
  if (!effect) return undefined;
  return effect.says(facts(item, withXml), vmiPath ?? vmPath ?? []);
}

/** `withXml` gives the item with its domain XML: built only when an effect quotes the XML. */
function facts(item: ExplainItem, withXml: () => ExplainItem): Facts {
  let xmlText: string | undefined;
  const res = item.launcherResources;
  const shown = (v: string | undefined): string | undefined => (v === undefined ? undefined : quantity(v) ?? v);
  return {
    item,
    xml: (tag) => new RegExp(`<${tag}[\\s>][^\\n]*`).exec((xmlText ??= withXml().domainXml ?? ''))?.[0].trim().slice(0, 90) ?? '',
    request: (r) => shown(res?.requests[r]),
    limit: (r) => shown(res?.limits?.[r]),
    overhead: item.overheadBytes !== null ? mebibytes(item.overheadBytes) : undefined,
  };
}
