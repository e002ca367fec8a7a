// <disk> per VMI disk, every volume type.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureDisks: Configurator = () => undefined;
