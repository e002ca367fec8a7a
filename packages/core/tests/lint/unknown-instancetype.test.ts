import { runRuleTests } from './support.js';

const vm = (matchers: string): string => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm1
spec:
${matchers}
  template:
    spec:
      domain:
        devices: {}
`;

runRuleTests('unknown-instancetype', {
  valid: [
    { name: 'common-instancetypes names', manifest: vm('  instancetype:\n    name: u1.medium\n  preference:\n    name: fedora') },
    { name: 'no matchers', manifest: vm('  runStrategy: Always') },
    {
      name: 'namespaced instancetype given beside the VM',
      manifest: `${vm('  instancetype:\n    kind: VirtualMachineInstancetype\n    name: small')}---
apiVersion: instancetype.kubevirt.io/v1beta1
kind: VirtualMachineInstancetype
metadata:
  name: small
spec:
  cpu: {guest: 1}
  memory: {guest: 1Gi}
`,
    },
    { name: 'inferFromVolume is resolved at runtime', manifest: vm('  instancetype:\n    name: whatever\n    inferFromVolume: root') },
  ],
  invalid: [
    {
      name: 'unknown cluster instancetype and preference',
      manifest: vm('  instancetype:\n    name: u1.nonexistent\n  preference:\n    name: nope'),
      errors: [
        { messageId: 'unknownInstancetype', line: 7, column: 5, message: ['VirtualMachineClusterInstancetype "u1.nonexistent"'] },
        { messageId: 'unknownPreference', line: 9, column: 5, message: ['VirtualMachineClusterPreference "nope"'] },
      ],
    },
    {
      name: 'namespaced kind is not looked up cluster-wide',
      manifest: vm('  instancetype:\n    kind: VirtualMachineInstancetype\n    name: u1.medium'),
      errors: [{ messageId: 'unknownInstancetype', line: 8, column: 5, message: ['VirtualMachineInstancetype "u1.medium"'] }],
    },
  ],
});
