// <sysinfo type="smbios">: system entries (firmware uuid/serial, then the cluster SMBIOS values,
// all five even when empty; none without SMBIOS values), chassis entries; the four wrappers are always written.

import { el, textEl } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const entry = (name: string, value: string | undefined) => textEl('entry', value ?? '', { name });

export const configureSysinfo: Configurator = (ctx, domain) => {
  const d = ctx.vmi.spec.domain;
  const system = [];
  if (d.firmware) {
    system.push(entry('uuid', d.firmware.uuid));
    if (d.firmware.serial) system.push(entry('serial', d.firmware.serial));
  }
  const s = ctx.smbios;
  if (s) system.push(entry('manufacturer', s.manufacturer), entry('family', s.family), entry('product', s.product), entry('sku', s.sku), entry('version', s.version));
  const c = d.chassis;
  const chassis = c
    ? [entry('manufacturer', c.manufacturer), entry('version', c.version), entry('serial', c.serial), entry('asset', c.asset), entry('sku', c.sku)]
    : [];
  domain.slots.sysinfo = el('sysinfo', { type: 'smbios' }, [el('system', {}, system), el('bios'), el('baseBoard'), el('chassis', {}, chassis)]);
};
