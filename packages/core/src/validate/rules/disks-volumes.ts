// Disks and volumes: what KubeVirt's VMI spec validation checks about storage.
// Reimplements (pkg/virt-api/webhooks/validating-webhook/admitters/vmi-create-admitter.go)
// validateBootOrder, validateVolumes, validatePersistentReservation,
// validateFilesystemsWithVirtIOFSEnabled and the VMI-only
// validateVirtualMachineInstanceSpecVolumeDisks; (pkg/storage/admitters) ValidateDisks,
// ValidateContainerDisks, ValidateUtilityVolumesNotPresentOnCreation. Field strings are KubeVirt's,
// odd ones included.

import type { VersionKey } from '../../profile/versions.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { dns1123LabelErrors } from './dns.js';
import { decodeBase64Length, isPciAddress, pathProblem, utf8Length } from './formats.js';
import { bool, isSet, num, rec, recs, str } from './go-read.js';
import type { SpecValidator, ValidationSubject } from './index.js';
import { isZeroQuantityText } from '../../quantity/text.js';

type Rec = Record<string, unknown>;

/** What differs between releases here. */
const PERSISTENT_RESERVATION_MESSAGE: Record<VersionKey, string> = {
  'v1.8': 'PersistentReservation feature gate is not enabled in kubevirt-config',
  'v1.9': 'persistent reservation is not enabled in kubevirt config',
  main: 'persistent reservation is not enabled in kubevirt config',
};

const SUPPORTED_BUSES = ['virtio', 'scsi', 'sata', 'usb'];
const CACHE_MODES = ['none', 'writethrough', 'writeback'];
const IO_MODES = ['native', 'threads'];
const ERROR_POLICIES = ['stop', 'ignore', 'report', 'enospace'];
const SERIAL_CHARS = /^[A-Za-z0-9_.+-]+$/;
const MAX_SERIAL_LENGTH = 256;
const MIN_BLOCK_SIZE = 512;
const MAX_BLOCK_SIZE = 2097152;
const CLOUD_INIT_MAX_LENGTH = 2048;

/** The volume source keys validateVolumes counts (exactly one must be set). */
const VOLUME_SOURCES = [
  'persistentVolumeClaim',
  'sysprep',
  'cloudInitNoCloud',
  'cloudInitConfigDrive',
  'containerDisk',
  'ephemeral',
  'emptyDisk',
  'hostDisk',
  'dataVolume',
  'configMap',
  'secret',
  'downwardAPI',
  'serviceAccount',
  'downwardMetrics',
  'memoryDump',
  'containerPath',
] as const;

/** A disk's device target, as getDiskType/getDiskBus see it (disk, then lun, then cdrom). */
function diskTarget(disk: Rec): { type: 'disk' | 'lun' | 'cdrom' | ''; bus: string } {
  for (const type of ['disk', 'lun', 'cdrom'] as const) {
    if (isSet(disk[type])) return { type, bus: str(rec(disk[type]).bus) };
  }
  return { type: '', bus: '' };
}

// ---- storageadmitters.ValidateDisks -------------------------------------------------------

