// <cputune> pinning and kvm hint-dedicated for dedicated CPUs.
// PLACEHOLDER (owner: converter helper B): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const adjustForDedicatedCpus: Configurator = () => undefined;
