import { runRuleTests } from './support.js';

const vm = (domainExtra: string, diskExtra = ''): string => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: typo
  labels:
    any.example.com/key: v
spec:
  runStrategy: Always
  template:
    metadata:
      labels: {kubevirt.io/vm: typo}
    spec:
      domain:
${domainExtra}
        resources:
          requests:
            memory: 1Gi
            nvidia.com/gpu: "1"
        devices:
          disks:
          - name: root
            disk: {bus: virtio}${diskExtra}
      volumes:
      - name: root
        containerDisk: {image: quay.io/containerdisks/fedora:41}
`;

runRuleTests('unknown-field', {
  valid: [
    { name: 'known fields; free-form labels and resource names', manifest: vm('        cpu: {cores: 2}') },
    { name: 'unknown keys where the CRD keeps them (domain.clock, template metadata)', manifest: vm('        clock: {utc: {}, extra: 1}').replace('labels: {kubevirt.io/vm: typo}', 'labels: {kubevirt.io/vm: typo}\n      custom: 1') },
    {
      name: 'instancetype and preference fields',
      manifest: `apiVersion: instancetype.kubevirt.io/v1beta1
kind: VirtualMachineClusterInstancetype
metadata: {name: it}
spec:
  cpu: {guest: 2}
  memory: {guest: 2Gi}
---
apiVersion: instancetype.kubevirt.io/v1beta1
kind: VirtualMachinePreference
metadata: {name: pref}
spec:
  devices: {preferredDiskBus: virtio}
`,
    },
    { name: 'an apiVersion without a schema is not checked', manifest: 'apiVersion: instancetype.kubevirt.io/v1alpha1\nkind: VirtualMachineInstancetype\nmetadata: {name: old}\nspec: {cpu: {guest: 1}, memory: {guest: 1Gi}, cpuu: 1}\n' },
  ],
  invalid: [
    {
      name: 'a misspelled domain field, with the closest name',
      manifest: vm('        devcies: {}'),
      errors: [{ messageId: 'didYouMean', line: 14, column: 9, message: ['unknown field "spec.template.spec.domain.devcies"', 'did you mean "devices"?'] }],
    },
    {
      name: 'list items are printed with their index',
      manifest: vm('        cpu: {cores: 1}', '\n            bootorder: 1'),
      errors: [{ messageId: 'didYouMean', line: 23, column: 13, message: ['"spec.template.spec.domain.devices.disks[0].bootorder"', '"bootOrder"'] }],
    },
    {
      name: 'nothing close',
      manifest: vm('        zzzzzzzz: 1'),
      errors: [{ messageId: 'unknown', line: 14, column: 9, message: ['unknown field "spec.template.spec.domain.zzzzzzzz"'] }],
    },
    {
      name: 'the KubeVirt CR and a preference',
      manifest: `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: {name: kubevirt, namespace: kubevirt}
spec:
  configuration:
    developerConfigration: {featureGates: []}
---
apiVersion: instancetype.kubevirt.io/v1beta1
kind: VirtualMachineClusterPreference
metadata: {name: p}
spec:
  cpu: {preferedCPUTopology: cores}
`,
      errors: [
        { messageId: 'didYouMean', line: 6, column: 5, message: ['"spec.configuration.developerConfigration"', '"developerConfiguration"', 'KubeVirt'] },
        { messageId: 'didYouMean', line: 12, column: 9, message: ['"spec.cpu.preferedCPUTopology"', '"preferredCPUTopology"'] },
      ],
    },
  ],
});
