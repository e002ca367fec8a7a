// <console> pty + <serial> unix socket with log.
// PLACEHOLDER (owner: converter helper C): replace this no-op with the real configurator.

import type { Configurator } from '../configurator.js';

export const configureConsole: Configurator = () => undefined;
