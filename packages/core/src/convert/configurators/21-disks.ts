// <disk> per spec disk, in devices.disks order (storage/configurator.go, disk.go, volume.go):
// target and device naming, driver (cache/io/discard/queues/iommu/error policy), the volume's
// source by type (§3.5), block sizes, and IO thread assignment for virtio disks.

import type { Disk } from '../../api/kubevirt-types.js';
import { el } from '../../xml/element.js';
import { quantityInt64Of } from '../../quantity/text.js';
import type { Configurator } from '../configurator.js';
import type { ConverterContext } from '../context.js';
import { needsVirtioIommu, pciAddressElement, requestedVcpus, userAlias, virtioModel } from '../device-settings.js';
import { renderDisk, type DiskDraft } from '../disk-draft.js';
import { newDeviceNamer, type DeviceNamer } from '../disk-naming.js';
import { applyHotplugVolume, applyMissingVolume, applyVolume } from '../disk-volume-sources.js';
import { diskIOThreadAssigner, MAX_PREVIEW_POOL_THREADS } from '../iothreads-plan.js';
import { volumeFacts, type VolumeFacts } from '../volume-facts.js';

const ERROR_POLICIES = new Set(['stop', 'ignore', 'report', 'enospace']);
const MAX_S390X_BLOCK_SIZE = 4096;
const HOTPLUG_READY_PHASES = new Set(['MountedToPod', 'Ready']);

// Address attributes in struct order: type, bus, controller, unit.
const driveAddress = (unit: number) => ({ type: 'drive', bus: '0', controller: '0', unit: String(unit) });

/** convert_v1_Disk_To_api_Disk: the device part, before the volume is applied. */
function diskDraft(ctx: ConverterContext, disk: Disk, namer: DeviceNamer, queues: number | undefined, facts: VolumeFacts): DiskDraft | string {
  const d: DiskDraft = { device: '', type: '', source: {}, target: {}, driver: { name: 'qemu', type: '' }, readonly: false, alias: userAlias(disk.name), shareable: false };
  if (disk.disk) {
    const bus = disk.disk.bus;
    const { dev, index } = namer.name(disk.name, bus);
    d.device = 'disk';
    d.target = { bus, dev };
    if (bus === 'scsi') d.address = el('address', driveAddress(index));
    if (disk.disk.pciAddress) {
      if (bus !== 'virtio') return `setting a pci address is not allowed for non-virtio bus types, for disk ${disk.name}`;
      const a = pciAddressElement(disk.disk.pciAddress);
      if ('error' in a) return `failed to configure disk ${disk.name}: ${a.error}`;
      d.address = a;
    }
    if (bus === 'virtio') d.model = virtioModel(ctx);
    d.readonly = disk.disk.readonly === true;
    d.serial = disk.serial;
    if (disk.shareable === true) {
      const cache = disk.cache || 'none';
      if (cache !== 'none') return `a sharable disk requires cache = none got: ${cache}`;
      d.shareable = true;
    }
  } else if (disk.lun) {
    const bus = disk.lun.bus;
    const { dev, index } = namer.name(disk.name, bus);
    d.device = 'lun';
    d.target = { bus, dev };
    if (bus === 'scsi') d.address = el('address', driveAddress(index));
    d.readonly = disk.lun.readonly === true;
    if (disk.lun.reservation) {
      d.source.reservations = el('reservations', { managed: 'no', migration: 'yes' }, [
        el('source', { type: 'unix', path: '/var/run/kubevirt/daemons/pr/pr-helper.sock', mode: 'client' }),
      ]);
    }
  } else if (disk.cdrom) {
    d.device = 'cdrom';
    d.target = { tray: disk.cdrom.tray, bus: disk.cdrom.bus, dev: namer.name(disk.name, disk.cdrom.bus).dev };
    d.readonly = disk.cdrom.readonly ?? true;
  }
  // A shareable disk's empty cache became none above (KubeVirt defaults it on its copy of the disk).
  d.driver.cache = disk.cache || (disk.disk && disk.shareable === true ? 'none' : undefined);
  d.driver.io = disk.io;
  if (disk.disk || disk.lun) {
    if (!facts.discardIgnore.has(disk.name)) d.driver.discard = 'unmap';
    const pvcInfo = facts.statusByName.get(disk.name)?.persistentVolumeClaimInfo;
    if (pvcInfo) {
      d.filesystemOverhead = pvcInfo.filesystemOverhead;
      // storagetypes.GetDiskCapacity: both must be whole int64 values (AsInt64), else no <capacity>.
      const cap = quantityInt64Of(pvcInfo.capacity?.['storage']);
      const req = quantityInt64Of(pvcInfo.requests?.['storage']);
      if (cap !== null && req !== null) d.capacity = cap < req ? cap : req;
    }
  }
  if (queues !== undefined && d.target.bus === 'virtio') d.driver.queues = queues;
  if (disk.bootOrder !== undefined) d.boot = disk.bootOrder;
  if (needsVirtioIommu(ctx) && d.target.bus === 'virtio') d.driver.iommu = 'on';
  return d;
}