function validateDisks(field: FieldPath, disks: Rec[]): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  // Some causes print `field.Child("domain","devices","disks")…` on top of the disks path.
  const odd = field.child('domain', 'devices', 'disks');
  disks.forEach((disk, idx) => {
    const at = field.index(idx);
    const name = str(disk.name);
    for (let other = 0; other < idx; other++) {
      if (str(disks[other]!.name) === name) {
        causes.push(at.child('name').cause('FieldValueInvalid', `${at} and ${field.index(other)} must not have the same Name.`));
      }
    }
    if (['disk', 'lun', 'cdrom'].filter((t) => isSet(disk[t])).length > 1) {
      causes.push(at.cause('FieldValueInvalid', `${at} can only have a single target type defined`));
    }
    causes.push(...pciAddressCauses(field, idx, disk));
    if (isSet(disk.bootOrder) && num(disk.bootOrder) < 1) {
      causes.push(at.child('bootOrder').cause('FieldValueInvalid', `${at} must have a boot order > 0, if supplied`));
    }
    causes.push(...busCauses(field, idx, disk));
    const serial = str(disk.serial);
    if (serial !== '' && !SERIAL_CHARS.test(serial)) {
      causes.push(at.child('serial').cause('FieldValueInvalid', `${at} must be made up of the following characters [A-Za-z0-9_.+-], if specified`));
    }
    if (serial !== '' && [...serial].length > MAX_SERIAL_LENGTH) {
      causes.push(at.child('serial').cause('FieldValueInvalid', `${at} must be less than or equal to ${MAX_SERIAL_LENGTH} in length, if specified`));
    }
    const cache = str(disk.cache);
    if (cache !== '' && !CACHE_MODES.includes(cache)) {
      causes.push(at.child('cache').cause('FieldValueInvalid', `${at.child('cache')} has invalid value ${cache}`));
    }
    const io = str(disk.io);
    if (io !== '' && !IO_MODES.includes(io)) {
      const printed = odd.index(idx).child('io').toString();
      causes.push(at.child('io').cause('FieldValueNotSupported', `Disk IO mode for ${field} is not supported. Supported modes are: native, threads.`, printed));
    }
    if (isSet(disk.errorPolicy) && !ERROR_POLICIES.includes(str(disk.errorPolicy))) {
      causes.push(at.child('errorPolicy').cause('FieldValueInvalid', `${at.child('errorPolicy')} has invalid value "${str(disk.errorPolicy)}"`));
    }
    for (const err of dns1123LabelErrors(name)) {
      causes.push(at.child('name').cause('FieldValueInvalid', err, odd.index(idx).child('name').toString()));
    }
    causes.push(...blockSizeCauses(at, disk));
  });
  return causes;
}

function pciAddressCauses(field: FieldPath, idx: number, disk: Rec): AdmissionCause[] {
  const target = rec(disk.disk);
  const address = str(target.pciAddress);
  if (!isSet(disk.disk) || address === '') return [];
  // KubeVirt prints `<disks>.domain.devices.disks.disk[i]`; the manifest has disks[i].disk.pciAddress.
  const printed = field.child('domain', 'devices', 'disks', 'disk').index(idx);
  const at = field.index(idx).child('disk', 'pciAddress');
  const causes: AdmissionCause[] = [];
  if (str(target.bus) !== 'virtio') {
    causes.push(at.cause('FieldValueInvalid', `disk ${printed.child('name')} - setting a PCI address is only possible with bus type virtio.`, printed.child('pciAddress').toString()));
  }
  if (!isPciAddress(address)) {
    causes.push(at.cause('FieldValueInvalid', `disk ${printed.child('name')} has malformed PCI address (${address}).`, printed.child('pciAddress').toString()));
  }
  return causes;
}

function busCauses(field: FieldPath, idx: number, disk: Rec): AdmissionCause[] {
  const { type, bus } = diskTarget(disk);
  if (bus === '') return [];
  const at = field.index(idx);
  const causes: AdmissionCause[] = [];
  switch (bus) {
    case 'ide':
      causes.push(at.child(type, 'bus').cause('FieldValueInvalid', 'IDE bus is not supported'));
      break;
    case 'virtio':
      if (type === 'cdrom') causes.push(at.child('cdrom', 'bus').cause('FieldValueInvalid', `Bus type ${bus} is invalid for CD-ROM device`));
      break;
    case 'sata':
      if (isSet(disk.disk) && bool(rec(disk.disk).readonly)) causes.push(at.child('disk', 'bus').cause('FieldValueInvalid', `${bus} hard-disks do not support read-only.`));
      break;
    case 'scsi':
    case 'usb':
      break;
    default:
      causes.push(at.child(type, 'bus').cause('FieldValueInvalid', `${at} is set with an unrecognized bus ${bus}, must be one of: [${SUPPORTED_BUSES.join(' ')}]`));
  }
  if (bool(disk.dedicatedIOThread) && bus !== 'virtio') {
    const printed = field.child('domain', 'devices', 'disks').index(idx).toString();
    causes.push(at.child('dedicatedIOThread').cause('FieldValueNotSupported', `IOThreads are not supported for disks on a ${bus} bus`, printed));
  }
  return causes;
}

