// virt-launcher's API defaulter (virtwrap/api/defaults.go) after conversion: <os><type> gets
// hvm, the arch name and the default machine; the always-present <metadata> element. (Empty
// domain type → kvm and the qemu namespace are written by assembleDomain.)

import { el, getAttr, insertOrdered } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { OS_ORDER } from './19-os.js';


export const applyDomainDefaults: Configurator = (ctx, domain) => {
  const os = domain.slots.os ?? el('os');
  domain.slots.os = os;
  const current = os.children.find((c) => c.name === 'type');
  const arch = (current && getAttr(current, 'arch')) || ctx.archTraits.osArch;
  const machine = (current && getAttr(current, 'machine')) || ctx.archTraits.defaultMachine;
  insertOrdered(os, el('type', { arch, machine }, 'hvm'), OS_ORDER);
  domain.slots.metadata = el('metadata', {}, [el('kubevirt', { xmlns: 'http://kubevirt.io' }, [el('uid')])]);
};
