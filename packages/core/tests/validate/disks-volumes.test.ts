// Disks and volumes: for each of KubeVirt's storage checks, a manifest it refuses with its exact
// causes and one it admits at the boundary. Messages and fields are KubeVirt's (pkg/storage/admitters/
// disks.go, vmi-create-admitter.go validateBootOrder/validateVolumes/…), odd fields included.
import { describe, expect, it } from 'vitest';
import { admitSpec, printed, sortCauses, specWith, type AdmitSpecOptions, type Cause } from '../support/spec-admission.js';

type Spec = Parameters<Parameters<typeof specWith>[0]>[0];
type Want = Omit<Cause, 'at'>;

const P = 'spec.template.spec';
const D = `${P}.domain.devices.disks`;
const V = `${P}.volumes`;
const invalid = (field: string, message: string): Want => ({ type: 'FieldValueInvalid', field, message });

interface Case {
  name: string;
  edit: (s: Spec) => void;
  opts?: AdmitSpecOptions;
  want: Want[];
}

const pvc = (name: string) => ({ name, persistentVolumeClaim: { claimName: name } });

const CASES: Case[] = [
  { name: 'accepts the base manifest', edit: () => {}, want: [] },
  {
    name: 'duplicate disk names',
    edit: (s) => s.domain.devices.disks.push({ name: 'rootdisk', disk: { bus: 'virtio' } }),
    want: [invalid(`${D}[2].name`, `${D}[2] and ${D}[0] must not have the same Name.`)],
  },
  {
    name: 'two device targets on one disk',
    edit: (s) => (s.domain.devices.disks[0]!.cdrom = { bus: 'sata' }),
    want: [invalid(`${D}[0]`, `${D}[0] can only have a single target type defined`)],
  },
  {
    name: 'malformed disk PCI address',
    edit: (s) => ((s.domain.devices.disks[0]!.disk as Record<string, unknown>).pciAddress = 'zz:00.0'),
    want: [invalid(`${D}.domain.devices.disks.disk[0].pciAddress`, `disk ${D}.domain.devices.disks.disk[0].name has malformed PCI address (zz:00.0).`)],
  },
  { name: 'accepts a well-formed disk PCI address', edit: (s) => ((s.domain.devices.disks[0]!.disk as Record<string, unknown>).pciAddress = '0000:0a:1f.7'), want: [] },
  {
    name: 'disk PCI address on a non-virtio bus',
    edit: (s) => (s.domain.devices.disks[0]!.disk = { bus: 'scsi', pciAddress: '0000:00:0a.0' }),
    want: [invalid(`${D}.domain.devices.disks.disk[0].pciAddress`, `disk ${D}.domain.devices.disks.disk[0].name - setting a PCI address is only possible with bus type virtio.`)],
  },
  { name: 'boot order 0', edit: (s) => (s.domain.devices.disks[0]!.bootOrder = 0), want: [invalid(`${D}[0].bootOrder`, `${D}[0] must have a boot order > 0, if supplied`)] },
  { name: 'accepts boot order 1', edit: (s) => (s.domain.devices.disks[0]!.bootOrder = 1), want: [] },
  {
    name: 'the same boot order on two disks',
    edit: (s) => {
      s.domain.devices.disks[0]!.bootOrder = 1;
      s.domain.devices.disks[1]!.bootOrder = 1;
    },
    want: [invalid(`${D}[1].bootOrder`, `Boot order for ${D}[1].bootOrder already set for a different device.`)],
  },
  {
    name: 'a disk and an interface sharing a boot order',
    edit: (s) => {
      s.domain.devices.disks[0]!.bootOrder = 1;
      s.domain.devices.interfaces[0]!.bootOrder = 1;
    },
    want: [invalid(`${P}.domain.devices.interfaces[0].bootOrder`, `Boot order for ${P}.domain.devices.interfaces[0].bootOrder already set for a different device.`)],
  },
  {
    name: 'interface boot order 0 (KubeVirt prints the spec path with the index)',
    edit: (s) => (s.domain.devices.interfaces[0]!.bootOrder = 0),
    want: [invalid(`${P}[0].bootOrder`, `${P}[0] must have a boot order > 0, if supplied`)],
  },
  { name: 'IDE bus', edit: (s) => (s.domain.devices.disks[0]!.disk = { bus: 'ide' }), want: [invalid(`${D}[0].disk.bus`, 'IDE bus is not supported')] },
  {
    name: 'unknown bus',
    edit: (s) => (s.domain.devices.disks[0]!.disk = { bus: 'foo' }),
    want: [invalid(`${D}[0].disk.bus`, `${D}[0] is set with an unrecognized bus foo, must be one of: [virtio scsi sata usb]`)],
  },
  { name: 'accepts the usb bus', edit: (s) => (s.domain.devices.disks[0]!.disk = { bus: 'usb' }), want: [] },
  {
    name: 'CD-ROM on virtio',
    edit: (s) => (s.domain.devices.disks[1] = { name: 'cloudinit', cdrom: { bus: 'virtio' } }),
    want: [invalid(`${D}[1].cdrom.bus`, 'Bus type virtio is invalid for CD-ROM device')],
  },
  { name: 'accepts a CD-ROM on sata', edit: (s) => (s.domain.devices.disks[1] = { name: 'cloudinit', cdrom: { bus: 'sata' } }), want: [] },
  {
    name: 'read-only sata hard disk',
    edit: (s) => (s.domain.devices.disks[0]!.disk = { bus: 'sata', readonly: true }),
    want: [invalid(`${D}[0].disk.bus`, 'sata hard-disks do not support read-only.')],
  },
  { name: 'accepts a read-only sata CD-ROM', edit: (s) => (s.domain.devices.disks[1] = { name: 'cloudinit', cdrom: { bus: 'sata', readonly: true } }), want: [] },
  {
    name: 'dedicated IO thread on sata',
    edit: (s) => (s.domain.devices.disks[0] = { name: 'rootdisk', disk: { bus: 'sata' }, dedicatedIOThread: true }),
    want: [{ type: 'FieldValueNotSupported', field: `${D}.domain.devices.disks[0]`, message: 'IOThreads are not supported for disks on a sata bus' }],
  },
  { name: 'accepts a dedicated IO thread on virtio', edit: (s) => (s.domain.devices.disks[0]!.dedicatedIOThread = true), want: [] },
  {
    name: 'serial with a space',
    edit: (s) => (s.domain.devices.disks[0]!.serial = 'a b'),
    want: [invalid(`${D}[0].serial`, `${D}[0] must be made up of the following characters [A-Za-z0-9_.+-], if specified`)],
  },
  { name: 'accepts a 256-character serial of every allowed character', edit: (s) => (s.domain.devices.disks[0]!.serial = 'Az09_.+-'.repeat(32)), want: [] },
  {
    name: 'serial of 257 characters',
    edit: (s) => (s.domain.devices.disks[0]!.serial = 'a'.repeat(257)),
    want: [invalid(`${D}[0].serial`, `${D}[0] must be less than or equal to 256 in length, if specified`)],
  },
  { name: 'unknown cache mode', edit: (s) => (s.domain.devices.disks[0]!.cache = 'unsafe'), want: [invalid(`${D}[0].cache`, `${D}[0].cache has invalid value unsafe`)] },
  { name: 'accepts cache writeback', edit: (s) => (s.domain.devices.disks[0]!.cache = 'writeback'), want: [] },
  {
    name: 'unknown IO mode',
    edit: (s) => (s.domain.devices.disks[0]!.io = 'aio'),
    want: [{ type: 'FieldValueNotSupported', field: `${D}.domain.devices.disks[0].io`, message: `Disk IO mode for ${D} is not supported. Supported modes are: native, threads.` }],
  },
  { name: 'accepts IO mode native', edit: (s) => (s.domain.devices.disks[0]!.io = 'native'), want: [] },
  { name: 'unknown error policy', edit: (s) => (s.domain.devices.disks[0]!.errorPolicy = 'explode'), want: [invalid(`${D}[0].errorPolicy`, `${D}[0].errorPolicy has invalid value "explode"`)] },
  { name: 'accepts error policy enospace', edit: (s) => (s.domain.devices.disks[0]!.errorPolicy = 'enospace'), want: [] },
  {
    name: 'disk name longer than a DNS label',
    edit: (s) => {
      s.domain.devices.disks[0]!.name = 'a'.repeat(64);
      s.volumes[0]!.name = 'a'.repeat(64);
    },
    want: [invalid(`${D}.domain.devices.disks[0].name`, 'must be no more than 63 characters')],
  },
  {
    name: 'accepts a 63-character disk name',
    edit: (s) => {
      s.domain.devices.disks[0]!.name = 'a'.repeat(63);
      s.volumes[0]!.name = 'a'.repeat(63);
    },
    want: [],
  },
  {
    name: 'disk name with dots',
    edit: (s) => {
      s.domain.devices.disks[0]!.name = 'root.disk';
      s.volumes[0]!.name = 'root.disk';
    },
    want: [invalid(`${D}.domain.devices.disks[0].name`, 'must not contain dots')],
  },
  {
    name: 'custom logical block size over the physical one',
    edit: (s) => (s.domain.devices.disks[0]!.blockSize = { custom: { logical: 4096, physical: 512 } }),
    want: [invalid(`${D}[0].blockSize.custom.logical`, 'Logical size 4096 must be the same or less than the physical size of 512')],
  },
  {
    name: 'custom block sizes that are not powers of 2',
    edit: (s) => (s.domain.devices.disks[0]!.blockSize = { custom: { logical: 768, physical: 768 } }),
    want: [invalid(`${D}[0].blockSize.custom.logical`, 'Provided size of 768 is not a power of 2'), invalid(`${D}[0].blockSize.custom.physical`, 'Provided size of 768 is not a power of 2')],
  },
  {
    name: 'custom block size beyond 2 MiB',
    edit: (s) => (s.domain.devices.disks[0]!.blockSize = { custom: { logical: 512, physical: 4194304 } }),
    want: [invalid(`${D}[0].blockSize.custom.physical`, 'Provided size of 4194304 is greater than the supported maximum size of 2097152')],
  },
  {
    name: 'custom block size with volume matching on',
    edit: (s) => (s.domain.devices.disks[0]!.blockSize = { custom: { logical: 512, physical: 512 }, matchVolume: {} }),
    want: [invalid(`${D}[0].blockSize`, "Block size matching can't be enabled together with a custom value")],
  },
  {
    name: 'sata logical block size other than 512',
    edit: (s) => (s.domain.devices.disks[0] = { name: 'rootdisk', disk: { bus: 'sata' }, blockSize: { custom: { logical: 4096, physical: 4096 } } }),
    want: [invalid(`${D}[0].blockSize.custom.logical`, 'Logical size 4096 must be 512 for SATA devices')],
  },
  {
    name: 'discard granularity not a multiple of the logical size',
    edit: (s) => (s.domain.devices.disks[0]!.blockSize = { custom: { logical: 4096, physical: 4096, discardGranularity: 6144 } }),
    want: [invalid(`${D}[0].blockSize.custom.discardGranularity`, 'Discard granularity 6144 must be multiples of logical size 4096')],
  },
  { name: 'accepts custom sizes 512/2097152', edit: (s) => (s.domain.devices.disks[0]!.blockSize = { custom: { logical: 512, physical: 2097152, discardGranularity: 1024 } }), want: [] },
  {
    name: 'disk without a volume',
    edit: (s) => s.domain.devices.disks.push({ name: 'extra', disk: {} }),
    want: [invalid(`${D}[2].name`, `${D}[2].Name 'extra' not found.`)],
  },
  {
    name: 'empty CD-ROM without DeclarativeHotplugVolumes (v1.8: Alpha)',
    edit: (s) => s.domain.devices.disks.push({ name: 'empty', cdrom: { bus: 'sata' } }),
    opts: { version: 'v1.8' },
    want: [invalid(`${D}[2].name`, 'DeclarativeHotplugVolumes feature gate not enabled, cannot define an empty CD-ROM disk')],
  },
  { name: 'accepts an empty CD-ROM on main (DeclarativeHotplugVolumes is Beta)', edit: (s) => s.domain.devices.disks.push({ name: 'empty', cdrom: { bus: 'sata' } }), want: [] },
  {
    name: 'LUN on a container disk',
    edit: (s) => (s.domain.devices.disks[0] = { name: 'rootdisk', lun: {} }),
    want: [invalid(`${D}[0].lun`, `${D}[0].lun can only be mapped to a DataVolume or PersistentVolumeClaim volume.`)],
  },
  {
    name: 'accepts a LUN on a PVC',
    edit: (s) => {
      s.domain.devices.disks.push({ name: 'data', lun: {} });
      s.volumes.push(pvc('data'));
    },
    want: [],
  },
  {
    name: 'persistent reservation without its gate (v1.8)',
    edit: (s) => {
      s.domain.devices.disks.push({ name: 'data', lun: { reservation: true } });
      s.volumes.push(pvc('data'));
    },
    opts: { version: 'v1.8' },
    want: [invalid(`${D}.luns.reservation`, 'PersistentReservation feature gate is not enabled in kubevirt-config')],
  },
  {
    name: 'accepts persistent reservation on main (GA)',
    edit: (s) => {
      s.domain.devices.disks.push({ name: 'data', lun: { reservation: true } });
      s.volumes.push(pvc('data'));
    },
    want: [],
  },
  {
    name: 'downward metrics volume without its gate',
    edit: (s) => {
      s.domain.devices.disks.push({ name: 'metrics', disk: { bus: 'virtio' } });
      s.volumes.push({ name: 'metrics', downwardMetrics: {} });
    },
    want: [invalid(`${V}[2]`, 'downwardMetrics disks are not allowed: DownwardMetrics feature gate is not enabled.')],
  },
  {
    name: 'downward metrics volume on a CD-ROM and on sata',
    edit: (s) => {
      s.domain.devices.disks.push({ name: 'metrics', cdrom: { bus: 'sata' } });
      s.volumes.push({ name: 'metrics', downwardMetrics: {} });
      s.domain.devices.disks.push({ name: 'metrics2', disk: { bus: 'sata' } });
      s.volumes.push({ name: 'metrics2', downwardMetrics: {} });
    },
    opts: { gates: ['DownwardMetrics'] },
    want: [
      { type: 'FieldValueRequired', field: `${D}[2].disk`, message: `DownwardMetrics volume must be mapped to a disk, but disk is not set on ${D}[2].disk.` },
      invalid(`${D}[3].disk.bus`, `DownwardMetrics volume must be mapped to virtio bus, but ${D}[3].disk.bus is set to sata`),
      invalid(V, `${V} must have max one downwardMetric volume set`),
    ],
  },
  {
    name: 'accepts a downward metrics virtio disk with its gate',
    edit: (s) => {
      s.domain.devices.disks.push({ name: 'metrics', disk: { bus: 'virtio' } });
      s.volumes.push({ name: 'metrics', downwardMetrics: {} });
    },
    opts: { gates: ['DownwardMetrics'] },
    want: [],
  },
  {
    name: 'downward metrics disk without a bus: the VMI defaults it to sata on amd64, then refuses it',
    edit: (s) => {
      s.domain.devices.disks.push({ name: 'metrics', disk: {} });
      s.volumes.push({ name: 'metrics', downwardMetrics: {} });
    },
    opts: { gates: ['DownwardMetrics'] },
    want: [invalid('spec.domain.devices.disks[2].disk.bus', 'DownwardMetrics volume must be mapped to virtio bus, but spec.domain.devices.disks[2].disk.bus is set to sata')],
  },
  {
    name: 'duplicate volume names',
    edit: (s) => s.volumes.push({ name: 'rootdisk', emptyDisk: { capacity: '1Gi' } }),
    want: [invalid(`${V}[2].name`, `${V}[2] and ${V}[0] must not have the same Name.`)],
  },
  {
    name: 'volume with no source and volume with two',
    edit: (s) => {
      s.volumes.push({ name: 'none' });
      s.volumes.push({ name: 'two', emptyDisk: { capacity: '1Gi' }, ephemeral: { persistentVolumeClaim: { claimName: 'x' } } });
      s.domain.devices.disks.push({ name: 'none', disk: {} }, { name: 'two', disk: {} });
    },
    want: [invalid(`${V}[2]`, `${V}[2] must have exactly one source type set`), invalid(`${V}[3]`, `${V}[3] must have exactly one source type set`)],
  },
  {
    name: 'DataVolume without a name',
    edit: (s) => {
      s.volumes.push({ name: 'dv', dataVolume: { name: '' } });
      s.domain.devices.disks.push({ name: 'dv', disk: {} });
    },
    want: [{ type: 'FieldValueRequired', field: `${V}[2].name`, message: "DataVolume 'name' must be set" }],
  },
  {
    name: 'cloud-init without any data',
    edit: (s) => (s.volumes[1] = { name: 'cloudinit', cloudInitNoCloud: {} }),
    want: [invalid(`${V}[1].cloudInitNoCloud`, `${V}[1].cloudInitNoCloud must have at least one userdatasource or one networkdatasource set.`)],
  },
  {
    name: 'cloud-init user data over 2048 bytes (UTF-8)',
    edit: (s) => (s.volumes[1] = { name: 'cloudinit', cloudInitNoCloud: { userData: `#cloud-config\n${'é'.repeat(1018)}` } }),
    want: [invalid(`${V}[1].cloudInitNoCloud`, `${V}[1].cloudInitNoCloud userdata exceeds 2048 byte limit. Should use UserDataSecretRef for larger data.`)],
  },
  { name: 'accepts 2048 bytes of user data', edit: (s) => (s.volumes[1] = { name: 'cloudinit', cloudInitNoCloud: { userData: 'x'.repeat(2048) } }), want: [] },
  {
    name: 'config drive with two user data sources and bad base64 network data',
    edit: (s) => (s.volumes[1] = { name: 'cloudinit', cloudInitConfigDrive: { userData: 'a', secretRef: { name: 's' }, networkDataBase64: 'abc' } }),
    want: [
      invalid(`${V}[1].cloudInitConfigDrive`, `${V}[1].cloudInitConfigDrive must have only one userdatasource set.`),
      invalid(`${V}[1].cloudInitConfigDrive.networkDataBase64`, `${V}[1].cloudInitConfigDrive.networkDataBase64.cloudInitConfigDrive.networkDataBase64 is not a valid base64 value.`),
    ],
  },
  {
    name: 'network data over 2048 bytes once decoded',
    edit: (s) => (s.volumes[1] = { name: 'cloudinit', cloudInitNoCloud: { networkDataBase64: 'QUFB'.repeat(683) } }),
    want: [invalid(`${V}[1].cloudInitNoCloud`, `${V}[1].cloudInitNoCloud networkdata exceeds 2048 byte limit. Should use NetworkDataSecretRef for larger data.`)],
  },
  { name: 'accepts base64 network data of 2046 bytes', edit: (s) => (s.volumes[1] = { name: 'cloudinit', cloudInitNoCloud: { networkDataBase64: 'QUFB'.repeat(682) } }), want: [] },
  {
    name: 'host disk without its gate',
    edit: (s) => {
      s.volumes.push({ name: 'host', hostDisk: { path: '/data/disk.img', type: 'DiskOrCreate', capacity: '1Gi' } });
      s.domain.devices.disks.push({ name: 'host', disk: {} });
    },
    want: [invalid(`${V}[2]`, 'HostDisk feature gate is not enabled')],
  },
  {
    name: 'host disk without a path, with a bad type, and with a capacity on type Disk',
    edit: (s) => {
      s.volumes.push({ name: 'h1', hostDisk: { type: 'Foo' } }, { name: 'h2', hostDisk: { path: '/d.img', type: 'Disk', capacity: '1Gi' } });
      s.domain.devices.disks.push({ name: 'h1', disk: {} }, { name: 'h2', disk: {} });
    },
    opts: { gates: ['HostDisk'] },
    want: [
      { type: 'FieldValueNotFound', field: `${V}[2].hostDisk.path`, message: `${V}[2].hostDisk.path is required for hostDisk volume` },
      invalid(`${V}[2].hostDisk.type`, `${V}[2].hostDisk.type has invalid value 'Foo', allowed are 'Disk' or 'DiskOrCreate'`),
      invalid(`${V}[3].hostDisk.capacity`, `${V}[3].hostDisk.capacity is allowed to pass only with ${V}[3].hostDisk.type equal to 'DiskOrCreate'`),
    ],
  },
  {
    name: 'accepts a host disk with its gate',
    edit: (s) => {
      s.volumes.push({ name: 'host', hostDisk: { path: '/data/disk.img', type: 'DiskOrCreate', capacity: '1Gi' } });
      s.domain.devices.disks.push({ name: 'host', disk: {} });
    },
    opts: { gates: ['HostDisk'] },
    want: [],
  },
  {
    name: 'configMap, secret and service account volumes without names',
    edit: (s) => {
      s.volumes.push({ name: 'cm', configMap: {} }, { name: 'sec', secret: {} }, { name: 'sa', serviceAccount: {} });
      s.domain.devices.disks.push({ name: 'cm', disk: {} }, { name: 'sec', disk: {} }, { name: 'sa', disk: {} });
    },
    want: [
      invalid(`${V}[2].configMap.name`, `${V}[2].configMap.name is a required field`),
      invalid(`${V}[3].secret.secretName`, `${V}[3].secret.secretName is a required field`),
      invalid(`${V}[4].serviceAccount.serviceAccountName`, `${V}[4].serviceAccount.serviceAccountName is a required field`),
    ],
  },
  {
    name: 'two service account volumes',
    edit: (s) => {
      s.volumes.push({ name: 'sa1', serviceAccount: { serviceAccountName: 'a' } }, { name: 'sa2', serviceAccount: { serviceAccountName: 'a' } });
      s.domain.devices.disks.push({ name: 'sa1', disk: {} }, { name: 'sa2', disk: {} });
    },
    want: [invalid(V, `${V} must have max one serviceAccount volume set`)],
  },
  {
    name: 'container disk path relative and at root',
    edit: (s) => {
      (s.volumes[0]!.containerDisk as Record<string, unknown>).path = 'disk/../img.qcow2';
      s.volumes.push({ name: 'root2', containerDisk: { image: 'x', path: '/' } });
      s.domain.devices.disks.push({ name: 'root2', disk: {} });
    },
    want: [
      invalid(`${V}[0].containerDisk`, `${V}[0].containerDisk must be an absolute path to a file without relative components`),
      invalid(`${V}[2].containerDisk`, `${V}[2].containerDisk must not point to root`),
    ],
  },
  { name: 'accepts an absolute container disk path with a trailing slash', edit: (s) => ((s.volumes[0]!.containerDisk as Record<string, unknown>).path = '/disk/img/'), want: [] },
  {
    name: 'utility volumes at creation',
    edit: (s) => (s.utilityVolumes = [{ name: 'u', claimName: 'u' }]),
    want: [invalid(`${P}.utilityVolumes`, 'cannot create VMI with utility volumes in spec, utility volumes can only be added via hotplug')],
  },
  {
    name: 'SSH key propagated by config drive without such a volume, and without a source',
    edit: (s) => (s.accessCredentials = [{ sshPublicKey: { source: {}, propagationMethod: { configDrive: {} } } }]),
    want: [
      invalid(`${P}.accessCredentials[0].sshPublicKey.propagationMethod`, `${P}.accessCredentials[0] requires a configDrive volume to exist when the configDrive propagationMethod is in use.`),
      invalid(`${P}.accessCredentials[0].sshPublicKey.source`, `${P}.accessCredentials[0] must have exactly one source set`),
    ],
  },
  {
    name: 'access credential with both types, and a guest agent method without users',
    edit: (s) =>
      (s.accessCredentials = [
        {
          sshPublicKey: { source: { secret: { secretName: 'k' } }, propagationMethod: { qemuGuestAgent: {} } },
          userPassword: { source: { secret: { secretName: 'p' } }, propagationMethod: { qemuGuestAgent: {} } },
        },
      ]),
    want: [
      invalid(`${P}.accessCredentials[0]`, `${P}.accessCredentials[0] must have exactly one access credential type set`),
      invalid(`${P}.accessCredentials[0].sshPublicKey.propagationMethod.qemuGuestAgent.users`, `${P}.accessCredentials[0] requires at least one user to be present in the users list`),
    ],
  },
  {
    name: 'accepts an SSH key propagated by noCloud',
    edit: (s) => (s.accessCredentials = [{ sshPublicKey: { source: { secret: { secretName: 'k' } }, propagationMethod: { noCloud: {} } } }]),
    want: [],
  },
  {
    name: 'virtiofs on a PVC without its gate',
    edit: (s) => {
      s.domain.devices.filesystems = [{ name: 'shared', virtiofs: {} }];
      s.volumes.push(pvc('shared'));
    },
    want: [invalid(`${P}.domain.devices.filesystems`, 'virtiofs is not allowed: virtiofs feature gate is not enabled for PVC')],
  },
  {
    name: 'accepts virtiofs on a PVC with EnableVirtioFsStorageVolumes',
    edit: (s) => {
      s.domain.devices.filesystems = [{ name: 'shared', virtiofs: {} }];
      s.volumes.push(pvc('shared'));
    },
    opts: { gates: ['EnableVirtioFsStorageVolumes'] },
    want: [],
  },
  {
    name: 'service account name that is not a DNS subdomain, and a volume naming another',
    edit: (s) => {
      s.serviceAccountName = 'Bad_Name';
      s.volumes.push({ name: 'sa', serviceAccount: { serviceAccountName: 'other' } });
      s.domain.devices.disks.push({ name: 'sa', disk: {} });
    },
    want: [
      invalid(
        `${P}.serviceAccountName`,
        `${P}.serviceAccountName is not a valid service account name: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ),
      invalid(`${P}.serviceAccountName`, 'spec.serviceAccountName "Bad_Name" and serviceAccount volume "other" must reference the same service account'),
    ],
  },
];

describe('disks and volumes admission (VM webhook)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(printed(admitSpec(specWith(c.edit), c.opts))).toEqual(printed(sortCauses(c.want)));
    });
  }
});

describe('disks and volumes admission (VMI webhook)', () => {
  it('prints spec.… and points each cause at the manifest field, odd printed fields included', () => {
    const spec = specWith((s) => {
      (s.domain.devices.disks[0]!.disk as Record<string, unknown>).pciAddress = 'zz:00.0';
      s.domain.devices.disks[1]!.errorPolicy = 'explode';
    });
    expect(admitSpec(spec, { kind: 'VirtualMachineInstance' })).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec.domain.devices.disks.domain.devices.disks.disk[0].pciAddress',
        message: 'disk spec.domain.devices.disks.domain.devices.disks.disk[0].name has malformed PCI address (zz:00.0).',
        at: ['spec', 'domain', 'devices', 'disks', 0, 'disk', 'pciAddress'],
      },
      {
        type: 'FieldValueInvalid',
        field: 'spec.domain.devices.disks[1].errorPolicy',
        message: 'spec.domain.devices.disks[1].errorPolicy has invalid value "explode"',
        at: ['spec', 'domain', 'devices', 'disks', 1, 'errorPolicy'],
      },
    ]);
  });
  it('VM causes point into the template', () => {
    const [cause] = admitSpec(specWith((s) => (s.domain.devices.disks[0]!.disk = { bus: 'ide' })));
    expect(cause?.at).toEqual(['spec', 'template', 'spec', 'domain', 'devices', 'disks', 0, 'disk', 'bus']);
  });
  it('refuses a ContainerPath volume mapped to a disk, without a filesystem, on a reserved path', () => {
    const spec = specWith((s) => s.volumes.push({ name: 'cp', containerPath: { path: '/var/run/kubevirt/x' } }));
    expect(printed(admitSpec(spec, { kind: 'VirtualMachineInstance' }))).toEqual(
      printed(sortCauses([
        invalid('spec.domain.volumes[2]', "ContainerPath volume 'cp' must be mapped to a filesystem, not a disk"),
        invalid('spec.domain.volumes[2]', "ContainerPath volume 'cp' must have a matching filesystem defined in spec.domain.devices.filesystems"),
        invalid('spec.domain.volumes[2].containerPath.path', "ContainerPath volume 'cp' uses reserved path prefix '/var/run/kubevirt'"),
      ])),
    );
  });
  it('refuses a sata disk on arm64 (per-architecture check) and accepts scsi', () => {
    const sata = specWith((s) => {
      s.architecture = 'arm64';
      s.domain.devices.disks[0]!.disk = { bus: 'sata' };
    });
    expect(printed(admitSpec(sata, { kind: 'VirtualMachineInstance' }))).toContainEqual({
      type: 'FieldValueNotSupported',
      field: 'spec.domain.devices.disks[0].disk.bus',
      message: 'Arm64 not support this disk bus type, please use virtio or scsi',
    });
    const scsi = specWith((s) => {
      s.architecture = 'arm64';
      s.domain.devices.disks[0]!.disk = { bus: 'scsi' };
    });
    expect(printed(admitSpec(scsi, { kind: 'VirtualMachineInstance' })).filter((c) => c.field.includes('disks'))).toEqual([]);
  });
});
