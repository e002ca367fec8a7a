// <console type="pty"> and the unix-socket <serial>, with a log file unless serial console
// logging is off for this VMI or the cluster (compute/console.go; manager.go isSerialConsoleLogEnabled).

import type { VirtualMachineInstance } from '../../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../../profile/kubevirt-config.js';
import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { serialConsoleAttached } from '../device-settings.js';

/** logSerialConsole wins when set; otherwise logging is on unless the cluster disables it. */
export function serialConsoleLogEnabled(vmi: VirtualMachineInstance, config: KubeVirtConfig): boolean {
  const perVmi = vmi.spec.domain.devices.logSerialConsole;
  if (perVmi !== undefined) return perVmi;
  return config.virtualMachineOptions?.disableSerialConsoleLog === undefined;
}

export const configureConsole: Configurator = (ctx, domain) => {
  if (!serialConsoleAttached(ctx.vmi)) return;
  const socket = `/var/run/kubevirt-private/${ctx.uid}/virt-serial0`;
  domain.devices.console.push(el('console', { type: 'pty' }, [el('target', { type: 'serial', port: 0 })]));
  domain.devices.serial.push(
    el('serial', { type: 'unix' }, [
      el('target', { port: 0 }),
      el('source', { mode: 'bind', path: socket }),
      serialConsoleLogEnabled(ctx.vmi, ctx.config) && el('log', { file: `${socket}-log`, append: 'on' }),
    ]),
  );
};
