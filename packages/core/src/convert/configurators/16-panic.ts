// <panic> per devices.panicDevices entry (compute/panic_devices.go).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

export const configurePanicDevices: Configurator = (ctx, domain) => {
  for (const p of ctx.vmi.spec.domain.devices.panicDevices ?? []) domain.devices.panic.push(el('panic', { model: p.model }));
};
