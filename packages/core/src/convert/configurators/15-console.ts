// <console type="pty"> and the unix-socket <serial>, with a log file unless serial console
// logging is off for this VMI or the cluster (compute/console.go; manager.go isSerialConsoleLogEnabled).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { serialConsoleAttached } from '../device-settings.js';

export const configureConsole: Configurator = (ctx, domain) => {
  if (!serialConsoleAttached(ctx.vmi)) return;
  const socket = `/var/run/kubevirt-private/${ctx.uid}/virt-serial0`;
  domain.devices.console.push(el('console', { type: 'pty' }, [el('target', { type: 'serial', port: 0 })]));
  domain.devices.serial.push(
    el('serial', { type: 'unix' }, [
      el('target', { port: 0 }),
      el('source', { mode: 'bind', path: socket }),
      ctx.serialConsoleLog && el('log', { file: `${socket}-log`, append: 'on' }),
    ]),
  );
};
