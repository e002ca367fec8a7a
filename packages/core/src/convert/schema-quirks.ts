// Parts of KubeVirt's domain XML that libvirt's RelaxNG schema (domaincommon.rng) or an older libvirt
// parser refuses, reproduced on purpose because KubeVirt emits them. Two are silently dropped by
// libvirt's parser (`virsh define --validate` of the same XML would fail); a LUN disk on a
// filesystem-backed PVC makes libvirt refuse the domain at define time (conf/domain_validate.c:
// "disk device='lun' is only valid for block type disk source"); a host device's empty <source> is
// the preview's placeholder for the PCI/USB address the device plugin gives on the node; and
// <maxMemory slots="0"> is schema-valid but refused by libvirt 9.0's parser. Anything else outside
// the schema is a converter bug.

import { parseXml } from '../xml/parse.js';
import { getAttr, type XmlElement } from '../xml/element.js';
import { assembleDomain, type DomainBuild } from './domain-model.js';

export type SchemaQuirkKind = 'empty-sysinfo-section' | 'block-source-name' | 'lun-on-file-source' | 'empty-hostdev-source' | 'max-memory-zero-slots';

export interface SchemaQuirk {
  kind: SchemaQuirkKind;
  /**
   * What libvirt does: drops the part silently; rejects the whole domain when it is defined;
   * `placeholder`: the preview cannot know the value (the node fills it in); `rejected-by-older-libvirt`:
   * schema-valid, refused by libvirt 9.0's parser, accepted by the libvirt KubeVirt's launchers ship.
   */
  effect: 'dropped' | 'rejected' | 'placeholder' | 'rejected-by-older-libvirt';
  /** Element path from <domain> with 0-based indexes among same-named siblings, e.g. "domain/devices/disk[2]/source"
   * (the third disk). Kept as it always was; `xpath` is the same location written as XPath. */
  path: string;
  /** The same location as an XPath 1.0 expression: absolute, 1-based, e.g. "/domain/devices/disk[3]/source". */
  xpath: string;
  /** What libvirt does with it. */
  message: string;
}

/** Sysinfo sections the schema wants to hold at least one <entry>, but KubeVirt always writes. */
const SYSINFO_SECTIONS = ['bios', 'baseBoard', 'chassis'] as const;

function isDomainBuild(x: unknown): x is DomainBuild {
  return typeof x === 'object' && x !== null && 'slots' in x && 'devices' in x;
}

/** Which libvirt accepts <maxMemory slots="0">: the text the quirk and docs/l1vh-domain-xml.md share. */
export const MAX_MEMORY_ZERO_SLOTS_LIBVIRT =
  'libvirt 9.0 and older refuse it when the domain is defined ("both maximum memory size and memory slot count must be specified", virDomainDefPostParseMemory); ' +
  'later libvirt refuses only slots without a maximum size, and the libvirt of KubeVirt\'s launchers (11.9 in v1.8, 11.10 in v1.9 and main, 12.x in CentOS Stream 10 builds) accepts it';

/** A location as `path` (0-based indexes, as always reported) and as XPath (1-based). */
function at(steps: readonly (string | [name: string, index: number])[]): { path: string; xpath: string } {
  const p = steps.map((s) => (typeof s === 'string' ? s : `${s[0]}[${s[1]}]`)).join('/');
  const x = steps.map((s) => (typeof s === 'string' ? s : `${s[0]}[${s[1] + 1}]`)).join('/');
  return { path: p, xpath: `/${x}` };
}

