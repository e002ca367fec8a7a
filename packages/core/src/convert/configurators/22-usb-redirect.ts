// Four <redirdev> USB redirection sockets for clientPassthrough (compute/usb_redir.go).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const USB_CLIENT_PASSTHROUGH_SLOTS = 4;

export const configureUsbRedirect: Configurator = (ctx, domain) => {
  if (ctx.vmi.spec.domain.devices.clientPassthrough === undefined) return;
  for (let i = 0; i < USB_CLIENT_PASSTHROUGH_SLOTS; i++) {
    domain.devices.redirdev.push(
      el('redirdev', { type: 'unix', bus: 'usb' }, [el('source', { mode: 'bind', path: `/var/run/kubevirt-private/${ctx.uid}/virt-usbredir-${i}` })]),
    );
  }
};
