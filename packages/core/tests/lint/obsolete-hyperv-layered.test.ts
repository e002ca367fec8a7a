import { runRuleTests } from './support.js';

const cr = (gates: string[], name: string): string => `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata:
  name: kubevirt
  namespace: kubevirt
spec:
  configuration:
    developerConfiguration:
      featureGates:
${gates.map((g) => `      - ${g}`).join('\n')}
    hypervisors:
    - name: ${name}
`;

runRuleTests('obsolete-hyperv-layered', {
  valid: [
    { name: 'shipped names', manifest: cr(['ConfigurableHypervisor'], 'hyperv-direct') },
    { name: 'the proposal gate', manifest: cr(['HyperVL1VH'], 'kvm') },
  ],
  invalid: [
    {
      name: 'obsolete gate and name',
      manifest: cr(['ConfigurableHypervisor', 'HyperVLayered'], 'hyperv-layered'),
      errors: [
        { messageId: 'gate', line: 11, column: 9, message: ['"HyperVLayered"', 'ConfigurableHypervisor', 'hyperv-direct'] },
        { messageId: 'name', line: 13, column: 7, message: ['"hyperv-layered"', 'use "hyperv-direct"'] },
      ],
    },
    {
      name: 'a VM file is not a KubeVirt CR, but the CR beside it is checked',
      manifest: `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: HyperVLayered
spec: {}
---
${cr(['HyperVLayered'], 'kvm')}`,
      errors: [{ messageId: 'gate', line: 16, column: 9 }],
    },
  ],
});
