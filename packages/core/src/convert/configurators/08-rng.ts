// <rng> backed by /dev/urandom.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureRng: Configurator = () => undefined;
