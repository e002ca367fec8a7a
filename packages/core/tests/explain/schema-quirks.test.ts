// explain says where KubeVirt's own XML leaves libvirt's schema, and what libvirt does about it.
import { explainAll, loadObjects, loadProfile } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

const vm = (disk: string, claim: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: default}
spec:
  template:
    spec:
      domain:
        devices:
          disks: [{name: data, ${disk}: {}}]
        resources: {requests: {memory: 1Gi}}
      volumes: [{name: data, persistentVolumeClaim: {claimName: ${claim}}}]
  runStrategy: Always
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: blk, namespace: default}
spec: {volumeMode: Block}
`;

function explain(text: string) {
  const { objects } = loadObjects([{ path: 'vm.yaml', text }]);
  return explainAll(objects, loadProfile([], objects).profile)[0]!.item;
}

describe('schema quirks in explain', () => {
  it('reports the three empty sysinfo sections every domain has, as dropped', () => {
    const item = explain(vm('disk', 'fs'));
    expect(item.domainXml).toContain('<bios></bios>');
    expect(item.schemaQuirks.map((q) => [q.kind, q.effect, q.path])).toEqual([
      ['empty-sysinfo-section', 'dropped', 'domain/sysinfo/bios'],
      ['empty-sysinfo-section', 'dropped', 'domain/sysinfo/baseBoard'],
      ['empty-sysinfo-section', 'dropped', 'domain/sysinfo/chassis'],
    ]);
    expect(item.notes.some((n) => n.startsWith('libvirt schema:'))).toBe(true);
  });

  it('reports name on a block disk source as dropped', () => {
    const item = explain(vm('disk', 'blk'));
    expect(item.domainXml).toContain('<source dev="/dev/data" name="data"></source>');
    expect(item.schemaQuirks.filter((q) => q.kind === 'block-source-name')).toHaveLength(1);
  });

  it('reports a LUN on a filesystem PVC as rejected by libvirt', () => {
    const item = explain(vm('lun', 'fs'));
    expect(item.domainXml).toMatch(/<disk device="lun" type="file"/);
    expect(item.schemaQuirks.find((q) => q.kind === 'lun-on-file-source')).toMatchObject({ effect: 'rejected' });
  });
});
