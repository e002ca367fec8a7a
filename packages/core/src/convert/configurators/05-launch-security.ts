// <launchSecurity> for SEV/SNP/TDX (amd64 only).
// PLACEHOLDER (owner: converter helper B): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureLaunchSecurity: Configurator = () => undefined;
