// virt-launcher's API defaulter: os type hvm, arch, machine, metadata.
// PLACEHOLDER (owner: converter helper B): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const applyDomainDefaults: Configurator = () => undefined;
