// The VMI spec validators (KubeVirt: ValidateVirtualMachineInstanceSpec and the validators virt-api
// registers beside it), one module per area, in KubeVirt's order. Each takes the spec and the
// field path to print, and returns causes; none throws on odd input.

import type { ObjectMeta } from '../../api/k8s-types.js';
import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { CPU_MEMORY_VALIDATORS } from './cpu-memory.js';
import { DEVICES } from './devices.js';
import { DISKS_VOLUMES, VOLUME_DISK_MAPPING } from './disks-volumes.js';
import { DRA_DEVICES } from './dra-devices.js';
import { FIRMWARE_FEATURES_VALIDATORS } from './firmware-features.js';
import { DISCONTINUED_BINDINGS_VM, DISCONTINUED_BINDINGS_VMI, INTERFACES_NETWORKS } from './interfaces-networks.js';
import { METADATA_MISC_VALIDATORS } from './metadata-misc.js';
import { SCHEDULING_VALIDATORS } from './scheduling.js';

/** Which admitter runs the validator: the VM webhook on the template, the VMI webhook, or both. */
export type ValidatorScope = 'vm-template' | 'vmi' | 'both';

/** The VMI (or VM template) being validated, with the field paths KubeVirt prints for it. */
export interface ValidationSubject {
  spec: VirtualMachineInstanceSpec;
  metadata: ObjectMeta;
  /** `spec.template.spec` (VM webhook) or `spec` (VMI webhook). */
  specField: FieldPath;
  /** `spec.template.metadata` (VM webhook) or `metadata` (VMI webhook). */
  metadataField: FieldPath;
  /** The request comes from a KubeVirt service account (the VM controller creating a VM's VMI). */
  byKubeVirt: boolean;
}

export interface SpecValidator {
  /** Area name, for tests and docs. */
  area: string;
  scope: ValidatorScope;
  /**
   * The VM webhook runs it before the others and refuses with its causes alone when it has any
   * (vms-admitter.go's create-only checks). The VMI webhook treats it like any other.
   */
  exclusive?: boolean;
  validate(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[];
}

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
