// <input> devices, arm64/s390x keyboard/tablet defaults.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureInputs: Configurator = () => undefined;
