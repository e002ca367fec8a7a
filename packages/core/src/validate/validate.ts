// Entry points: the VM validating webhook (VM fields + its template) and the VMI validating
// webhook (the defaulted VMI). Both return KubeVirt's causes; [] means admitted.

import type { VirtualMachine, VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { PathSegment } from '../parse/position-index.js';
import { FieldPath, type AdmissionCause } from './cause.js';
import type { ValidationContext } from './context.js';
import { SPEC_VALIDATORS, type SpecValidator, type ValidationSubject } from './rules/index.js';
import { discontinuedGateCauses } from './rules/metadata-misc.js';
import { dataVolumeTemplateCauses, liveUpdateCauses, runStrategyCauses } from './vm-spec.js';

/**
 * VM validating webhook (vms-admitter.go Admit → ValidateVirtualMachineSpec), on the copy it
 * validates: instancetype and preference applied, VMI spec defaults set on the template. `vmSpec`
 * is where the VM's spec is (a pool's VM template: `spec.virtualMachineTemplate.spec`).
 */
export function validateVirtualMachine(vm: VirtualMachine, ctx: ValidationContext, vmSpec: FieldPath = FieldPath.root('spec', ['spec'])): AdmissionCause[] {
  const template = vm.spec.template;
  if (!template?.spec) return [vmSpec.child('template').cause('FieldValueRequired', 'missing virtual machine template.')];
  const specField = vmSpec.child('template', 'spec');
  // On create, discontinued feature gates still in use refuse the VM before anything else.
  const gates = discontinuedGateCauses(template.spec, specField, ctx);
  if (gates.length > 0) return gates;
  const subject: ValidationSubject = {
    spec: template.spec,
    metadata: template.metadata ?? {},
    specField,
    metadataField: vmSpec.child('template', 'metadata'),
    byKubeVirt: false,
  };
  // Then the network ValidateCreation (discontinued bindings), which also refuses alone.
  for (const v of VM_EXCLUSIVE) {
    const causes = v.validate(subject, ctx);
    if (causes.length > 0) return causes;
  }
  const causes = allCauses(VM_OTHERS, subject, ctx);
  for (const c of dataVolumeTemplateCauses(vm, vmSpec)) causes.push(c);
  for (const c of runStrategyCauses(vm, ctx, vmSpec)) causes.push(c);
  for (const c of liveUpdateCauses(vm, ctx, vmSpec)) causes.push(c);
  return causes;
}

export interface VmiValidationOptions {
  /** Created by a KubeVirt service account (the VM controller): reserved labels are allowed. */
  byKubeVirt?: boolean;
}

/**
 * VMI validating webhook on the defaulted VMI. `templateAt` is where the VMI's metadata+spec sit in
 * the manifest ([] for a VMI, ['spec','template'] for a VM).
 */
export function validateVirtualMachineInstance(vmi: VirtualMachineInstance, templateAt: readonly PathSegment[], ctx: ValidationContext, opts: VmiValidationOptions = {}): AdmissionCause[] {
  const subject: ValidationSubject = {
    spec: vmi.spec,
    metadata: vmi.metadata,
    specField: FieldPath.root('spec', [...templateAt, 'spec']),
    metadataField: FieldPath.root('metadata', [...templateAt, 'metadata']),
    byKubeVirt: opts.byKubeVirt ?? false,
  };
  return allCauses(VMI_VALIDATORS, subject, ctx);
}

/** Every validator's causes in registry order (a loop: flatMap's generic path costs per VM). */
function allCauses(validators: readonly SpecValidator[], subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  for (const v of validators) for (const c of v.validate(subject, ctx)) causes.push(c);
  return causes;
}

// The registry split once by webhook, in registry order.
const VM_VALIDATORS = SPEC_VALIDATORS.filter((v) => v.scope !== 'vmi');
const VM_EXCLUSIVE = VM_VALIDATORS.filter((v) => v.exclusive);
const VM_OTHERS = VM_VALIDATORS.filter((v) => !v.exclusive);
const VMI_VALIDATORS = SPEC_VALIDATORS.filter((v) => v.scope !== 'vm-template');
