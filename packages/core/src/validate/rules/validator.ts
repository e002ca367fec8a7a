// What a spec validator is: the shape every area module implements and the registry lists (its own
// module, so the area modules and the registry do not import each other).

import type { ObjectMeta } from '../../api/k8s-types.js';
import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';

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