/** convert_v1_BlockSize_To_api_BlockIO; matchVolume probes the host, so the preview notes it. */
function applyBlockSize(ctx: ConverterContext, disk: Disk, d: DiskDraft): string | undefined {
  const bs = disk.blockSize;
  if (!bs) return;
  if (bs.custom) {
    const { logical = 0, physical = 0, discardGranularity } = bs.custom;
    if (ctx.arch === 's390x' && (logical > MAX_S390X_BLOCK_SIZE || physical > MAX_S390X_BLOCK_SIZE)) {
      return `custom block size (logical=${logical}, physical=${physical}) exceeds the maximum supported size of ${MAX_S390X_BLOCK_SIZE} for architecture s390x`;
    }
    d.blockio = { logical, physical, discardGranularity };
  } else if (bs.matchVolume && bs.matchVolume.enabled !== false) {
    ctx.notes.push(`disk ${disk.name}: blockSize.matchVolume reads the volume's logical/physical block sizes on the node; <blockio> is not shown.`);
  }
  return;
}

export const configureDisks: Configurator = (ctx, domain) => {
  const vmi = ctx.vmi;
  const disks = vmi.spec.domain.devices.disks ?? [];
  const facts = volumeFacts(ctx);
  for (const [volume, claim] of ctx.unknownClaims) {
    ctx.notes.push(`volume ${volume}: PVC ${claim} is not in the cluster profile; a Filesystem volume (disk.img) is assumed.`);
  }
  const volumes = new Map((vmi.spec.volumes ?? []).map((v, i) => [v.name, { v, i }]));
  const statusTargets = new Map([...facts.statusByName.values()].filter((s) => s.target).map((s) => [s.name, s.target!]));
  const namer = newDeviceNamer(disks, statusTargets);
  const queues = vmi.spec.domain.devices.blockMultiQueue === true ? Math.max(requestedVcpus(vmi), 1) : undefined;
  const pool = ctx.ioThreads.supplementalPool;
  if (pool > MAX_PREVIEW_POOL_THREADS) return `preview limit: a supplemental pool of ${pool} IO threads (more than ${MAX_PREVIEW_POOL_THREADS}) is not rendered`;
  const assignIOThread = diskIOThreadAssigner(ctx.ioThreads);

  for (const disk of disks) {
    const d = diskDraft(ctx, disk, namer, queues, facts);
    if (typeof d === 'string') return d;
    const vol = volumes.get(disk.name);
    if (!vol && !disk.cdrom) return `no matching volume with name ${disk.name} found`;
    const hotplug = facts.hotplug.get(disk.name);
    const err = !vol ? applyMissingVolume(d) : hotplug ? applyHotplugVolume(vol.v, d, facts) : applyVolume(ctx, vol.v, d, facts, vol.i);
    if (err) return err;
    const bsErr = applyBlockSize(ctx, disk, d);
    if (bsErr) return bsErr;

    const permanentReady = facts.permanent.has(disk.name) || facts.permanent.size === 0;
    const hotplugReady = hotplug !== undefined && HOTPLUG_READY_PHASES.has(hotplug.phase ?? '');
    if (disk.errorPolicy === undefined) d.driver.errorPolicy = 'stop';
    else if (ERROR_POLICIES.has(disk.errorPolicy)) d.driver.errorPolicy = disk.errorPolicy;
    else return `error policy ${disk.errorPolicy} not recognized`;
    const thread = assignIOThread(disk, d.target.bus ?? '');
    if (thread?.kind === 'thread') d.driver.iothread = thread.id;
    else if (thread?.kind === 'pool') d.driver.iothreads = thread.ids;
    if (permanentReady || hotplugReady || !vol) domain.devices.disk.push(renderDisk(d));
  }
  return undefined;
};
