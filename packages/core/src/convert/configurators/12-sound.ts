// <sound> ich9/ac97.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureSound: Configurator = () => undefined;
