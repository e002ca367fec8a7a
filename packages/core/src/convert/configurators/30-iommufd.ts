// <iommufd>.
// PLACEHOLDER (owner: converter helper B): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureIommufd: Configurator = () => undefined;
