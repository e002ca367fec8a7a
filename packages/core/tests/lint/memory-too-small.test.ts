import { runRuleTests, VM } from './support.js';

// GetMemoryOverhead of this VM on MSHV (KubeVirt main) is at least the fixed process terms:
// 25Mi monitor + 100Mi launcher + 25Mi virtlogd + 40Mi virtqemud + 50Mi qemu + 8Mi vCPU + 8Mi
// IOThread + 32Mi video = 288Mi (kubevirt-behaviour.md §4.1), far above 64Mi and far below 1Gi.
runRuleTests('memory-too-small', {
  valid: [
    { name: '1Gi guest', manifest: VM },
    { name: 'a negative guest is no-launch\'s (the converter refuses it)', manifest: VM.replace('        devices: {}\n', '        devices: {}\n        memory:\n          guest: -1Gi\n') },
  ],
  invalid: [
    {
      name: '64Mi guest',
      manifest: VM.replace('memory: 1Gi', 'memory: 64Mi'),
      errors: [{ messageId: 'belowOverhead', line: 13, column: 13, message: ['guest memory 64Mi'] }],
    },
  ],
});
