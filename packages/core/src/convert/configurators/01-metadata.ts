// <name> = <namespace>_<name> (api.VMINamespaceKeyFunc).

import { textEl } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

export const configureName: Configurator = (ctx, domain) => {
  const m = ctx.vmi.metadata;
  domain.slots.name = textEl('name', `${m.namespace ?? ''}_${m.name ?? ''}`);
};
