// <iothreads>N</iothreads> from the shared IO-thread plan (auto pool + dedicated threads, or the supplemental pool).

import { textEl } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

export const configureIOThreads: Configurator = (ctx, domain) => {
  if (ctx.ioThreads.total > 0) domain.slots.iothreads = textEl('iothreads', ctx.ioThreads.total);
};