function blockSizeCauses(at: FieldPath, disk: Rec): AdmissionCause[] {
  const blockSize = rec(disk.blockSize);
  if (!isSet(disk.blockSize) || !isSet(blockSize.custom)) return [];
  const match = blockSize.matchVolume;
  if (isSet(match) && (!isSet(rec(match).enabled) || bool(rec(match).enabled))) {
    return [at.child('blockSize').cause('FieldValueInvalid', "Block size matching can't be enabled together with a custom value")];
  }
  const custom = rec(blockSize.custom);
  const logical = num(custom.logical);
  const physical = num(custom.physical);
  const customAt = at.child('blockSize', 'custom');
  if (logical > physical) {
    return [customAt.child('logical').cause('FieldValueInvalid', `Logical size ${logical} must be the same or less than the physical size of ${physical}`)];
  }
  if (diskTarget(disk).bus === 'sata' && logical !== MIN_BLOCK_SIZE) {
    return [customAt.child('logical').cause('FieldValueInvalid', `Logical size ${logical} must be ${MIN_BLOCK_SIZE} for SATA devices`)];
  }
  const discard = custom.discardGranularity;
  if (isSet(discard) && logical !== 0 && num(discard) % logical !== 0) {
    return [customAt.child('discardGranularity').cause('FieldValueInvalid', `Discard granularity ${num(discard)} must be multiples of logical size ${logical}`)];
  }
  return [...customSizeCauses(customAt.child('logical'), logical), ...customSizeCauses(customAt.child('physical'), physical)];
}

function customSizeCauses(at: FieldPath, size: number): AdmissionCause[] {
  if (size < MIN_BLOCK_SIZE) return [at.cause('FieldValueInvalid', `Provided size of ${size} is less than the supported minimum size of ${MIN_BLOCK_SIZE}`)];
  if (size > MAX_BLOCK_SIZE) return [at.cause('FieldValueInvalid', `Provided size of ${size} is greater than the supported maximum size of ${MAX_BLOCK_SIZE}`)];
  // Sizes here are at most 2 MiB: 32-bit bit operations are exact.
  if ((size & (size - 1)) !== 0) return [at.cause('FieldValueInvalid', `Provided size of ${size} is not a power of 2`)];
  return [];
}

// ---- validateBootOrder (disk ↔ volume matching, boot order uniqueness) ---------------------

function validateBootOrder(field: FieldPath, spec: Rec, devices: Rec, ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const bootOrders = new Set<number>();
  const volumes = new Map<string, Rec>();
  for (const v of recs(spec.volumes)) volumes.set(str(v.name), v);
  const disksAt = field.child('domain', 'devices', 'disks');
  recs(devices.disks).forEach((disk, idx) => {
    const at = disksAt.index(idx);
    const volume = volumes.get(str(disk.name));
    if (!volume) {
      if (!isSet(disk.cdrom)) {
        causes.push(at.child('name').cause('FieldValueInvalid', `${at.child('Name')} '${str(disk.name)}' not found.`));
      } else if (!ctx.gate('DeclarativeHotplugVolumes')) {
        causes.push(at.child('name').cause('FieldValueInvalid', 'DeclarativeHotplugVolumes feature gate not enabled, cannot define an empty CD-ROM disk'));
      }
    }
    if (isSet(disk.lun) && volume && !isSet(volume.persistentVolumeClaim) && !isSet(volume.dataVolume)) {
      causes.push(at.child('lun').cause('FieldValueInvalid', `${at.child('lun')} can only be mapped to a DataVolume or PersistentVolumeClaim volume.`));
    }
    if (volume && isSet(volume.downwardMetrics)) {
      if (!isSet(disk.disk)) {
        causes.push(at.child('disk').cause('FieldValueRequired', `DownwardMetrics volume must be mapped to a disk, but disk is not set on ${at.child('disk')}.`));
      } else {
        const bus = str(rec(disk.disk).bus);
        if (bus !== 'virtio' && bus !== '') {
          causes.push(at.child('disk', 'bus').cause('FieldValueInvalid', `DownwardMetrics volume must be mapped to virtio bus, but ${at.child('disk', 'bus')} is set to ${bus}`));
        }
      }
    }
    if (isSet(disk.bootOrder)) {
      const order = num(disk.bootOrder);
      if (bootOrders.has(order)) {
        causes.push(at.child('bootOrder').cause('FieldValueInvalid', `Boot order for ${at.child('bootOrder')} already set for a different device.`));
      }
      bootOrders.add(order);
    }
  });
  // validateInterfaceBootOrder: its "> 0" cause prints `<spec>[i]`, not the interface.
  const ifacesAt = field.child('domain', 'devices', 'interfaces');
  recs(devices.interfaces).forEach((iface, idx) => {
    if (!isSet(iface.bootOrder)) return;
    const order = num(iface.bootOrder);
    const at = ifacesAt.index(idx).child('bootOrder');
    if (order < 1) {
      causes.push(at.cause('FieldValueInvalid', `${field.index(idx)} must have a boot order > 0, if supplied`, field.index(idx).child('bootOrder').toString()));
      return;
    }
    if (bootOrders.has(order)) causes.push(at.cause('FieldValueInvalid', `Boot order for ${at} already set for a different device.`));
    bootOrders.add(order);
  });
  return causes;
}

