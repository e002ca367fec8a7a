// What virt-launcher learns about volumes from the pod and virt-handler, derived here from the
// cluster profile (kubevirt-behaviour.md §3.3): block vs filesystem PVCs (IsBlockPVC/IsBlockDV),
// preallocated volumes (VolumesDiscardIgnore), and the hotplug/permanent split of volumeStatus.

import type { PersistentVolumeClaim } from '../api/k8s-types.js';
import type { Volume } from '../api/kubevirt-types.js';
import { nsKey } from '../profile/cluster-profile.js';
import type { ConverterContext } from './context.js';

/** The subset of status.volumeStatus[] the converter reads. */
export interface VolumeStatusEntry {
  name: string;
  target?: string;
  phase?: string;
  hotplugVolume?: unknown;
  persistentVolumeClaimInfo?: {
    volumeMode?: string;
    preallocated?: boolean;
    filesystemOverhead?: string;
    capacity?: Record<string, string>;
    requests?: Record<string, string>;
  };
}

export interface VolumeFacts {
  /** Volume name → block device (PVC, ephemeral PVC or DataVolume). */
  isBlock: ReadonlyMap<string, boolean>;
  /** Volumes that must not get discard="unmap" (preallocated / thick-provisioned). */
  discardIgnore: ReadonlySet<string>;
  statusByName: ReadonlyMap<string, VolumeStatusEntry>;
  /** Status entries with hotplugVolume set. */
  hotplug: ReadonlyMap<string, VolumeStatusEntry>;
  /** Status entries without hotplugVolume; empty means "not started yet, add every disk". */
  permanent: ReadonlySet<string>;
  /** Volumes whose PVC is not in the profile (taken as Filesystem), as `volume → claim`. */
  unknownClaims: ReadonlyMap<string, string>;
}

const PREALLOCATION_MARKERS = ['/storage.preallocation', '/storage.thick-provisioned'];

/** storagetypes.IsPreallocated: an annotation containing a marker, set to "true". */
export function isPreallocated(annotations: Record<string, string> | undefined): boolean {
  return Object.entries(annotations ?? {}).some(([k, v]) => v === 'true' && PREALLOCATION_MARKERS.some((m) => k.includes(m)));
}

function volumeStatuses(ctx: VolumeContext): VolumeStatusEntry[] {
  const raw = ctx.vmi.status?.volumeStatus ?? [];
  return raw.filter((s): s is VolumeStatusEntry => typeof s === 'object' && s !== null && typeof (s as { name?: unknown }).name === 'string');
}

/** The PVC a volume reads, by claim name (a DataVolume's PVC has the DV's name). */
function claimNameOf(v: Volume): string | undefined {
  return v.persistentVolumeClaim?.claimName ?? v.ephemeral?.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
}

/** Only the VMI and the profile are read, so lint can ask the same question without a converter. */
export type VolumeContext = Pick<ConverterContext, 'vmi' | 'profile'>;

export function volumeFacts(ctx: VolumeContext): VolumeFacts {
  const ns = ctx.vmi.metadata.namespace ?? 'default';
  const statuses = volumeStatuses(ctx);
  const statusByName = new Map(statuses.map((s) => [s.name, s]));
  const isBlock = new Map<string, boolean>();
  const discardIgnore = new Set<string>();
  const unknownClaims = new Map<string, string>();
  for (const s of statuses) if (s.persistentVolumeClaimInfo?.preallocated) discardIgnore.add(s.name);
  for (const v of ctx.vmi.spec.volumes ?? []) {
    const claim = claimNameOf(v);
    if (claim === undefined) continue;
    const pvc: PersistentVolumeClaim | undefined = ctx.profile.pvcs.get(nsKey(ns, claim))?.value;
    if (pvc && isPreallocated(pvc.metadata.annotations) && (v.persistentVolumeClaim || v.dataVolume)) discardIgnore.add(v.name);
    let mode = statusByName.get(v.name)?.persistentVolumeClaimInfo?.volumeMode ?? pvc?.spec?.volumeMode;
    if (mode === undefined && v.dataVolume) {
      const dv = ctx.profile.dataVolumes.get(nsKey(ns, v.dataVolume.name))?.value;
      mode = dv?.spec?.pvc?.volumeMode ?? dv?.spec?.storage?.volumeMode;
    }
    if (mode === undefined && !pvc) unknownClaims.set(v.name, claim);
    isBlock.set(v.name, mode === 'Block');
  }
  const hotplug = new Map(statuses.filter((s) => s.hotplugVolume !== undefined && s.hotplugVolume !== null).map((s) => [s.name, s]));
  const permanent = new Set(statuses.filter((s) => !hotplug.has(s.name)).map((s) => s.name));
  return { isBlock, discardIgnore, statusByName, hotplug, permanent, unknownClaims };
}
