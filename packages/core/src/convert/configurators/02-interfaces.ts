// <interface> per pod/multus network (tap, passt; SR-IOV skipped).
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureInterfaces: Configurator = () => undefined;
