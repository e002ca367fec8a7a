// Instancetype conflicts: a field the VM already sets that the instancetype also wants to set.
// Paths are dotted like k8s field paths; the base is `spec.template.spec` at VM admission and
// `spec` in the VM controller.

import type { AdmissionCause } from '../validate/cause.js';

export interface Conflict {
  /** Dotted field path, e.g. spec.template.spec.domain.cpu.sockets. */
  path: string;
  /** A message that replaces the standard one (spread-topology errors). */
  message?: string;
}

export const conflictAt = (base: string, ...names: string[]): Conflict => ({ path: [base, ...names].filter((s) => s !== '').join('.') });

/** conflict.Conflict.Error() for one conflict. */
export function conflictMessage(c: Conflict): string {
  return c.message ?? `VM field(s) ${c.path} conflicts with selected instance type`;
}

/** The VM admission webhook reports one cause per conflict; the response message joins them (10 at most). */
export function admissionMessage(conflicts: readonly Conflict[]): string {
  const shown = conflicts.slice(0, 10).map(conflictMessage);
  const more = conflicts.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, and ${more} more validation errors` : shown.join(', ');
}

/** The VM controller's error when applying to the VMI fails. */
export function controllerMessage(conflicts: readonly Conflict[]): string {
  return `VMI conflicts with instancetype spec in fields: [${conflicts.map((c) => c.path).join(', ')}]`;
}

/** "spec.template.spec.domain.devices.disks[0].name" → ['spec', …, 'disks', 0, 'name']. */
export function parseFieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** admissionMessage's and controllerMessage's shapes, read back into their fields. */
const ADMISSION_CONFLICT = /^VM field\(s\) (.+?) conflicts? with selected instance type/;
const CONTROLLER_CONFLICT = /^VMI conflicts with instancetype spec in fields: \[(.*)\]$/;

/**
 * KubeVirt's causes for an error that stopped admission without a webhook's cause list: one
 * FieldValueInvalid per conflicting field (conflict.Conflicts.StatusCauses), else one cause without
 * a field, placed at the matcher it is about (spec.instancetype / spec.preference) when it names one.
 * `vmAt` is the VM's root in the manifest ([] for a VM, the template for a pool).
 */
export function instancetypeErrorCauses(
  error: string,
  vmAt: readonly (string | number)[],
  vmiSpecAt: readonly (string | number)[] = [...vmAt, 'spec', 'template'],
  /** The matcher that infers from a volume, for errors about inferring. */
  inferring?: 'instancetype' | 'preference',
): AdmissionCause[] {
  const admission = ADMISSION_CONFLICT.exec(error);
  if (admission) {
    return admission[1]!.split(/,\s*/).map((field) => ({ type: 'FieldValueInvalid', field, message: conflictMessage({ path: field }), at: [...vmAt, ...parseFieldPath(field)] }));
  }
  const controller = CONTROLLER_CONFLICT.exec(error);
  if (controller) {
    return controller[1]!.split(/,\s*/).map((field) => ({ type: 'FieldValueInvalid', field, message: error, at: [...vmiSpecAt, ...parseFieldPath(field)] }));
  }
  const matcher = /preference/i.test(error) ? 'preference' : /instancetype|instance type/i.test(error) ? 'instancetype' : /\binfer/i.test(error) ? inferring ?? null : null;
  // vms-admitter.go reports unmet preference requirements as FieldValueNotFound.
  const type = error.startsWith('failure checking preference requirements') ? 'FieldValueNotFound' : 'FieldValueInvalid';
  return [{ type, field: '', message: error, ...(matcher ? { at: [...vmAt, 'spec', matcher] } : {}) }];
}
