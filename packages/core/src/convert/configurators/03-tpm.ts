// <tpm>: tpm-tis with an emulator 2.0 backend; a persistent TPM is tpm-crb with persistent_state (compute/tpm.go).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

export const configureTpm: Configurator = (ctx, domain) => {
  const tpm = ctx.vmi.spec.domain.devices.tpm;
  if (!tpm || tpm.enabled === false) return;
  const persistent = tpm.persistent === true;
  domain.devices.tpm.push(
    el('tpm', { model: persistent ? 'tpm-crb' : 'tpm-tis' }, [
      el('backend', { type: 'emulator', version: '2.0', persistent_state: persistent ? 'yes' : undefined }),
    ]),
  );
};
