// Instancetype conflicts: a field the VM already sets that the instancetype also wants to set.
// Paths are dotted like k8s field paths; the base is `spec.template.spec` at VM admission and
// `spec` in the VM controller.

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
