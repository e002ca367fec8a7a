// <filesystem> per virtiofs filesystem, served by the virtiofsd container's socket (storage/virtiofs.go).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const VIRTIOFS_SOCKET_DIR = '/var/run/kubevirt/virtiofs-containers';

export const configureVirtiofs: Configurator = (ctx, domain) => {
  for (const fs of ctx.vmi.spec.domain.devices.filesystems ?? []) {
    if (fs.virtiofs === undefined) continue;
    domain.devices.filesystem.push(
      el('filesystem', { type: 'mount', accessMode: 'passthrough' }, [
        // Source.Dir is not omitempty: an empty dir attribute is always written.
        el('source', { dir: '', socket: `${VIRTIOFS_SOCKET_DIR}/${fs.name}.sock` }),
        el('target', { dir: fs.name }),
        el('driver', { type: 'virtiofs', queue: '1024' }),
      ]),
    );
  }
};
