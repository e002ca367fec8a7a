// pre-start hook: disk cache none/writethrough and io native.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const applyDiskRuntimeFixups: Configurator = () => undefined;
