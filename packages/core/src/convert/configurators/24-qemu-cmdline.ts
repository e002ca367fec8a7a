// <qemu:commandline>: the Ignition fw_cfg blob. (The SeaBIOS debug console needs launcher log
// verbosity above the threshold, an environment variable of the pod: not part of a preview.)

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const IGNITION_ANNOTATION = 'kubevirt.io/ignitiondata';
const IGNITION_DIR = '/var/run/kubevirt-ephemeral-disks/ignition-data';

export const configureQemuCommandLine: Configurator = (ctx, domain) => {
  const m = ctx.vmi.metadata;
  const data = m.annotations?.[IGNITION_ANNOTATION];
  if (!data || !data.includes('ignition')) return;
  const file = `${IGNITION_DIR}/${m.namespace ?? ''}/${m.name ?? ''}/data.ign`;
  domain.slots['qemu:commandline'] = el('qemu:commandline', {}, [
    el('qemu:arg', { value: '-fw_cfg' }),
    el('qemu:arg', { value: `name=opt/com.coreos/config,file=${file}` }),
  ]);
};
