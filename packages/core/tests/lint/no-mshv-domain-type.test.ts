import { runRuleTests, VM } from './support.js';

const hook = (line: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: sidecar-script
data:
  my_script.sh: |
    #!/bin/sh
    tempFile=\`mktemp\`
    echo $4 > $tempFile
    ${line}
    cat $tempFile
`;

runRuleTests('no-mshv-domain-type', {
  valid: [
    { name: 'hook that writes hyperv', manifest: hook(`sed -i 's/type="kvm"/type="hyperv"/' $tempFile`) },
    { name: 'mshv as a name, not a type', manifest: VM.replace('name: vm1', 'name: mshv-vm') },
    { name: 'the device resource is fine', manifest: 'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable:\n    devices.kubevirt.io/mshv: "1"\n' },
  ],
  invalid: [
    {
      name: 'hook sidecar sed script writes type="mshv"',
      manifest: hook(`sed -i 's/type="kvm"/type="mshv"/' $tempFile`),
      errors: [{ messageId: 'xmlType', line: 10, column: 26, message: ['<domain type="hyperv">'] }],
    },
    {
      name: 'domain XML in an annotation',
      manifest: `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm1
  annotations:
    example.com/domain: "<domain type='mshv'></domain>"
spec: {}
`,
      errors: [{ messageId: 'xmlType', line: 6, column: 34 }],
    },
    {
      name: 'mshv as a KubeVirt hypervisor name and a domainType field',
      manifest: `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata:
  name: kubevirt
spec:
  configuration:
    hypervisors:
    - name: mshv
  hookConfig:
    domainType: mshv
`,
      errors: [
        { messageId: 'hypervisorName', line: 8, column: 13, message: ['"hyperv-direct"'] },
        { messageId: 'field', line: 10, column: 17 },
      ],
    },
    {
      name: 'virsh --virttype mshv',
      manifest: `apiVersion: v1
kind: ConfigMap
metadata:
  name: probe
data:
  cmd: virsh domcapabilities --virttype mshv
`,
      errors: [{ messageId: 'virttype', line: 6, column: 30 }],
    },
  ],
});
