// <on_reboot>: destroy for Terminate, restart for Reboot; absent otherwise (libvirt's default).

import { textEl } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const ON_REBOOT: Record<string, string> = { Terminate: 'destroy', Reboot: 'restart' };

export const configureRebootPolicy: Configurator = (ctx, domain) => {
  const policy = ctx.vmi.spec.domain.rebootPolicy;
  const value = policy !== undefined ? ON_REBOOT[policy] : undefined;
  if (value) domain.slots.on_reboot = textEl('on_reboot', value);
};
