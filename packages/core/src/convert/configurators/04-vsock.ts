// <vsock> when status.vsockCID is set.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureVsock: Configurator = () => undefined;
