// The guest-agent channel (libvirt picks its socket) and, with devices.downwardMetrics, the
// vhostmd channel (compute/channels.go).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const DOWNWARD_METRICS_SOCKET = '/var/run/kubevirt-private/downwardmetrics-channel/downwardmetrics.sock';

export const configureChannels: Configurator = (ctx, domain) => {
  domain.devices.channel.push(el('channel', { type: 'unix' }, [el('target', { name: 'org.qemu.guest_agent.0', type: 'virtio' })]));
  if (ctx.vmi.spec.domain.devices.downwardMetrics !== undefined) {
    domain.devices.channel.push(
      el('channel', { type: 'unix' }, [
        el('source', { mode: 'bind', path: DOWNWARD_METRICS_SOCKET }),
        el('target', { name: 'org.github.vhostmd.1', type: 'virtio' }),
      ]),
    );
  }
};
