// <memoryBacking> for hugepages, virtiofs or passt: empty <hugepages>, memfd source where the arch
// supports it, shared access for vhost-user backends.

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { hasHugepages, hasPasstBinding, isMemfdRequired, isVirtiofsEnabled } from '../../vmi-facts.js';

/** MemoryBacking struct order. */
export const MEMORY_BACKING_ORDER = ['hugepages', 'source', 'access', 'allocation', 'nosharepages'] as const;

export const configureMemoryBacking: Configurator = (ctx, domain) => {
  const vmi = ctx.vmi;
  const hugepages = hasHugepages(vmi);
  const shared = isVirtiofsEnabled(vmi) || hasPasstBinding(vmi);
  if (!hugepages && !shared) return;
  domain.slots.memoryBacking = el('memoryBacking', {}, [
    hugepages ? el('hugepages') : undefined,
    ctx.archTraits.memfd && isMemfdRequired(vmi) ? el('source', { type: 'memfd' }) : undefined,
    shared ? el('access', { mode: 'shared' }) : undefined,
  ]);
};
