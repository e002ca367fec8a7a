import { runRuleTests } from './support.js';

const cr = (config: string): string => `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata:
  name: kubevirt
  namespace: kubevirt
spec:
  configuration:
${config}`;

runRuleTests('ignored-kubevirt-setting', {
  valid: [
    { name: 'hyperv-direct behind its gate', manifest: cr('    developerConfiguration:\n      featureGates: [ConfigurableHypervisor]\n    hypervisors:\n    - name: hyperv-direct\n') },
    // KubeVirtConfiguration.NetworkConfiguration is `json:"network"` (types.go).
    { name: 'the real default interface key', manifest: cr('    network:\n      defaultNetworkInterface: masquerade\n') },
    { name: 'kvm without the gate is what happens anyway', manifest: cr('    hypervisors:\n    - name: kvm\n') },
  ],
  invalid: [
    {
      name: 'hyperv-direct without ConfigurableHypervisor',
      manifest: cr('    developerConfiguration:\n      featureGates: [LiveMigration]\n    hypervisors:\n    - name: hyperv-direct\n'),
      errors: [{ messageId: 'hypervisorsWithoutGate', line: 11, column: 7, message: ['"hyperv-direct"', 'ConfigurableHypervisor', 'KVM'] }],
    },
    {
      name: 'networkInterface instead of defaultNetworkInterface, and a second hypervisor',
      manifest: cr('    network:\n      networkInterface: masquerade\n    developerConfiguration:\n      featureGates: [ConfigurableHypervisor]\n    hypervisors:\n    - name: hyperv-direct\n    - name: kvm\n'),
      errors: [
        { messageId: 'unknownKey', line: 9, column: 7, message: ['network.defaultNetworkInterface'] },
        { messageId: 'extraHypervisors', line: 14, column: 7, message: ['entry 1 ("kvm")'] },
      ],
    },
    {
      name: "the Go struct's name instead of its JSON key (as in the golden mshv-tuned cluster)",
      manifest: cr('    networkConfiguration:\n      networkInterface: masquerade\n'),
      errors: [{ messageId: 'unknownKey', line: 8, column: 5, message: ['spec.configuration.networkConfiguration', 'did you mean network?'] }],
    },
  ],
});
