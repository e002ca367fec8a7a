// SetHypervFeatureDependencies (pkg/defaults/hyperv.go): an enabled Hyper-V enlightenment turns
// on what it needs when the user left that unset. A requirement the user disabled stops the
// walk (KubeVirt only logs it; the validating webhook rejects later). EVMCS also needs VMX.

import type { CPU, FeatureHyperv, FeatureState, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';

type HypervKey = 'vpindex' | 'synic' | 'vapic' | 'evmcs' | 'ipi' | 'tlbflush' | 'synictimer';

/** Feature → the feature it requires, leaves first (KubeVirt's processing order). */
const DEPENDENCIES: readonly (readonly [HypervKey, HypervKey])[] = [
  ['evmcs', 'vapic'],
  ['ipi', 'vpindex'],
  ['tlbflush', 'vpindex'],
  ['synictimer', 'synic'],
  ['synic', 'vpindex'],
];

const isEnabled = (s: FeatureState | undefined): boolean => s?.enabled === true;
const isMissing = (s: FeatureState | undefined): boolean => s === undefined || s.enabled === undefined;

export interface HypervDependencyResult {
  /** The message KubeVirt logs when a requirement was explicitly disabled, else null. */
  problem: string | null;
}

export function setHypervDependencies(spec: VirtualMachineInstanceSpec): HypervDependencyResult {
  const hv = spec.domain.features?.hyperv;
  let problem: string | null = null;
  if (hv) {
    for (const [feature, requires] of DEPENDENCIES) {
      if (!isEnabled(hv[feature])) continue;
      const req = hv[requires];
      if (isMissing(req)) {
        enable(hv, requires);
        continue;
      }
      if (isEnabled(req)) continue;
      problem = `'spec.domain.features.hyperv.${feature}' requires 'spec.domain.features.hyperv.${requires}', which was disabled.`;
      break;
    }
  }
  // A disabled requirement returns before the VMX step, as in KubeVirt.
  const evmcs = hv?.evmcs;
  if (problem === null && evmcs && evmcs.enabled !== false) requireVmx(spec);
  return { problem };
}

function enable(hv: FeatureHyperv, key: HypervKey): void {
  const current = hv[key];
  if (current) current.enabled = true;
  else hv[key] = { enabled: true };
}

/** Adds `vmx` with policy `require`, or forces an existing vmx entry to `require`. */
function requireVmx(spec: VirtualMachineInstanceSpec): void {
  const cpu: CPU = (spec.domain.cpu ??= {});
  const features = (cpu.features ??= []);
  const vmx = features.find((f) => f.name === 'vmx');
  if (vmx) vmx.policy = 'require';
  else features.push({ name: 'vmx', policy: 'require' });
}