// ---- validateVolumes ----------------------------------------------------------------------

function validateVolumes(field: FieldPath, volumes: Rec[], ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const firstIndex = new Map<string, number>();
  let serviceAccounts = 0;
  let downwardMetrics = 0;
  let memoryDumps = 0;
  volumes.forEach((volume, idx) => {
    const at = field.index(idx);
    const name = str(volume.name);
    const other = firstIndex.get(name);
    if (other === undefined) firstIndex.set(name, idx);
    else causes.push(at.child('name').cause('FieldValueInvalid', `${at} and ${field.index(other)} must not have the same Name.`));

    if (isSet(volume.dataVolume) && str(rec(volume.dataVolume).name) === '') {
      causes.push(at.child('name').cause('FieldValueRequired', "DataVolume 'name' must be set"));
    }
    if (isSet(volume.serviceAccount)) serviceAccounts++;
    if (isSet(volume.downwardMetrics)) downwardMetrics++;
    if (isSet(volume.memoryDump)) memoryDumps++;
    if (VOLUME_SOURCES.filter((k) => isSet(volume[k])).length !== 1) {
      causes.push(at.cause('FieldValueInvalid', `${at} must have exactly one source type set`));
    }
    causes.push(...cloudInitCauses(at, volume));
    if (isSet(volume.downwardMetrics) && !ctx.gate('DownwardMetrics')) {
      causes.push(at.cause('FieldValueInvalid', 'downwardMetrics disks are not allowed: DownwardMetrics feature gate is not enabled.'));
    }
    if (isSet(volume.hostDisk)) causes.push(...hostDiskCauses(at, rec(volume.hostDisk), ctx));
    if (isSet(volume.configMap) && str(rec(volume.configMap).name) === '') {
      causes.push(at.child('configMap', 'name').cause('FieldValueInvalid', `${at.child('configMap', 'name')} is a required field`));
    }
    if (isSet(volume.secret) && str(rec(volume.secret).secretName) === '') {
      causes.push(at.child('secret', 'secretName').cause('FieldValueInvalid', `${at.child('secret', 'secretName')} is a required field`));
    }
    if (isSet(volume.serviceAccount) && str(rec(volume.serviceAccount).serviceAccountName) === '') {
      const f = at.child('serviceAccount', 'serviceAccountName');
      causes.push(f.cause('FieldValueInvalid', `${f} is a required field`));
    }
  });
  if (serviceAccounts > 1) causes.push(field.cause('FieldValueInvalid', `${field} must have max one serviceAccount volume set`));
  if (downwardMetrics > 1) causes.push(field.cause('FieldValueInvalid', `${field} must have max one downwardMetric volume set`));
  if (memoryDumps > 1) causes.push(field.cause('FieldValueInvalid', `${field} must have max one memory dump volume set`));
  return causes;
}

