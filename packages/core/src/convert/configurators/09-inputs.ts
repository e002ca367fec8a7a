// <input> per spec input (tablets on usb or virtio), then the devices an architecture adds while
// graphics are attached: arm64 a usb tablet (if none) and keyboard, s390x a virtio keyboard
// (compute/input_device.go).

import type { Input } from '../../api/kubevirt-types.js';
import { el, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import type { Arch } from '../context.js';
import { graphicsAttached, userAlias } from '../device-settings.js';

const INPUT_BUSES: Readonly<Record<string, string>> = { '': 'usb', usb: 'usb', virtio: 'virtio' };

/** What each architecture adds with graphics; `unlessTablet` entries are skipped when the spec has a tablet. */
const ARCH_INPUTS: Readonly<Record<Arch, readonly { type: string; bus: string; unlessTablet?: boolean }[]>> = {
  amd64: [],
  arm64: [{ type: 'tablet', bus: 'usb', unlessTablet: true }, { type: 'keyboard', bus: 'usb' }],
  s390x: [{ type: 'keyboard', bus: 'virtio' }],
};

function specInput(input: Input): XmlElement | string {
  const bus = INPUT_BUSES[input.bus ?? ''];
  if (bus === undefined) return `input contains unsupported bus ${input.bus}`;
  if (input.type !== 'tablet') return `input contains unsupported type ${input.type ?? ''}`;
  return el('input', { type: input.type, bus, model: bus === 'virtio' ? 'virtio' : undefined }, [el('alias', { name: userAlias(input.name) })]);
}

export const configureInputs: Configurator = (ctx, domain) => {
  const inputs = ctx.vmi.spec.domain.devices.inputs ?? [];
  for (const input of inputs) {
    const e = specInput(input);
    if (typeof e === 'string') return e;
    domain.devices.input.push(e);
  }
  if (!graphicsAttached(ctx.vmi)) return;
  const hasTablet = inputs.some((i) => i.type === 'tablet');
  for (const extra of ARCH_INPUTS[ctx.arch]) {
    if (extra.unlessTablet && hasTablet) continue;
    domain.devices.input.push(el('input', { type: extra.type, bus: extra.bus }));
  }
  return undefined;
};
