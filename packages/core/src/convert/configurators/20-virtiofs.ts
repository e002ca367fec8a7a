// <filesystem> for virtiofs volumes.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureVirtiofs: Configurator = () => undefined;
