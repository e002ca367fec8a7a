// The overhead table of `explain` (text) lists every term with its exact bytes; the column must
// add up to the printed totals, including the ratio term and virt-controller's network terms.
import { explainAll, loadObjects, loadProfile } from '@l1vh/core';
import { describe, expect, it } from 'vitest';
import { formatExplainText } from '../../src/formatters/explain-text.js';

const CLUSTER = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: {name: kubevirt, namespace: kubevirt}
spec:
  configuration:
    additionalGuestMemoryOverheadRatio: "1.234"
    developerConfiguration: {featureGates: [ConfigurableHypervisor]}
    hypervisors: [{name: hyperv-direct}]
    network:
      binding:
        slirp-plugin: {computeResourceOverhead: {requests: {memory: 300Mi}}}
status: {observedKubeVirtVersion: v1.9.0}
---
apiVersion: v1
kind: Node
metadata: {name: n1, labels: {kubernetes.io/arch: amd64, kubevirt.io/schedulable: "true"}}
status: {allocatable: {devices.kubevirt.io/mshv: "1000", devices.kubevirt.io/tun: "1000", devices.kubevirt.io/vhost-net: "1000"}}
`;

const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: sum-check, namespace: default}
spec:
  domain:
    cpu: {cores: 3}
    resources: {requests: {memory: 3Gi}}
    devices:
      tpm: {}
      interfaces:
      - {name: default, passtBinding: {}}
      - {name: net1, binding: {name: slirp-plugin}}
  readinessProbe: {exec: {command: ["true"]}}
  networks:
  - {name: default, pod: {}}
  - {name: net1, multus: {networkName: x}}
`;

describe('explain text: overhead terms table', () => {
  it('sums exactly to GetMemoryOverhead and to virt-controller\'s figure', () => {
    const inputs = loadObjects([{ path: 'vm.yaml', text: VM }]);
    const { profile } = loadProfile([{ path: 'cluster.yaml', text: CLUSTER }], inputs.objects);
    const items = explainAll(inputs.objects, profile).map((e) => e.item);
    const item = items[0]!;
    expect(item.overheadBytes).not.toBeNull();
    const text = formatExplainText({ items, profile: 'cluster.yaml', showXml: false });
    const rows = text.split('\n').filter((l) => /^\s+\S+Mi\s+\d+\s{2}/.test(l));
    expect(rows.length).toBe(item.overheadTerms.length);
    const bytesOf = (l: string): number => Number(/^\s+\S+\s+(\d+)\s{2}/.exec(l)![1]);
    const controllerOnly = rows.filter((l) => l.endsWith('[virt-controller only]'));
    expect(controllerOnly.length).toBe(2); // passt + the plugin
    const launcher = rows.filter((l) => !l.endsWith('[virt-controller only]')).reduce((s, l) => s + bytesOf(l), 0);
    expect(launcher).toBe(item.overheadBytes);
    expect(rows.reduce((s, l) => s + bytesOf(l), 0)).toBe(item.controllerOverheadBytes);
    expect(item.controllerOverheadBytes! - item.overheadBytes!).toBe(550 * 1024 * 1024);
    expect(text).toContain(`(${item.overheadBytes} bytes)`);
  });
});
