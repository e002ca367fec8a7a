// Behaviour that differs between KubeVirt releases, as one table. Add a trait here, never an
// `if (version === …)` in a stage.

export interface VersionTraits {
  /** Human label used in reports. */
  label: string;
  /** The release line this row models ("1.9"); null for main, which also stands for newer releases. */
  release: string | null;
  /** The QEMU process term of GetMemoryOverhead, in MiB. */
  qemuOverheadMi: number;
  /** Default `architectureConfiguration.amd64.ovmfPath`. */
  ovmfPathAmd64: string;
  /** x86 EFI without Secure Boot prefers OVMF_CODE.secboot.fd (v1.9+) or plain OVMF_CODE.fd (v1.8). */
  nonSecureBootPrefersSecbootCode: boolean;
  /** Whether the ConfigurableHypervisor gate and spec.configuration.hypervisors exist. */
  configurableHypervisor: boolean;
  /** Feature gates on without being listed (Beta gates are on by default from v1.9; v1.8 needs every non-GA gate listed).
   * Only the gates l1vh reads; `disabledFeatureGates` turns a Beta one off. */
  defaultOnGates: readonly string[];
  /** The launcher pod requests devices.kubevirt.io/tdx for TDX VMIs and /iommufd under the IOMMUFD gate. */
  tdxIommufdDeviceRequests: boolean;
  /** The launcher pod carries the DRA claims of networks (NetworkDevicesWithDRA). */
  draNetworkClaims: boolean;
  /** A GPU/host-device DRA claim is rendered even when claimName or requestName is missing (else both are needed). */
  draClaimWithoutNames: boolean;
  /** How virt-handler raises the launcher's RLIMIT_MEMLOCK (pkg/hypervisor/{kvm,mshv}/runtime.go AdjustResources):
   * 'sized' = overhead + guest memory (+ (N-1) × guest for N VFIO devices on KVM); 'unlimited' from main on. */
  memlockLimit: 'sized' | 'unlimited';
  /** Whether the MSHV runtime also honours reservedOverhead.memLock: Required (the KVM one always does). */
  mshvHonoursMemLockRequired: boolean;
  /** Admission: preferences apply preferredVideoType and preferredLaunchSecurity, a preferred panic model adds a
   * device when there is none, and a TDX VMI gets the kubevirt.io/qgs-socket-path annotation (v1.9+). */
  admissionPreferenceVideoLaunchSecurityPanic: boolean;
  /** What this row was modelled on: the KubeVirt ref and its date (main moves: the snapshot date of
   * ../shared/golden, whose vectors come from that code), and the libvirt/QEMU its virt-launcher ships
   * (the el9 `libvirt-daemon-driver-qemu` and `qemu-kvm-core` RPMs pinned in rpm/BUILD.bazel). */
  modelledOn: { ref: string; date: string; launcherLibvirt: string; launcherQemu: string };
}

/** One row per modelled KubeVirt version, oldest first: adding a version is one row and its data. */
const VERSION_TABLE = {
  'v1.8': {
    label: 'KubeVirt v1.8',
    release: '1.8',
    qemuOverheadMi: 30,
    ovmfPathAmd64: '/usr/share/OVMF',
    nonSecureBootPrefersSecbootCode: false,
    configurableHypervisor: true,
    defaultOnGates: [],
    tdxIommufdDeviceRequests: false,
    draNetworkClaims: false,
    draClaimWithoutNames: false,
    memlockLimit: 'sized',
    mshvHonoursMemLockRequired: false,
    admissionPreferenceVideoLaunchSecurityPanic: false,
    modelledOn: { ref: 'v1.8.4', date: '2026-06-15', launcherLibvirt: '11.9.0', launcherQemu: '10.1.0' },
  },
  'v1.9': {
    label: 'KubeVirt v1.9',
    release: '1.9',
    qemuOverheadMi: 30,
    ovmfPathAmd64: '/usr/share/edk2/ovmf',
    nonSecureBootPrefersSecbootCode: true,
    configurableHypervisor: true,
    defaultOnGates: ['GPUsWithDRA', 'HostDevicesWithDRA', 'PasstBinding'],
    tdxIommufdDeviceRequests: true,
    draNetworkClaims: true,
    draClaimWithoutNames: true,
    memlockLimit: 'sized',
    mshvHonoursMemLockRequired: false,
    admissionPreferenceVideoLaunchSecurityPanic: true,
    modelledOn: { ref: 'v1.9.0', date: '2026-07-27', launcherLibvirt: '11.10.0', launcherQemu: '10.1.0' },
  },
  main: {
    label: 'KubeVirt main (v1.10+)',
    release: null,
    qemuOverheadMi: 50,
    ovmfPathAmd64: '/usr/share/edk2/ovmf',
    nonSecureBootPrefersSecbootCode: true,
    configurableHypervisor: true,
    defaultOnGates: ['GPUsWithDRA', 'HostDevicesWithDRA', 'PasstBinding'],
    tdxIommufdDeviceRequests: true,
    draNetworkClaims: true,
    draClaimWithoutNames: true,
    memlockLimit: 'unlimited',
    mshvHonoursMemLockRequired: true,
    admissionPreferenceVideoLaunchSecurityPanic: true,
    // Any release after v1.9 (v1.10.0 was scheduled for 2026-11-18) is modelled by this row.
    modelledOn: { ref: 'main (v1.10.0-alpha.0)', date: '2026-08', launcherLibvirt: '11.10.0', launcherQemu: '10.1.0' },
  },
} as const satisfies Record<string, VersionTraits>;

