// explain lists each distinct note once, even when a configurator notes the same thing per device.
import { convertVmi, explainAll, loadObjects, loadProfile, selectHypervisor } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

// Two disks read the same containerDisk volume: the converter notes the assumed image format once per disk.
const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: default}
spec:
  template:
    spec:
      domain:
        devices:
          disks: [{name: root, disk: {bus: virtio}}, {name: root, disk: {bus: sata}}]
        resources: {requests: {memory: 1Gi}}
      volumes: [{name: root, containerDisk: {image: quay.io/containerdisks/fedora:41}}]
  runStrategy: Always
`;

describe('explain notes', () => {
  it('keeps one copy of each distinct note text', () => {
    const { objects } = loadObjects([{ path: 'vm.yaml', text: VM }]);
    const { profile } = loadProfile([], objects);
    const item = explainAll(objects, profile)[0]!.item;
    const formatNote = (n: string) => n.startsWith('containerDisk root:');
    expect(item.notes.filter(formatNote)).toHaveLength(1);
    expect(new Set(item.notes).size).toBe(item.notes.length);
    // The converter itself did repeat it, so the check above is about explain's dedupe.
    const vmi = item.vmi!;
    const raw = convertVmi(vmi, selectHypervisor({ vmi, profile }), profile).notes;
    expect(raw.filter(formatNote)).toHaveLength(2);
  });
});
