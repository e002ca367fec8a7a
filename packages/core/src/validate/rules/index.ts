// The VMI spec validators (KubeVirt: ValidateVirtualMachineInstanceSpec and the validators virt-api
// registers beside it), one module per area, in KubeVirt's order. Each takes the spec and the
// field path to print, and returns causes; none throws on odd input.

import type { ObjectMeta } from '../../api/k8s-types.js';
import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { CPU_MEMORY_VALIDATORS } from './cpu-memory.js';
import { FIRMWARE_FEATURES_VALIDATORS } from './firmware-features.js';
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
  validate(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[];
}

export const SPEC_VALIDATORS: readonly SpecValidator[] = [
  // adm1: CPU/memory, firmware/features, metadata and the rest of the spec, scheduling.
  ...CPU_MEMORY_VALIDATORS,
  ...FIRMWARE_FEATURES_VALIDATORS,
  ...METADATA_MISC_VALIDATORS,
  ...SCHEDULING_VALIDATORS,
];
