// <memballoon> with stats and free page reporting.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureBalloon: Configurator = () => undefined;