/** The size and source-count checks for cloudInitNoCloud (or, failing that, cloudInitConfigDrive). */
function cloudInitCauses(at: FieldPath, volume: Rec): AdmissionCause[] {
  const type = isSet(volume.cloudInitNoCloud) ? 'cloudInitNoCloud' : isSet(volume.cloudInitConfigDrive) ? 'cloudInitConfigDrive' : null;
  if (!type) return [];
  const source = rec(volume[type]);
  const sourceAt = at.child(type);
  const causes: AdmissionCause[] = [];
  const data = (kind: 'user' | 'network'): { count: number; length: number } => {
    let count = 0;
    let length = 0;
    // The user data secret's JSON key is `secretRef` (Go: UserDataSecretRef); the network one's is spelled out.
    if (str(rec(source[kind === 'user' ? 'secretRef' : 'networkDataSecretRef']).name) !== '') count++;
    const b64 = str(source[`${kind}DataBase64`]);
    if (b64 !== '') {
      count++;
      const decoded = decodeBase64Length(b64);
      if (!decoded.ok) {
        const f = sourceAt.child(`${kind}DataBase64`);
        causes.push(f.cause('FieldValueInvalid', `${f}.${type}.${kind}DataBase64 is not a valid base64 value.`));
      }
      length = decoded.length;
    }
    const plain = str(source[`${kind}Data`]);
    if (plain !== '') {
      count++;
      length = utf8Length(plain);
    }
    return { count, length };
  };
  const user = data('user');
  if (user.count > 1) causes.push(sourceAt.cause('FieldValueInvalid', `${sourceAt} must have only one userdatasource set.`));
  if (user.length > CLOUD_INIT_MAX_LENGTH) {
    causes.push(sourceAt.cause('FieldValueInvalid', `${sourceAt} userdata exceeds ${CLOUD_INIT_MAX_LENGTH} byte limit. Should use UserDataSecretRef for larger data.`));
  }
  const network = data('network');
  if (network.count > 1) causes.push(sourceAt.cause('FieldValueInvalid', `${sourceAt} must have only one networkdata source set.`));
  if (network.length > CLOUD_INIT_MAX_LENGTH) {
    causes.push(sourceAt.cause('FieldValueInvalid', `${sourceAt} networkdata exceeds ${CLOUD_INIT_MAX_LENGTH} byte limit. Should use NetworkDataSecretRef for larger data.`));
  }
  if (user.count === 0 && network.count === 0) {
    causes.push(sourceAt.cause('FieldValueInvalid', `${sourceAt} must have at least one userdatasource or one networkdatasource set.`));
  }
  return causes;
}

function hostDiskCauses(at: FieldPath, hostDisk: Rec, ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  if (!ctx.gate('HostDisk')) causes.push(at.cause('FieldValueInvalid', 'HostDisk feature gate is not enabled'));
  const pathAt = at.child('hostDisk', 'path');
  if (str(hostDisk.path) === '') causes.push(pathAt.cause('FieldValueNotFound', `${pathAt} is required for hostDisk volume`));
  const type = str(hostDisk.type);
  const typeAt = at.child('hostDisk', 'type');
  if (type !== 'Disk' && type !== 'DiskOrCreate') {
    causes.push(typeAt.cause('FieldValueInvalid', `${typeAt} has invalid value '${type}', allowed are 'Disk' or 'DiskOrCreate'`));
  }
  const capacity = hostDisk.capacity;
  if (type === 'Disk' && (typeof capacity === 'string' || typeof capacity === 'number') && !isZeroQuantityText(capacity)) {
    const capAt = at.child('hostDisk', 'capacity');
    causes.push(capAt.cause('FieldValueInvalid', `${capAt} is allowed to pass only with ${typeAt} equal to 'DiskOrCreate'`));
  }
  return causes;
}

// ---- the smaller spec checks --------------------------------------------------------------

function validateContainerDisks(field: FieldPath, volumes: Rec[]): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  volumes.forEach((volume, idx) => {
    const path = str(rec(volume.containerDisk).path);
    if (!isSet(volume.containerDisk) || path === '') return;
    const at = field.child('volumes').index(idx).child('containerDisk');
    const problem = pathProblem(path);
    if (problem === 'root') causes.push(at.cause('FieldValueInvalid', `${at} must not point to root`));
    if (problem === 'relative') causes.push(at.cause('FieldValueInvalid', `${at} must be an absolute path to a file without relative components`));
  });
  return causes;
}

function validatePersistentReservation(field: FieldPath, devices: Rec, ctx: ValidationContext): AdmissionCause[] {
  const disks = recs(devices.disks);
  const idx = disks.findIndex((d) => isSet(d.lun) && bool(rec(d.lun).reservation));
  if (idx < 0 || ctx.gate('PersistentReservation')) return [];
  const printed = field.child('domain', 'devices', 'disks', 'luns', 'reservation').toString();
  const at = field.child('domain', 'devices', 'disks').index(idx).child('lun', 'reservation');
  return [at.cause('FieldValueInvalid', PERSISTENT_RESERVATION_MESSAGE[ctx.version], printed)];
}

