// <iommufd enabled="yes" fdgroup="iommu"> when the launcher has an IOMMUFD socket (never known in a preview).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

export const configureIommufd: Configurator = (ctx, domain) => {
  if (ctx.iommufdEnabled) domain.slots.iommufd = el('iommufd', { enabled: 'yes', fdgroup: 'iommu' });
};
