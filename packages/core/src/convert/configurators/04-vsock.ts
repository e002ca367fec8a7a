// <vsock> when status.vsockCID is set (compute/vsock.go). virt-handler assigns the CID at scheduling,
// so a preview normally has none; the node's vsock namespace mode may also force CID 3.

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

export const configureVsock: Configurator = (ctx, domain) => {
  const cid = ctx.vmi.status?.vsockCID;
  if (cid === undefined || cid === null) {
    if (ctx.vmi.spec.domain.devices.autoattachVSOCK === true) {
      ctx.notes.push('vsock: virt-handler assigns the guest CID when the VMI is scheduled; the domain then gets <vsock model="virtio-non-transitional"><cid auto="no" address=CID>.');
    }
    return;
  }
  domain.devices.vsock.push(el('vsock', { model: 'virtio-non-transitional' }, [el('cid', { auto: 'no', address: cid === 0 ? undefined : cid })]));
};
