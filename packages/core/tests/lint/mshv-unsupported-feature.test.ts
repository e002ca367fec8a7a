import { cluster, runRuleTests, VM } from './support.js';

const withHyperv = VM.replace('        devices: {}\n', '        devices: {}\n        features:\n          hyperv:\n            relaxed: {}\n            vpindex: {}\n');
const dedicated = VM.replace('        devices: {}\n', '        devices: {}\n        cpu:\n          cores: 2\n          dedicatedCpuPlacement: true\n');
const strict = cluster({ gates: ['ConfigurableHypervisor', 'HypervStrictCheck'] });

runRuleTests('mshv-unsupported-feature', {
  valid: [
    { name: 'enlightenments without HypervStrictCheck: no label selector', manifest: withHyperv },
    { name: 'HypervStrictCheck on KVM: the labels exist there', manifest: withHyperv, profile: cluster({ gates: ['HypervStrictCheck'], hypervisor: 'kvm', devices: ['kvm'] }) },
    { name: 'relaxed only needs no label', manifest: VM.replace('        devices: {}\n', '        devices: {}\n        features:\n          hyperv:\n            relaxed: {}\n'), profile: strict },
    { name: 'dedicated CPUs on KVM', manifest: dedicated, profile: cluster({ hypervisor: 'kvm', devices: ['kvm'] }) },
  ],
  invalid: [
    {
      name: 'vpindex with HypervStrictCheck on MSHV',
      manifest: withHyperv,
      profile: strict,
      errors: [{ messageId: 'hypervLabel', line: 14, column: 13, message: ['hyperv.node.kubevirt.io/vpindex=true', 'HypervStrictCheck'] }],
    },
    {
      name: 'vpindex explicitly disabled is fine, enabled: true is not',
      // (ipi or synic would need vpindex: KubeVirt refuses them with vpindex disabled)
      manifest: withHyperv.replace('vpindex: {}', 'vpindex: {enabled: false}').replace('relaxed: {}', 'reset: {enabled: true}'),
      profile: strict,
      errors: [{ messageId: 'hypervLabel', line: 13, column: 13, message: ['"reset"'] }],
    },
    {
      name: 'dedicated CPUs on MSHV: no PIT affinity',
      manifest: dedicated,
      errors: [{ messageId: 'pitAffinity', line: 13, column: 11 }],
    },
  ],
});
