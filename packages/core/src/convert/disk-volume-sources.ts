// Volume source → disk source and driver type, with the runtime path conventions of
// kubevirt-behaviour.md §3.5 (storage/volume.go). Each setter only adds discard, never clears it.

import type { Volume } from '../api/kubevirt-types.js';
import type { ConverterContext } from './context.js';
import { virtioModel } from './device-settings.js';
import type { DiskDraft } from './disk-draft.js';
import { basePath, joinPath } from './go-path.js';
import type { VolumeFacts } from './volume-facts.js';

const VMI_DISKS_DIR = '/var/run/kubevirt-private/vmi-disks';
const HOTPLUG_DISKS_DIR = '/var/run/kubevirt/hotplug-disks';
const CONTAINER_DISKS_DIR = '/var/run/kubevirt/container-disks';
const EMPTY_DISKS_DIR = '/var/run/libvirt/empty-disks';
const CLOUD_INIT_DIR = '/var/run/kubevirt-ephemeral-disks/cloud-init-data';
const PRIVATE_DIR = '/var/run/kubevirt-private';
const DOWNWARD_METRICS_DISK = `${PRIVATE_DIR}/downwardapi-disks/vhostmd0`;
/** DisksInfo: qemu-img reads the containerDisk format on the node; the golden convention is qcow2. */
export const ASSUMED_CONTAINER_DISK_FORMAT = 'qcow2';

/** ISO-backed config volumes: the volume field and where virt-launcher writes the image. */
const CONFIG_ISO_PATHS: readonly [keyof Volume, (volumeName: string) => string][] = [
  ['configMap', (v) => `${PRIVATE_DIR}/config-map-disks/${v}.iso`],
  ['secret', (v) => `${PRIVATE_DIR}/secret-disks/${v}.iso`],
  ['downwardAPI', (v) => `${PRIVATE_DIR}/downwardapi-disks/${v}.iso`],
  ['serviceAccount', () => `${PRIVATE_DIR}/service-account-disk/service-account.iso`],
];

export const filesystemImagePath = (volumeName: string): string => `${VMI_DISKS_DIR}/${volumeName}/disk.img`;
export const blockDevicePath = (volumeName: string): string => `/dev/${volumeName}`;

function setDriver(d: DiskDraft, type: string, discard: boolean): void {
  d.driver.type = type;
  d.driver.errorPolicy = 'stop';
  if (discard) d.driver.discard = 'unmap';
}

/** A PVC or DataVolume read in place: a block device or the filesystem's disk.img. */
function persistentVolume(name: string, block: boolean, d: DiskDraft, facts: VolumeFacts, hotplug: boolean): void {
  setDriver(d, 'raw', !facts.discardIgnore.has(name));
  if (block) {
    d.type = 'block';
    if (!hotplug) d.source.name = name;
    d.source.dev = hotplug ? `${HOTPLUG_DISKS_DIR}/${name}` : blockDevicePath(name);
  } else {
    d.type = 'file';
    d.source.file = hotplug ? `${HOTPLUG_DISKS_DIR}/${name}.img` : filesystemImagePath(name);
  }
}

/** convert_v1_Volume_To_api_Disk. `index` is the volume's position in spec.volumes (containerDisk image name). */
export function applyVolume(ctx: ConverterContext, v: Volume, d: DiskDraft, facts: VolumeFacts, index: number): string | undefined {
  const name = v.name;
  // KubeVirt's "is of type lun" guards compare the disk *type* (file/block, never lun), so they never fire.
  if (v.containerDisk) {
    d.type = 'file';
    setDriver(d, 'qcow2', true);
    d.source.file = joinPath(ctx.ephemeralDiskDir, name, 'disk.qcow2');
    d.backingStore = { type: 'file', format: ASSUMED_CONTAINER_DISK_FORMAT, source: { file: `${CONTAINER_DISKS_DIR}/disk_${index}.img` } };
    ctx.notes.push(`containerDisk ${name}: the image format is read on the node (qemu-img); ${ASSUMED_CONTAINER_DISK_FORMAT} is assumed.`);
    return;
  }
  if (v.cloudInitNoCloud || v.cloudInitConfigDrive) {
    const iso = v.cloudInitNoCloud ? 'noCloud.iso' : 'configdrive.iso';
    d.source.file = `${CLOUD_INIT_DIR}/${ctx.vmi.metadata.namespace ?? ''}/${ctx.vmi.metadata.name ?? ''}/${iso}`;
    d.type = 'file';
    setDriver(d, 'raw', false);
    return;
  }
  if (v.sysprep) {
    d.source.file = `${PRIVATE_DIR}/sysprep-disks/${name}.iso`;
    d.type = 'file';
    d.driver.type = 'raw';
    return;
  }
  if (v.hostDisk) {
    d.type = 'file';
    d.driver.type = 'raw';
    d.source.file = joinPath(VMI_DISKS_DIR, name, basePath(v.hostDisk.path ?? '')); // Go reads a missing path as ""
    d.driver.errorPolicy = 'stop';
    return;
  }
  if (v.persistentVolumeClaim || v.dataVolume) {
    persistentVolume(name, facts.isBlock.get(name) === true, d, facts, false);
    return;
  }
  if (v.ephemeral) {
    d.type = 'file';
    setDriver(d, 'qcow2', true);
    d.source.file = joinPath(ctx.ephemeralDiskDir, name, 'disk.qcow2');
    const block = facts.isBlock.get(name) === true;
    d.backingStore = {
      type: block ? 'block' : 'file',
      format: 'raw',
      source: block ? { dev: blockDevicePath(name), name } : { file: filesystemImagePath(name) },
    };
    return;
  }
  if (v.emptyDisk) {
    d.type = 'file';
    d.source.file = `${EMPTY_DISKS_DIR}/${name}.qcow2`;
    setDriver(d, 'qcow2', true);
    return;
  }
  for (const [field, path] of CONFIG_ISO_PATHS) {
    if (v[field] === undefined) continue;
    d.type = 'file';
    setDriver(d, 'raw', false);
    d.source.file = path(name);
    return;
  }
  if (v.downwardMetrics) {
    d.type = 'file';
    d.readonly = true;
    d.driver = { name: 'qemu', type: 'raw' };
    d.model = virtioModel(ctx);
    d.source = { file: DOWNWARD_METRICS_DISK };
    return;
  }
  return `disk ${name} references an unsupported source`;
}

/** convert_v1_Hotplug_Volume_To_api_Disk: hotplugged PVCs/DVs live under the hotplug directory. */
export function applyHotplugVolume(v: Volume, d: DiskDraft, facts: VolumeFacts): string | undefined {
  if (v.hostDisk || v.persistentVolumeClaim || v.dataVolume) {
    persistentVolume(v.name, facts.isBlock.get(v.name) === true, d, facts, true);
    return;
  }
  return `hotplug disk ${v.name} references an unsupported source`;
}

/** A cdrom without a volume: an empty block tray. */
export function applyMissingVolume(d: DiskDraft): void {
  d.type = 'block';
  d.driver.type = 'raw';
  d.driver.discard = 'unmap';
}