export type VersionKey = keyof typeof VERSION_TABLE;

export const VERSION_TRAITS: Readonly<Record<VersionKey, VersionTraits>> = VERSION_TABLE;

export const VERSION_KEYS = Object.keys(VERSION_TABLE) as readonly VersionKey[];

const RELEASED = VERSION_KEYS.filter((k) => VERSION_TRAITS[k].release !== null);
const MAIN = VERSION_KEYS.find((k) => VERSION_TRAITS[k].release === null)!;

/**
 * Maps `status.observedKubeVirtVersion` (e.g. v1.9.0, v1.10.0-alpha.0) to a row of the table: its
 * release line, else the oldest row for older releases, else main (newer or unreadable versions).
 */
export function versionKeyOf(observed: string | undefined): VersionKey {
  const m = /^v?(\d+)\.(\d+)/.exec(observed ?? '');
  if (!m) return MAIN;
  const order = (release: string): number => {
    const [major, minor] = release.split('.').map(Number);
    return major! * 1000 + minor!;
  };
  const seen = Number(m[1]) * 1000 + Number(m[2]);
  const exact = RELEASED.find((k) => order(VERSION_TRAITS[k].release!) === seen);
  if (exact) return exact;
  const oldest = RELEASED[0];
  return oldest && seen < order(VERSION_TRAITS[oldest].release!) ? oldest : MAIN;
}

/** The trace's words for which row models `observed`, and what that row stands for (a profile
 * holds its own as `versionReason`). */
export function versionReason(key: VersionKey, observed: string | undefined): string {
  const t = VERSION_TRAITS[key];
  const seen = `observedKubeVirtVersion ${observed ?? 'unknown, assuming main'}`;
  if (t.release !== null) return `${t.label} (${seen}); modelled on ${t.modelledOn.ref} (${t.modelledOn.date})`;
  return `${t.label} (${seen}); modelled on KubeVirt main as of ${t.modelledOn.date} (${t.modelledOn.ref.replace(/^main \((.*)\)$/, '$1')}, the golden snapshot): changes merged after that date, including any in a v1.10 or later release, are not modelled`;
}

/** libvirt's `hyperv` virt type through the QEMU driver (QEMU's `mshv` accelerator): the first
 * libvirt release that has it, and the QEMU it needs. */
export const HYPERV_VIRT_TYPE_SINCE = { libvirt: '11.10.0', qemu: '10.2' } as const;

const olderThan = (a: string, b: string): boolean => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  return false;
};

/** Why this row's stock virt-launcher cannot define a `hyperv` domain, or undefined when its libvirt has the virt type. */
export function launcherLacksHypervType(key: VersionKey): string | undefined {
  const t = VERSION_TRAITS[key];
  const { launcherLibvirt, launcherQemu } = t.modelledOn;
  if (!olderThan(launcherLibvirt, HYPERV_VIRT_TYPE_SINCE.libvirt)) return undefined;
  return `${t.label}'s virt-launcher ships libvirt ${launcherLibvirt} (QEMU ${launcherQemu}), which predates libvirt's hyperv virt type (libvirt ${HYPERV_VIRT_TYPE_SINCE.libvirt}, with QEMU ≥ ${HYPERV_VIRT_TYPE_SINCE.qemu}): a stock ${t.label} launcher cannot define this MSHV domain; it needs a launcher image with libvirt ≥ ${HYPERV_VIRT_TYPE_SINCE.libvirt} and QEMU ≥ ${HYPERV_VIRT_TYPE_SINCE.qemu}`;
}
