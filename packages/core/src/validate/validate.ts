// Entry points: the VM validating webhook (VM fields + its template) and the VMI validating
// webhook (the defaulted VMI). Both return KubeVirt's causes; [] means admitted.

import type { VirtualMachine, VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { PathSegment } from '../parse/position-index.js';
import { FieldPath, type AdmissionCause } from './cause.js';
import type { ValidationContext } from './context.js';
import { SPEC_VALIDATORS, type ValidationSubject } from './rules/index.js';

/** VM validating webhook (vms-admitter.go: ValidateVirtualMachineSpec and its template checks). */
export function validateVirtualMachine(vm: VirtualMachine, ctx: ValidationContext): AdmissionCause[] {
  const spec = vm.spec.template?.spec;
  if (!spec) return [];
  const subject: ValidationSubject = {
    spec,
    metadata: vm.spec.template?.metadata ?? {},
    specField: FieldPath.root('spec.template.spec', ['spec', 'template', 'spec']),
    metadataField: FieldPath.root('spec.template.metadata', ['spec', 'template', 'metadata']),
  };
  const validators = SPEC_VALIDATORS.filter((v) => v.scope !== 'vmi');
  for (const v of validators.filter((v) => v.exclusive)) {
    const causes = v.validate(subject, ctx);
    if (causes.length > 0) return causes;
  }
  return validators.filter((v) => !v.exclusive).flatMap((v) => v.validate(subject, ctx));
}

/**
 * VMI validating webhook on the defaulted VMI. `templateAt` is where the VMI's metadata+spec sit in
 * the manifest ([] for a VMI, ['spec','template'] for a VM).
 */
export function validateVirtualMachineInstance(vmi: VirtualMachineInstance, templateAt: readonly PathSegment[], ctx: ValidationContext): AdmissionCause[] {
  const subject: ValidationSubject = {
    spec: vmi.spec,
    metadata: vmi.metadata,
    specField: FieldPath.root('spec', [...templateAt, 'spec']),
    metadataField: FieldPath.root('metadata', [...templateAt, 'metadata']),
  };
  return SPEC_VALIDATORS.filter((v) => v.scope !== 'vm-template').flatMap((v) => v.validate(subject, ctx));
}
