import { cluster, runRuleTests, VM } from './support.js';

const withNodeSelector = VM.replace('    spec:\n', '    spec:\n      nodeSelector:\n        disktype: ssd\n');

runRuleTests('no-launch', {
  valid: [
    { name: 'MSHV node (embedded default profile)', manifest: VM },
    { name: 'MSHV missing, useEmulation: QEMU runs it', manifest: VM, profile: cluster({ devices: [], useEmulation: true }) },
    { name: 'KVM cluster', manifest: VM, profile: cluster({ hypervisor: 'kvm', devices: ['kvm'] }) },
    { name: 'rejected at admission is admission-rejected\'s', manifest: VM.replace('  runStrategy: Always\n', '  runStrategy: Always\n  instancetype:\n    inferFromVolume: missing\n') },
    { name: 'absurd vCPU counts are out-of-range\'s', manifest: VM.replace('        devices: {}\n', '        devices: {}\n        cpu:\n          cores: 1000000000\n') },
  ],
  invalid: [
    {
      // KubeVirt admits it; virt-launcher's converter refuses (golden admission vector neg-vm-guest-memory-negative).
      name: 'negative memory.guest: the converter fails',
      manifest: VM.replace('        devices: {}\n', '        devices: {}\n        memory:\n          guest: -1Gi\n'),
      errors: [{ messageId: 'launchError', line: 12, column: 11, message: ["Memory size '-1Gi' must be greater than or equal to 0"] }],
    },
    {
      name: 'Pending and a converter error: both are reported',
      manifest: withNodeSelector.replace('        devices: {}\n', '        devices: {}\n        memory:\n          guest: -1Gi\n'),
      errors: [
        { messageId: 'noEligibleNode', line: 4, column: 3, message: ['nodeSelector disktype=ssd not matched'] },
        { messageId: 'launchError', line: 14, column: 11, message: ["Memory size '-1Gi'"] },
      ],
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
