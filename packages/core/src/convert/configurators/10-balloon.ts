// <memballoon>: model none when autoattachMemBalloon is false; otherwise the virtio model with
// stats, iommu for SEV/PV and freePageReporting on|off (compute/balloon.go); the stats period and
// free page reporting come from the context (preview-device-context.ts).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { needsVirtioIommu, virtioModel } from '../device-settings.js';

export const configureBalloon: Configurator = (ctx, domain) => {
  if (ctx.vmi.spec.domain.devices.autoattachMemBalloon === false) {
    domain.devices.memballoon.push(el('memballoon', { model: 'none' }));
    return;
  }
  const period = ctx.memBalloonStatsPeriod;
  domain.devices.memballoon.push(
    el('memballoon', { model: virtioModel(ctx), freePageReporting: ctx.freePageReporting ? 'on' : 'off' }, [
      period !== 0 && el('stats', { period }),
      needsVirtioIommu(ctx) && el('driver', { iommu: 'on' }),
    ]),
  );
};
