// Behaviour that differs between KubeVirt releases, as one table. Add a trait here, never an
// `if (version === …)` in a stage.

export type VersionKey = 'v1.8' | 'v1.9' | 'main';

export const VERSION_KEYS: readonly VersionKey[] = ['v1.8', 'v1.9', 'main'];

export interface VersionTraits {
  /** Human label used in reports. */
  label: string;
  /** The QEMU process term of GetMemoryOverhead, in MiB. */
  qemuOverheadMi: number;
  /** Default `architectureConfiguration.amd64.ovmfPath`. */
  ovmfPathAmd64: string;
  /** x86 EFI without Secure Boot prefers OVMF_CODE.secboot.fd (v1.9+) or plain OVMF_CODE.fd (v1.8). */
  nonSecureBootPrefersSecbootCode: boolean;
  /** Whether the ConfigurableHypervisor gate and spec.configuration.hypervisors exist. */
  configurableHypervisor: boolean;
}

export const VERSION_TRAITS: Readonly<Record<VersionKey, VersionTraits>> = {
  'v1.8': {
    label: 'KubeVirt v1.8',
    qemuOverheadMi: 30,
    ovmfPathAmd64: '/usr/share/OVMF',
    nonSecureBootPrefersSecbootCode: false,
    configurableHypervisor: true,
  },
  'v1.9': {
    label: 'KubeVirt v1.9',
    qemuOverheadMi: 30,
    ovmfPathAmd64: '/usr/share/edk2/ovmf',
    nonSecureBootPrefersSecbootCode: true,
    configurableHypervisor: true,
  },
  main: {
    label: 'KubeVirt main (v1.10+)',
    qemuOverheadMi: 50,
    ovmfPathAmd64: '/usr/share/edk2/ovmf',
    nonSecureBootPrefersSecbootCode: true,
    configurableHypervisor: true,
  },
};

/** Maps `status.observedKubeVirtVersion` (e.g. v1.9.0, v1.10.0-alpha.0) to a row of the table. */
export function versionKeyOf(observed: string | undefined): VersionKey {
  const m = /^v?(\d+)\.(\d+)/.exec(observed ?? '');
  if (!m) return 'main';
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major === 1 && minor <= 8) return 'v1.8';
  if (major === 1 && minor === 9) return 'v1.9';
  return 'main';
}
