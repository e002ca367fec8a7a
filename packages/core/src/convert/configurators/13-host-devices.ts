// <hostdev> placeholders for generic/GPU/SR-IOV devices.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureHostDevices: Configurator = () => undefined;
