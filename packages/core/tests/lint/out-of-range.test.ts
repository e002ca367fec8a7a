import { runRuleTests, VM } from './support.js';

const withDomain = (lines: string): string => VM.replace('        devices: {}\n', `        devices: {}\n${lines}`);

runRuleTests('out-of-range', {
  valid: [
    { name: 'an ordinary VM', manifest: VM },
    { name: '16384 vCPUs: the largest count the preview renders', manifest: withDomain('        cpu:\n          cores: 16384\n') },
    { name: 'a guest of 8Ei minus one Ki is still within int64', manifest: withDomain('        memory:\n          guest: 8388607Ti\n') },
  ],
  invalid: [
    {
      // KubeVirt admits it (golden admission vector neg-vm-cores-1e9) and would ask for cpu 100e6.
      name: 'cores: 1e9',
      manifest: withDomain('        cpu:\n          cores: 1000000000\n'),
      errors: [{ messageId: 'outOfRange', line: 12, column: 11, message: ['spec.template.spec.domain.cpu.cores: 1000000000 vCPUs', 'KubeVirt accepts this', 'cpu=100e6'] }],
    },
    {
      name: 'vCPUs from a CPU request without topology, reported where the user wrote them',
      manifest: VM.replace('            memory: 1Gi\n', '            memory: 1Gi\n            cpu: "1e15"\n'),
      errors: [{ messageId: 'outOfRange', line: 14, column: 13, message: ['spec.template.spec.domain.resources.requests.cpu: 1000000000000000 vCPUs'] }],
    },
    {
      name: 'a guest past int64 bytes',
      manifest: withDomain('        memory:\n          guest: 100e18\n'),
      errors: [{ messageId: 'outOfRange', line: 12, column: 11, message: ['spec.template.spec.domain.memory.guest: at or past Go\'s int64 limit'] }],
    },
  ],
});
