// Parts of KubeVirt's domain XML outside libvirt's RelaxNG schema (domaincommon.rng), reproduced on
// purpose because KubeVirt emits them. Two are silently dropped by libvirt's parser (`virsh define
// --validate` of the same XML would fail); the third, a LUN disk on a filesystem-backed PVC, makes
// libvirt refuse the domain at define time (conf/domain_validate.c: "disk device='lun' is only
// valid for block type disk source"). Anything else outside the schema is a converter bug.

import { parseXml } from '../xml/parse.js';
import { getAttr, type XmlElement } from '../xml/element.js';
import { assembleDomain, type DomainBuild } from './domain-model.js';

export type SchemaQuirkKind = 'empty-sysinfo-section' | 'block-source-name' | 'lun-on-file-source';

export interface SchemaQuirk {
  kind: SchemaQuirkKind;
  /** What libvirt does: drops the part silently, or rejects the whole domain when it is defined. */
  effect: 'dropped' | 'rejected';
  /** Element path from <domain>, e.g. "domain/sysinfo/bios" or "domain/devices/disk[2]/source". */
  path: string;
  /** What libvirt does with it. */
  message: string;
}

/** Sysinfo sections the schema wants to hold at least one <entry>, but KubeVirt always writes. */
const SYSINFO_SECTIONS = ['bios', 'baseBoard', 'chassis'] as const;

function isDomainBuild(x: unknown): x is DomainBuild {
  return typeof x === 'object' && x !== null && 'slots' in x && 'devices' in x;
}

export function schemaQuirks(domain: string | XmlElement | DomainBuild): SchemaQuirk[] {
  const tree = typeof domain === 'string' ? parseXml(domain) : isDomainBuild(domain) ? assembleDomain(domain) : domain;
  if (!tree) return [];
  const out: SchemaQuirk[] = [];
  const sysinfo = tree.children.find((c) => c.name === 'sysinfo');
  for (const c of sysinfo?.children ?? []) {
    if ((SYSINFO_SECTIONS as readonly string[]).includes(c.name) && c.children.length === 0) {
      out.push({ kind: 'empty-sysinfo-section', effect: 'dropped', path: `domain/sysinfo/${c.name}`, message: `empty <${c.name}> in <sysinfo>: the schema requires an <entry>; libvirt drops the empty section` });
    }
  }
  const disks = tree.children.find((c) => c.name === 'devices')?.children.filter((c) => c.name === 'disk') ?? [];
  disks.forEach((d, i) => {
    const source = d.children.find((c) => c.name === 'source');
    if (getAttr(d, 'type') === 'block' && source && getAttr(source, 'name') !== undefined) {
      out.push({ kind: 'block-source-name', effect: 'dropped', path: `domain/devices/disk[${i}]/source`, message: `name="${getAttr(source, 'name')}" on a block disk's <source>: outside the schema; libvirt ignores it` });
    }
    if (getAttr(d, 'device') === 'lun' && getAttr(d, 'type') === 'file') {
      out.push({ kind: 'lun-on-file-source', effect: 'rejected', path: `domain/devices/disk[${i}]`, message: `disk device="lun" with a file source: libvirt refuses to define the domain ("disk device='lun' is only valid for block type disk source"); the PVC must have volumeMode Block` });
    }
  });
  return out;
}

/** A copy of the tree without the known quirks (rejected LUN disks removed): what the schema can judge. */
export function withoutSchemaQuirks(tree: XmlElement): XmlElement {
  const copy = structuredClone(tree);
  const devices = copy.children.find((c) => c.name === 'devices');
  if (devices) devices.children = devices.children.filter((d) => !(d.name === 'disk' && getAttr(d, 'device') === 'lun' && getAttr(d, 'type') === 'file'));
  const sysinfo = copy.children.find((c) => c.name === 'sysinfo');
  if (sysinfo) sysinfo.children = sysinfo.children.filter((c) => !((SYSINFO_SECTIONS as readonly string[]).includes(c.name) && c.children.length === 0));
  for (const d of copy.children.find((c) => c.name === 'devices')?.children ?? []) {
    const source = d.name === 'disk' && getAttr(d, 'type') === 'block' ? d.children.find((c) => c.name === 'source') : undefined;
    if (source) source.attrs = source.attrs.filter(([k]) => k !== 'name');
  }
  return copy;
}
