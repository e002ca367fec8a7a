import { cluster, runRuleTests, VM } from './support.js';

runRuleTests('mshv-fallback', {
  valid: [
    { name: 'MSHV present', manifest: VM },
    { name: 'a KVM cluster never meant MSHV', manifest: VM, profile: cluster({ hypervisor: 'kvm', devices: ['kvm'] }) },
    { name: 'HyperVL1VH proposal with /dev/mshv', manifest: VM, profile: cluster({ gates: ['HyperVL1VH'], devices: ['mshv', 'kvm'] }) },
    { name: 'launch failure is no-launch, not a fallback', manifest: VM, profile: cluster({ devices: ['kvm'] }) },
  ],
  invalid: [
    {
      name: 'HyperVL1VH proposal without /dev/mshv: transparent fallback to KVM',
      manifest: VM,
      profile: cluster({ gates: ['HyperVL1VH'], devices: ['kvm'] }),
      errors: [{ messageId: 'fallback', line: 4, column: 3, message: ['runs on KVM', '/dev/mshv is not available'] }],
    },
    {
      name: 'hyperv-direct without /dev/mshv but useEmulation: QEMU',
      manifest: VM,
      profile: cluster({ devices: [], useEmulation: true }),
      errors: [{ messageId: 'fallback', line: 4, column: 3, message: ['QEMU software emulation'] }],
    },
  ],
});
