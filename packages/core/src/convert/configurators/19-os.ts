// <os>: machine, firmware (BIOS/EFI/secure boot/NVRAM), kernel boot, ACPI tables, smbios.
// PLACEHOLDER (owner: converter helper B): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureOs: Configurator = () => undefined;
