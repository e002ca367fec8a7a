// <redirdev> for clientPassthrough.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureUsbRedirect: Configurator = () => undefined;
