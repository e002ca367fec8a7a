// <controller>: usb, scsi, pcie-root hole64, virtio-serial.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureControllers: Configurator = () => undefined;