export function schemaQuirks(domain: string | XmlElement | DomainBuild): SchemaQuirk[] {
  const tree = typeof domain === 'string' ? parseXml(domain) : isDomainBuild(domain) ? assembleDomain(domain) : domain;
  if (!tree) return [];
  const out: SchemaQuirk[] = [];
  const maxMemory = tree.children.find((c) => c.name === 'maxMemory');
  if (maxMemory && getAttr(maxMemory, 'slots') === '0') {
    out.push({ kind: 'max-memory-zero-slots', effect: 'rejected-by-older-libvirt', ...at(['domain', 'maxMemory']), message: `<maxMemory slots="0"> (memory hotplug through virtio-mem, no DIMM slots): valid in the schema; ${MAX_MEMORY_ZERO_SLOTS_LIBVIRT}` });
  }
  const sysinfo = tree.children.find((c) => c.name === 'sysinfo');
  for (const c of sysinfo?.children ?? []) {
    if ((SYSINFO_SECTIONS as readonly string[]).includes(c.name) && c.children.length === 0) {
      out.push({ kind: 'empty-sysinfo-section', effect: 'dropped', ...at(['domain', 'sysinfo', c.name]), message: `empty <${c.name}> in <sysinfo>: the schema requires an <entry>; libvirt drops the empty section` });
    }
  }
  const devices = tree.children.find((c) => c.name === 'devices')?.children ?? [];
  devices.filter((c) => c.name === 'disk').forEach((d, i) => {
    const source = d.children.find((c) => c.name === 'source');
    if (getAttr(d, 'type') === 'block' && source && getAttr(source, 'name') !== undefined) {
      out.push({ kind: 'block-source-name', effect: 'dropped', ...at(['domain', 'devices', ['disk', i], 'source']), message: `name="${getAttr(source, 'name')}" on a block disk's <source>: outside the schema; libvirt ignores it` });
    }
    if (getAttr(d, 'device') === 'lun' && getAttr(d, 'type') === 'file') {
      out.push({ kind: 'lun-on-file-source', effect: 'rejected', ...at(['domain', 'devices', ['disk', i]]), message: `disk device="lun" with a file source: libvirt refuses to define the domain ("disk device='lun' is only valid for block type disk source"); the PVC must have volumeMode Block` });
    }
  });
  devices.filter((c) => c.name === 'hostdev').forEach((h, i) => {
    const source = h.children.find((c) => c.name === 'source');
    if (source && source.children.length === 0 && source.attrs.length === 0) {
      out.push({
        kind: 'empty-hostdev-source',
        effect: 'placeholder',
        ...at(['domain', 'devices', ['hostdev', i], 'source']),
        message: `empty <source> in <hostdev type="${getAttr(h, 'type') ?? ''}">: the host address comes from the device plugin on the node (virt-launcher fills it in at start); the schema requires an <address>, and libvirt would read an empty PCI source as 0000:00:00.0`,
      });
    }
  });
  return out;
}

/** A copy of the tree without the known quirks (rejected LUN disks removed): what the schema can judge. */
export function withoutSchemaQuirks(tree: XmlElement): XmlElement {
  const copy = structuredClone(tree);
  const devices = copy.children.find((c) => c.name === 'devices');
  if (devices) devices.children = devices.children.filter((d) => !(d.name === 'disk' && getAttr(d, 'device') === 'lun' && getAttr(d, 'type') === 'file') && !isPlaceholderHostdev(d));
  const sysinfo = copy.children.find((c) => c.name === 'sysinfo');
  if (sysinfo) sysinfo.children = sysinfo.children.filter((c) => !((SYSINFO_SECTIONS as readonly string[]).includes(c.name) && c.children.length === 0));
  for (const d of copy.children.find((c) => c.name === 'devices')?.children ?? []) {
    const source = d.name === 'disk' && getAttr(d, 'type') === 'block' ? d.children.find((c) => c.name === 'source') : undefined;
    if (source) source.attrs = source.attrs.filter(([k]) => k !== 'name');
  }
  return copy;
}

function isPlaceholderHostdev(d: XmlElement): boolean {
  const source = d.name === 'hostdev' ? d.children.find((c) => c.name === 'source') : undefined;
  return source !== undefined && source.children.length === 0 && source.attrs.length === 0;
}
