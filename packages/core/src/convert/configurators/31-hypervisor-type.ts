// domain type (hyperv/kvm/qemu) and <emulator>, or KubeVirt's launch error.
// PLACEHOLDER (owner: converter helper B): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureHypervisorType: Configurator = () => undefined;
