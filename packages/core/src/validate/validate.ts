// Entry points: the VM validating webhook (VM fields + its template) and the VMI validating
// webhook (the defaulted VMI). Both return KubeVirt's causes; [] means admitted.

import type { VirtualMachine, VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { PathSegment } from '../parse/position-index.js';
import { FieldPath, type AdmissionCause } from './cause.js';
import type { ValidationContext } from './context.js';
import { SPEC_VALIDATORS, type ValidationSubject } from './rules/index.js';

/** Where a VM's template is: as the webhook prints it, and its path in the manifest. */
export interface TemplatePlace {
  printed: string;
  at: readonly PathSegment[];
}

/** A VirtualMachine's own template. A pool's VM template is validated by the pool webhook at spec.virtualMachineTemplate.spec.template. */
const VM_TEMPLATE: TemplatePlace = { printed: 'spec.template', at: ['spec', 'template'] };

/** VM validating webhook (vms-admitter.go: ValidateVirtualMachineSpec and its template checks). */
export function validateVirtualMachine(vm: VirtualMachine, ctx: ValidationContext, place: TemplatePlace = VM_TEMPLATE): AdmissionCause[] {
  const spec = vm.spec.template?.spec;
  if (!spec) return [];
  const subject: ValidationSubject = {
    spec,
    metadata: vm.spec.template?.metadata ?? {},
    specField: FieldPath.root(`${place.printed}.spec`, [...place.at, 'spec']),
    metadataField: FieldPath.root(`${place.printed}.metadata`, [...place.at, 'metadata']),
  };
  return SPEC_VALIDATORS.filter((v) => v.scope !== 'vmi').flatMap((v) => v.validate(subject, ctx));
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
