// Why a VMI meant for MSHV runs on something else: one reason per situation, as a table.

import type { MshvIntent } from '@l1vh/core';
import type { LiveVmi } from './launcher-pods.js';

export const FALLBACK_REASONS = {
  configurable_hypervisor_gate_off: 'hypervisors[0] is hyperv-direct but the ConfigurableHypervisor gate is off, so KubeVirt uses kvm',
  mshv_missing_kvm: 'no /dev/mshv where the VMI runs: the HyperVL1VH proposal falls back to KVM',
  mshv_missing_emulation: 'no /dev/mshv where the VMI runs: useEmulation gives QEMU software emulation',
  launched_before_l1vh_configuration: 'the VMI was launched before hyperv-direct was configured (restart it to get MSHV)',
  launch_failed: 'MSHV not present and emulation off: the launch failed',
} as const;

export type FallbackReason = keyof typeof FALLBACK_REASONS;

export function fallbackReason(v: LiveVmi, intent: MshvIntent): FallbackReason | null {
  if (intent === null || v.hypervisor === 'mshv') return null;
  if (intent === 'gate-off') return 'configurable_hypervisor_gate_off';
  if (v.hypervisor === null) return v.phase === 'Failed' ? 'launch_failed' : null;
  if (v.hypervisor === 'qemu') return 'mshv_missing_emulation';
  // kvm: the proposal's transparent fallback, or a pod created under the old configuration.
  return intent === 'proposal' ? 'mshv_missing_kvm' : 'launched_before_l1vh_configuration';
}
