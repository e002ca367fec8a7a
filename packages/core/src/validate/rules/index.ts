// The VMI spec validators (KubeVirt: ValidateVirtualMachineInstanceSpec and the validators virt-api
// registers beside it), one module per area, in KubeVirt's order. Each takes the spec and the
// field path to print, and returns causes; none throws on odd input.

import { CPU_MEMORY_VALIDATORS } from './cpu-memory.js';
import { DEVICES } from './devices.js';
import { DISKS_VOLUMES, VOLUME_DISK_MAPPING } from './disks-volumes.js';
import { DRA_DEVICES } from './dra-devices.js';
import { FIRMWARE_FEATURES_VALIDATORS } from './firmware-features.js';
import { DISCONTINUED_BINDINGS_VM, DISCONTINUED_BINDINGS_VMI, INTERFACES_NETWORKS } from './interfaces-networks.js';
import { METADATA_MISC_VALIDATORS } from './metadata-misc.js';
import { SCHEDULING_VALIDATORS } from './scheduling.js';

export type { SpecValidator, ValidationSubject, ValidatorScope } from './validator.js';
import type { SpecValidator } from './validator.js';

export const SPEC_VALIDATORS: readonly SpecValidator[] = [
  // adm1: CPU/memory, firmware/features, metadata and the rest of the spec, scheduling.
  ...CPU_MEMORY_VALIDATORS,
  ...FIRMWARE_FEATURES_VALIDATORS,
  ...METADATA_MISC_VALIDATORS,
  ...SCHEDULING_VALIDATORS,
  // adm2: interfaces/networks, devices, disks/volumes.
  DISCONTINUED_BINDINGS_VM,
  DISCONTINUED_BINDINGS_VMI,
  INTERFACES_NETWORKS,
  DRA_DEVICES,
  DISKS_VOLUMES,
  DEVICES,
  VOLUME_DISK_MAPPING,
];
