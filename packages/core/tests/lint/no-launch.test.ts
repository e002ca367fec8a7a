import { cluster, runRuleTests, VM } from './support.js';

const withNodeSelector = VM.replace('    spec:\n', '    spec:\n      nodeSelector:\n        disktype: ssd\n');

runRuleTests('no-launch', {
  valid: [
    { name: 'MSHV node (embedded default profile)', manifest: VM },
    { name: 'MSHV missing, useEmulation: QEMU runs it', manifest: VM, profile: cluster({ devices: [], useEmulation: true }) },
    { name: 'KVM cluster', manifest: VM, profile: cluster({ hypervisor: 'kvm', devices: ['kvm'] }) },
  ],
  invalid: [
    {
      name: 'rejected at admission: inferFromVolume names no volume',
      manifest: VM.replace('  runStrategy: Always\n', '  runStrategy: Always\n  instancetype:\n    inferFromVolume: missing\n'),
      errors: [{ messageId: 'rejected', line: 4, column: 3, message: ['unable to find volume missing'] }],
    },
    {
      name: 'nodeSelector matches no node',
      manifest: withNodeSelector,
      errors: [{ messageId: 'noEligibleNode', line: 4, column: 3, message: ['nodeSelector disktype=ssd not matched'] }],
    },
    {
      name: 'hyperv-direct without /dev/mshv and without emulation: the pod requests an absent device',
      manifest: VM,
      profile: cluster({ devices: ['kvm'] }),
      errors: [{ messageId: 'noEligibleNode', line: 4, column: 3, message: ['no allocatable devices.kubevirt.io/mshv'] }],
    },
    {
      name: 'HyperVL1VH proposal on a node with no hypervisor device: virt-launcher fails',
      manifest: VM,
      profile: cluster({ gates: ['HyperVL1VH'], devices: [] }),
      errors: [{ messageId: 'launchError', line: 4, column: 3, message: ['node-1', 'kvm not present and emulation is not allowed'] }],
    },
  ],
});
