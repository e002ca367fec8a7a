// guest-agent channel and downward-metrics channel.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureChannels: Configurator = () => undefined;