function validateVirtiofsVolumes(field: FieldPath, spec: Rec, devices: Rec, ctx: ValidationContext): AdmissionCause[] {
  if (!isSet(devices.filesystems)) return [];
  const volumes = new Map<string, Rec>();
  for (const v of recs(spec.volumes)) volumes.set(str(v.name), v);
  const causes: AdmissionCause[] = [];
  recs(devices.filesystems).forEach((fs, idx) => {
    const volume = volumes.get(str(fs.name));
    if (!volume) return;
    if ((isSet(volume.persistentVolumeClaim) || isSet(volume.dataVolume)) && !ctx.gate('EnableVirtioFsStorageVolumes')) {
      const printed = field.child('domain', 'devices', 'filesystems').toString();
      causes.push(field.child('domain', 'devices', 'filesystems').index(idx).cause('FieldValueInvalid', 'virtiofs is not allowed: virtiofs feature gate is not enabled for PVC', printed));
    }
  });
  return causes;
}

// ---- the validators -----------------------------------------------------------------------

/** The storage part of ValidateVirtualMachineInstanceSpec (VM template and VMI alike). */
export const DISKS_VOLUMES: SpecValidator = {
  area: 'disks-volumes',
  scope: 'both',
  validate(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[] {
    const field = subject.specField;
    const spec = rec(subject.spec);
    const devices = rec(rec(spec.domain).devices);
    const volumes = recs(spec.volumes);
    return [
      ...validateBootOrder(field, spec, devices, ctx),
      ...validateDisks(field.child('domain', 'devices', 'disks'), recs(devices.disks)),
      ...validateVolumes(field.child('volumes'), volumes, ctx),
      ...validateContainerDisks(field, volumes),
      ...(isSet(spec.utilityVolumes)
        ? [field.child('utilityVolumes').cause('FieldValueInvalid', 'cannot create VMI with utility volumes in spec, utility volumes can only be added via hotplug')]
        : []),
      ...validatePersistentReservation(field, devices, ctx),
      ...validateVirtiofsVolumes(field, spec, devices, ctx),
    ];
  },
};

/**
 * VMI webhook only: volumes must map to a disk or filesystem
 * (validateVirtualMachineInstanceSpecVolumeDisks).
 */
export const VOLUME_DISK_MAPPING: SpecValidator = {
  area: 'disks-volumes',
  scope: 'vmi',
  validate(subject: ValidationSubject): AdmissionCause[] {
    const field = subject.specField;
    const spec = rec(subject.spec);
    const devices = rec(rec(spec.domain).devices);
    const disks = new Set(recs(devices.disks).map((d) => str(d.name)));
    const filesystems = new Set(recs(devices.filesystems).map((f) => str(f.name)));
    const causes: AdmissionCause[] = [];
    // KubeVirt prints `spec.domain.volumes[i]`; the volume is at spec.volumes[i].
    const printedVolumes = field.child('domain', 'volumes');
    recs(spec.volumes).forEach((volume, idx) => {
      if (isSet(volume.memoryDump)) return;
      const name = str(volume.name);
      const at = field.child('volumes').index(idx);
      const printed = printedVolumes.index(idx);
      const onDisk = disks.has(name);
      const onFilesystem = filesystems.has(name);
      if (!onDisk && !onFilesystem) {
        causes.push(at.child('name').cause('FieldValueInvalid', `${printed.child('name')} '${name}' not found.`, printed.child('name').toString()));
      }
      if (isSet(volume.containerPath)) {
        if (onDisk) causes.push(at.cause('FieldValueInvalid', `ContainerPath volume '${name}' must be mapped to a filesystem, not a disk`, printed.toString()));
        if (!onFilesystem) {
          causes.push(at.cause('FieldValueInvalid', `ContainerPath volume '${name}' must have a matching filesystem defined in spec.domain.devices.filesystems`, printed.toString()));
        }
        const path = str(rec(volume.containerPath).path);
        const prefix = ['/var/run/kubevirt', '/var/run/libvirt'].find((p) => path.startsWith(p));
        if (prefix) {
          const pathAt = at.child('containerPath', 'path');
          causes.push(pathAt.cause('FieldValueInvalid', `ContainerPath volume '${name}' uses reserved path prefix '${prefix}'`, printed.child('containerPath', 'path').toString()));
        }
      }
    });
    return causes;
  },
};
