// <rng> backed by /dev/urandom when devices.rng is set (compute/rng.go).

import { el, textEl } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { needsVirtioIommu, virtioModel } from '../device-settings.js';

export const configureRng: Configurator = (ctx, domain) => {
  if (ctx.vmi.spec.domain.devices.rng === undefined) return;
  domain.devices.rng.push(
    el('rng', { model: virtioModel(ctx) }, [
      textEl('backend', '/dev/urandom', { model: 'random' }),
      needsVirtioIommu(ctx) && el('driver', { iommu: 'on' }),
    ]),
  );
};
