// Which OVMF/AAVMF files virt-launcher's EFI environment picks (virtwrap/efi + manager.go), assuming
// the firmware package of the launcher image is installed (a preview cannot stat the node).

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import { isGateEnabled, type KubeVirtConfig } from '../profile/kubevirt-config.js';
import type { VersionTraits } from '../profile/versions.js';
import type { Arch } from './arch-traits.js';
import { joinPath } from './go-path.js';
import { isEfi, isTDX, launchSecurityKind } from '../vmi-facts.js';

export interface EfiConfiguration {
  code: string;
  vars: string;
  secureLoader: boolean;
  /** libvirt firmware auto-selection (<os firmware="efi">) instead of explicit files. */
  autoSelection: boolean;
}

type VmType = 'none' | 'sev' | 'snp' | 'tdx';

/** The ROM files shipped per architecture; '' = not shipped. Keys: `${vmType}/${secureBoot}`. */
interface RomSet { code: Partial<Record<string, string>>; vars: Partial<Record<string, string>> }

function romSet(arch: Arch, traits: VersionTraits): RomSet {
  if (arch === 'arm64') return { code: { 'none/false': 'AAVMF_CODE.fd' }, vars: { 'none/false': 'AAVMF_VARS.fd' } };
  if (arch === 's390x') return { code: {}, vars: {} };
  return {
    code: {
      'none/true': 'OVMF_CODE.secboot.fd',
      // v1.9+ prefers the secboot build (when shipped) for non-Secure-Boot guests too.
      'none/false': traits.nonSecureBootPrefersSecbootCode ? 'OVMF_CODE.secboot.fd' : 'OVMF_CODE.fd',
      'sev/false': 'OVMF_CODE.cc.fd',
      'snp/false': 'OVMF.amdsev.fd',
      'tdx/false': 'OVMF.inteltdx.fd',
      'tdx/true': 'OVMF.inteltdx.secboot.fd',
    },
    vars: { 'none/true': 'OVMF_VARS.secboot.fd', 'none/false': 'OVMF_VARS.fd', 'sev/false': 'OVMF_VARS.fd' },
  };
}

/** Files that must exist for the guest to be bootable (efi.Bootable). */
const NEEDS_VARS: Record<VmType, boolean> = { none: true, sev: true, snp: false, tdx: false };

export function ovmfPath(config: KubeVirtConfig, arch: Arch): string {
  return config.ovmfPath || config.architectureConfiguration[arch]?.ovmfPath || '';
}

/** null for non-EFI guests; a string is the launcher's error when the ROMs are missing. */
export function efiConfiguration(vmi: VirtualMachineInstance, arch: Arch, config: KubeVirtConfig, traits: VersionTraits): EfiConfiguration | string | null {
  if (!isEfi(vmi)) return null;
  const secureBoot = vmi.spec.domain.firmware?.bootloader?.efi?.secureBoot !== false;
  const ls = launchSecurityKind(vmi);
  const vmType: VmType = ls ?? 'none';
  if (secureBoot && vmType === 'none' && isGateEnabled(config, 'FirmwareAutoSelection')) {
    return { code: '', vars: '', secureLoader: true, autoSelection: true };
  }
  const roms = romSet(arch, traits);
  const key = `${vmType}/${secureBoot}`;
  const code = roms.code[key];
  const vars = roms.vars[key];
  if (!code || (NEEDS_VARS[vmType] && !vars)) {
    return `EFI OVMF roms missing for booting in EFI mode with SecureBoot=${secureBoot}, SEV/SEV-ES=${vmType === 'sev'}, SEV-SNP=${vmType === 'snp'}, TDX=${vmType === 'tdx'}`;
  }
  const dir = ovmfPath(config, arch);
  const join = (f: string | undefined): string => (f ? joinPath(dir, f) : '');
  return { code: join(code), vars: join(vars), secureLoader: secureBoot && !isTDX(vmi), autoSelection: false };
}
