// The VM mutating webhook (vm-mutator.go) on create: instancetype matcher validation and
// inference, the preference's architecture and machine type, the VM arch/machine-type defaults,
// and the PCI topology annotation on the template. (The random firmware uuid/serial it also sets
// cannot be previewed; admit.ts notes it.)

import type { VirtualMachine, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import { applyArchitecturePreference } from '../instancetype/apply-preference.js';
import { findPreference, inferMatchers, matcherValidationError } from '../instancetype/resolve-matchers.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { machineTypeFor } from './cluster-settings.js';
import { setPciTopologyAnnotation } from './vmi-defaults.js';

/** Mutates `vm` (a private copy); returns KubeVirt's rejection, or null. */
export function mutateVm(vm: VirtualMachine, profile: ClusterProfile): string | null {
  const template = vm.spec.template;
  if (!template?.spec) return 'VirtualMachine has no spec.template.spec';
  const spec: VirtualMachineInstanceSpec = template.spec;

  const invalid = matcherValidationError(vm);
  if (invalid) return invalid;
  const inferError = inferMatchers(vm, profile);
  if (inferError) return inferError;

  // Lookup failures are ignored here; the VM controller reports them when it creates the VMI.
  const preference = findPreference(vm, profile).spec;
  applyArchitecturePreference(preference, spec);
  const preferredMachine = preference?.machine?.preferredMachineType;
  if (!spec.domain.machine?.type && preferredMachine) spec.domain.machine = { ...(spec.domain.machine ?? {}), type: preferredMachine };

  // SetVirtualMachineDefaults. The architecture label of a DataSource cannot be read offline.
  if (!spec.architecture) spec.architecture = profile.defaultArchitecture;
  const machine = (spec.domain.machine ??= {});
  if (!machine.type) machine.type = machineTypeFor(profile.config, spec.architecture);

  setPciTopologyAnnotation((template.metadata ??= {}), spec);
  return null;
}
