// Domain type by virt-launcher's --hypervisor: hyperv-direct → the MSHV configurator, anything else
// → KVM. A present device gives hyperv (MSHV) or the defaulter's kvm; a missing one falls back to
// qemu emulation when allowed, else the launch fails.

import type { Configurator } from '../configurator.js';

interface HypervisorTypeRule {
  /** Domain type with the device present; '' leaves it to the defaulter (kvm). */
  typeWithDevice: string;
  missingError: string;
}

const RULES: Record<string, HypervisorTypeRule> = {
  'hyperv-direct': { typeWithDevice: 'hyperv', missingError: 'MSHV not present' },
  kvm: { typeWithDevice: '', missingError: 'kvm not present and emulation is not allowed' },
};

export const configureHypervisorType: Configurator = (ctx, domain) => {
  const rule = RULES[ctx.hypervisorName] ?? RULES.kvm!;
  if (ctx.hypervisorDeviceAvailable) {
    domain.type = rule.typeWithDevice;
    return;
  }
  if (!ctx.allowEmulation) return rule.missingError;
  domain.type = 'qemu';
  return undefined;
};
