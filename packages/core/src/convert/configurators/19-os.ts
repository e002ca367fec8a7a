// <os>: firmware (EFI loader/NVRAM or firmware auto-selection), BIOS serial, kernel boot, ACPI
// tables, smbios mode, machine type and the paused-start boot menu. The defaulter (50) fills type.

import type { Volume } from '../../api/kubevirt-types.js';
import { el, textEl, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import type { ConverterContext } from '../context.js';
import { basePath, joinPath } from '../go-path.js';
import { isSnpVmi, isTDX } from '../../vmi-facts.js';

/** OS struct field order. */
export const OS_ORDER = ['firmware', 'type', 'acpi', 'smbios', 'boot', 'bootmenu', 'bios', 'loader', 'nvram', 'kernel', 'initrd', 'cmdline'] as const;

const NVRAM_DIR_NON_ROOT = '/var/run/kubevirt-private/libvirt/qemu/nvram';
const NVRAM_DIR_ROOT = '/var/lib/libvirt/qemu/nvram';
const KERNEL_BOOT_DIR = '/var/run/kubevirt/container-disks/kernel-boot';
const SECRET_SOURCE_DIR = '/var/run/kubevirt-private/secret';
const BOOT_MENU_TIMEOUT_MS = 10000;

/** vmitrait.IsNonRoot; an unset runtimeUser means the VMI has not started: virt-controller makes it non-root (107). */
function nvramPath(ctx: ConverterContext): string {
  const vmi = ctx.vmi;
  const nonRoot = vmi.metadata.annotations?.['kubevirt.io/nonroot'] !== undefined || vmi.status?.runtimeUser !== 0;
  return joinPath(nonRoot ? NVRAM_DIR_NON_ROOT : NVRAM_DIR_ROOT, `${vmi.metadata.name ?? ''}_VARS.fd`);
}

function efiElements(ctx: ConverterContext): XmlElement[] | string {
  const efi = ctx.efi;
  if (efi === null) return [];
  if (typeof efi === 'string') return efi;
  if (efi.autoSelection) {
    const out = [el('firmware', {}, [el('feature', { enabled: 'yes', name: 'secure-boot' }), el('feature', { enabled: 'yes', name: 'enrolled-keys' })])];
    // arm64 secure boot keeps its variables in libvirt's <varstore>, not a pflash NVRAM.
    if (ctx.arch !== 'arm64') out.push(textEl('nvram', nvramPath(ctx), { format: 'raw' }));
    return out;
  }
  const stateless = isSnpVmi(ctx.vmi) || isTDX(ctx.vmi);
  ctx.notes.push(`os: EFI firmware ${efi.code} is taken to exist in the virt-launcher image (the launcher stats the files at start)`);
  const loader = textEl('loader', efi.code, { readonly: 'yes', secure: efi.secureLoader ? 'yes' : 'no', type: stateless ? 'rom' : 'pflash' });
  return stateless ? [loader] : [loader, textEl('nvram', nvramPath(ctx), { template: efi.vars || undefined })];
}

function acpiTable(type: string, volumeName: string | undefined, volumes: Volume[]): XmlElement | string | null {
  if (!volumeName) return null;
  const vol = volumes.find((v) => v.name === volumeName);
  if (!vol) return `firmware's volume for ${type} was not found`;
  if (!vol.secret) return `firmware's volume type is unsupported for ${type}`;
  return textEl('table', joinPath(SECRET_SOURCE_DIR, volumeName, `${type}.bin`), { type });
}

export const configureOs: Configurator = (ctx, domain) => {
  const vmi = ctx.vmi;
  const fw = vmi.spec.domain.firmware;
  const children: XmlElement[] = [];
  let firmwareAttr: string | undefined;
  if (fw) {
    const efi = efiElements(ctx);
    if (typeof efi === 'string') return efi;
    if (typeof ctx.efi === 'object' && ctx.efi?.autoSelection) firmwareAttr = 'efi';
    children.push(...efi);
    if (fw.bootloader?.bios?.useSerial) children.push(el('bios', { useserial: 'yes' }));
    const kb = fw.kernelBoot;
    if (kb?.container) {
      if (kb.container.kernelPath) children.push(textEl('kernel', joinPath(KERNEL_BOOT_DIR, basePath(kb.container.kernelPath))));
      if (kb.container.initrdPath) children.push(textEl('initrd', joinPath(KERNEL_BOOT_DIR, basePath(kb.container.initrdPath))));
    }
    if (kb?.kernelArgs) children.push(textEl('cmdline', kb.kernelArgs));
    if (fw.acpi) {
      if (!fw.acpi.slicNameRef && !fw.acpi.msdmNameRef) return 'no ACPI tables were set, expecting at least one';
      const tables: XmlElement[] = [];
      for (const [type, ref] of [['slic', fw.acpi.slicNameRef], ['msdm', fw.acpi.msdmNameRef]] as const) {
        const t = acpiTable(type, ref, vmi.spec.volumes ?? []);
        if (typeof t === 'string') return t;
        if (t) tables.push(t);
      }
      children.push(el('acpi', {}, tables));
    }
  }
  if (ctx.archTraits.smbios) children.push(el('smbios', { mode: 'sysinfo' }));
  children.push(el('type', { machine: vmi.spec.domain.machine?.type || undefined }));
  if (vmi.spec.startStrategy === 'Paused') children.push(el('bootmenu', { enable: 'yes', timeout: BOOT_MENU_TIMEOUT_MS }));
  const os = el('os', { firmware: firmwareAttr });
  for (const c of children) insertInOrder(os, c);
  domain.slots.os = os;
  return undefined;
};

/** Inserts by OS struct field order; children of the same name keep their insertion order. */
function insertInOrder(parent: XmlElement, c: XmlElement): void {
  const rank = (n: string): number => (OS_ORDER as readonly string[]).indexOf(n);
  const at = parent.children.findIndex((x) => rank(x.name) > rank(c.name));
  if (at < 0) parent.children.push(c);
  else parent.children.splice(at, 0, c);
}
