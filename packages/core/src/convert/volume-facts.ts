// What virt-launcher learns about volumes from the pod and virt-handler, derived here from the
// cluster profile (kubevirt-behaviour.md §3.3): block vs filesystem PVCs (IsBlockPVC/IsBlockDV),
// preallocated volumes (VolumesDiscardIgnore), and the hotplug/permanent split of volumeStatus.

import type { PersistentVolumeClaim } from '../api/k8s-types.js';
import type { Volume, VirtualMachineInstance } from '../api/kubevirt-types.js';
import { nsKey, type ClusterProfile } from '../profile/cluster-profile.js';

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
  /** Claim-backed volume (PVC, ephemeral PVC, DataVolume) → block device (IsBlockPVC / IsBlockDV). */
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

/** The preview defaults of the context's volume fields (IsBlockPVC, IsBlockDV, VolumesDiscardIgnore). */
export interface PreviewVolumeContext {
  isBlockPVC: ReadonlySet<string>;
  isBlockDV: ReadonlySet<string>;
  volumesDiscardIgnore: ReadonlySet<string>;
  /** Volumes whose PVC is not in the profile (taken as Filesystem), as `volume → claim`. */
  unknownClaims: ReadonlyMap<string, string>;
}

const PREALLOCATION_MARKERS = ['/storage.preallocation', '/storage.thick-provisioned'];

/** storagetypes.IsPreallocated: an annotation containing a marker, set to "true". */
export function isPreallocated(annotations: Record<string, string> | undefined): boolean {
  return Object.entries(annotations ?? {}).some(([k, v]) => v === 'true' && PREALLOCATION_MARKERS.some((m) => k.includes(m)));
}

function volumeStatuses(vmi: VirtualMachineInstance): VolumeStatusEntry[] {
  const raw = vmi.status?.volumeStatus ?? [];
  return raw.filter((s): s is VolumeStatusEntry => typeof s === 'object' && s !== null && typeof (s as { name?: unknown }).name === 'string');
}

/** The PVC a volume reads, by claim name (a DataVolume's PVC has the DV's name). */
function claimNameOf(v: Volume): string | undefined {
  return v.persistentVolumeClaim?.claimName ?? v.ephemeral?.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
}

/** Block vs filesystem from the VMI status or the profile's PVCs/DataVolumes; preallocation from annotations. */
export function previewVolumeContext(vmi: VirtualMachineInstance, profile: ClusterProfile): PreviewVolumeContext {
  const ns = vmi.metadata.namespace ?? 'default';
  const statusByName = new Map(volumeStatuses(vmi).map((s) => [s.name, s]));
  const isBlockPVC = new Set<string>();
  const isBlockDV = new Set<string>();
  const discardIgnore = new Set<string>();
  const unknownClaims = new Map<string, string>();
  for (const s of statusByName.values()) if (s.persistentVolumeClaimInfo?.preallocated) discardIgnore.add(s.name);
  for (const v of vmi.spec.volumes ?? []) {
    const claim = claimNameOf(v);
    if (claim === undefined) continue;
    const pvc: PersistentVolumeClaim | undefined = profile.pvcs.get(nsKey(ns, claim))?.value;
    if (pvc && isPreallocated(pvc.metadata.annotations) && (v.persistentVolumeClaim || v.dataVolume)) discardIgnore.add(v.name);
    let mode = statusByName.get(v.name)?.persistentVolumeClaimInfo?.volumeMode ?? pvc?.spec?.volumeMode;
    if (mode === undefined && v.dataVolume) {
      const dv = profile.dataVolumes.get(nsKey(ns, v.dataVolume.name))?.value;
      mode = dv?.spec?.pvc?.volumeMode ?? dv?.spec?.storage?.volumeMode;
    }
    if (mode === undefined && !pvc) unknownClaims.set(v.name, claim);
    if (mode === 'Block') (v.dataVolume ? isBlockDV : isBlockPVC).add(v.name);
  }
  return { isBlockPVC, isBlockDV, volumesDiscardIgnore: discardIgnore, unknownClaims };
}

/**
 * The VMI and the profile, plus any context values that replace the preview defaults; lint passes
 * only the first two to ask the converter's own question.
 */
export type VolumeContext = { vmi: VirtualMachineInstance; profile: ClusterProfile } & Partial<PreviewVolumeContext>;

export function volumeFacts(ctx: VolumeContext): VolumeFacts {
  const { isBlockPVC, isBlockDV, volumesDiscardIgnore, unknownClaims } = { ...previewVolumeContext(ctx.vmi, ctx.profile), ...definedOnly(ctx) };
  const statuses = volumeStatuses(ctx.vmi);
  const statusByName = new Map(statuses.map((s) => [s.name, s]));
  const isBlock = new Map<string, boolean>();
  for (const v of ctx.vmi.spec.volumes ?? []) {
    if (v.dataVolume) isBlock.set(v.name, isBlockDV.has(v.name));
    else if (claimNameOf(v) !== undefined || isBlockPVC.has(v.name)) isBlock.set(v.name, isBlockPVC.has(v.name));
  }
  const hotplug = new Map(statuses.filter((s) => s.hotplugVolume !== undefined && s.hotplugVolume !== null).map((s) => [s.name, s]));
  const permanent = new Set(statuses.filter((s) => !hotplug.has(s.name)).map((s) => s.name));
  return { isBlock, discardIgnore: volumesDiscardIgnore, statusByName, hotplug, permanent, unknownClaims };
}

function definedOnly(ctx: VolumeContext): Partial<PreviewVolumeContext> {
  const out: Partial<PreviewVolumeContext> = {};
  if (ctx.isBlockPVC) out.isBlockPVC = ctx.isBlockPVC;
  if (ctx.isBlockDV) out.isBlockDV = ctx.isBlockDV;
  if (ctx.volumesDiscardIgnore) out.volumesDiscardIgnore = ctx.volumesDiscardIgnore;
  if (ctx.unknownClaims) out.unknownClaims = ctx.unknownClaims;
  return out;
}
