// PCI addresses on the root complex (annotation).
// PLACEHOLDER (owner: converter helper B): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const placePciDevicesOnRootComplex: Configurator = () => undefined;
