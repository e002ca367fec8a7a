// VNC <graphics> on the per-VMI socket and its <video> (compute/graphics.go). amd64 EFI guests
// get bochs unless the KubeVirt CR carries the vga-display annotation.

import type { VirtualMachineInstance } from '../../api/kubevirt-types.js';
import { el, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import type { Arch } from '../context.js';
import { graphicsAttached } from '../device-settings.js';

const HEADS = 1;
const VRAM = 16384;

function isBootloaderEfi(vmi: VirtualMachineInstance): boolean {
  return vmi.spec.domain.firmware?.bootloader?.efi !== undefined;
}

const videoModel = (type: string, vram: boolean): XmlElement => el('video', {}, [el('model', { type, heads: HEADS, vram: vram ? VRAM : undefined })]);

/** The default video device per architecture when the spec names none. */
const DEFAULT_VIDEO: Readonly<Record<Arch, (efi: boolean, bochs: boolean) => XmlElement>> = {
  amd64: (efi, bochs) => (efi && bochs ? videoModel('bochs', false) : videoModel('vga', true)),
  arm64: () => videoModel('virtio', false),
  s390x: () => videoModel('virtio', false),
};

export const configureGraphics: Configurator = (ctx, domain) => {
  if (!graphicsAttached(ctx.vmi)) return;
  domain.devices.graphics.push(
    el('graphics', { type: 'vnc' }, [el('listen', { type: 'socket', socket: `/var/run/kubevirt-private/${ctx.uid}/virt-vnc` })]),
  );
  const video = ctx.vmi.spec.domain.devices.video;
  domain.devices.video.push(
    video ? videoModel(video.type ?? '', true) : DEFAULT_VIDEO[ctx.arch](isBootloaderEfi(ctx.vmi), ctx.bochsForEfiGuests),
  );
};
