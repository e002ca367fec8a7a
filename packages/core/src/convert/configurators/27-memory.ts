// <memory unit="b"> (guest memory, else request, else limit) and, with memory hotplug
// (maxGuest above guest), <maxMemory slots="0">.

import { textEl } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { compareQuantityText, quantityBytesOf as quantityBytes } from '../../quantity/text.js';
import { guestMemory } from '../../vmi-facts.js';

export const configureMemory: Configurator = (ctx, domain) => {
  const mem = ctx.vmi.spec.domain.memory;
  const maxGuest = quantityBytes(mem?.maxGuest);
  const guest = quantityBytes(mem?.guest);
  // Quantity.Equal compares exact values ("1.5Gi" equals "1536Mi"; byte-floored values could tie falsely).
  if (maxGuest === null || (guest !== null && compareQuantityText(mem?.guest, mem?.maxGuest) === 0)) {
    const q = guestMemory(ctx.vmi);
    const bytes = q === undefined ? 0n : quantityBytes(q);
    if (bytes === null || bytes < 0n) return `Memory size '${String(q)}' must be greater than or equal to 0`;
    domain.slots.memory = textEl('memory', bytes.toString(), { unit: 'b' });
    return;
  }
  if (guest === null) return `Memory size '${String(mem?.guest)}' must be greater than or equal to 0`;
  domain.slots.maxMemory = textEl('maxMemory', maxGuest.toString(), { unit: 'b', slots: 0 });
  domain.slots.memory = textEl('memory', guest.toString(), { unit: 'b' });
  return undefined;
};
