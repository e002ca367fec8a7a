// <tpm> (tpm-tis, or tpm-crb when persistent).
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureTpm: Configurator = () => undefined;
