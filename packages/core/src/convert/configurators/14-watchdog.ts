// <watchdog> i6300esb/diag288.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureWatchdog: Configurator = () => undefined;
