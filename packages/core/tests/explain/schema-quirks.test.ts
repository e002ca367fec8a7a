// explain says where KubeVirt's own XML leaves libvirt's schema, and what libvirt does about it.
import { explainAll, loadObjects, loadProfile, schemaQuirks } from '@l1vh/core';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../support/shared.js';
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

/** KubeVirt refuses host devices unless the HostDevices gate is on: explain on the examples' cluster with it. */
function explainWithHostDevices(text: string) {
  const { objects } = loadObjects([{ path: 'vm.yaml', text }]);
  const cluster = readFileSync(sharedPath('golden', 'kubevirt-examples', 'cluster-kvm.yaml'), 'utf8').replace(
    'configuration: {}',
    'configuration: {developerConfiguration: {featureGates: [HostDevices]}}',
  );
  expect(cluster).toContain('featureGates: [HostDevices]');
  return explainAll(objects, loadProfile([{ path: 'cluster.yaml', text: cluster }], objects).profile)[0]!.item;
}

describe('schema quirks in explain', () => {
  it('reports the three empty sysinfo sections every domain has, as dropped (and maxMemory slots="0" of memory hotplug)', () => {
    const item = explain(vm('disk', 'fs'));
    expect(item.domainXml).toContain('<bios></bios>');
    expect(item.domainXml).toContain('slots="0"');
    expect(item.schemaQuirks.map((q) => [q.kind, q.effect, q.path])).toEqual([
      ['max-memory-zero-slots', 'rejected-by-older-libvirt', 'domain/maxMemory'],
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

  it('gives each location as XPath too: absolute and 1-based among same-named siblings; path keeps its 0-based index', () => {
    const xml = '<domain type="kvm"><devices><disk type="file" device="disk"><source file="/a"></source></disk>' +
      '<disk type="block" device="disk"><source dev="/dev/b" name="b"></source></disk></devices></domain>';
    expect(schemaQuirks(xml)).toEqual([expect.objectContaining({ kind: 'block-source-name', path: 'domain/devices/disk[1]/source', xpath: '/domain/devices/disk[2]/source' })]);
  });

  it('reports the empty <source> of a GPU and a USB host device as a placeholder (the node fills the address)', () => {
    for (const example of ['vmi-gpu', 'vmi-usb']) {
      const text = readFileSync(sharedPath(`corpus/kubevirt-examples/${example}.yaml`), 'utf8');
      const item = example === 'vmi-usb' ? explainWithHostDevices(text) : explain(text);
      expect(item.domainXml).toMatch(/<hostdev [^>]*>\s*<source><\/source>/);
      expect(item.schemaQuirks.filter((q) => q.kind === 'empty-hostdev-source')).toEqual([
        expect.objectContaining({ effect: 'placeholder', path: 'domain/devices/hostdev[0]/source', xpath: '/domain/devices/hostdev[1]/source' }),
      ]);
    }
  });

  it('reports <maxMemory slots="0"> as refused by older libvirt, naming the versions', () => {
    const q = schemaQuirks('<domain type="kvm"><maxMemory unit="b" slots="0">4294967296</maxMemory></domain>');
    expect(q).toEqual([expect.objectContaining({ kind: 'max-memory-zero-slots', effect: 'rejected-by-older-libvirt', xpath: '/domain/maxMemory' })]);
    expect(q[0]!.message).toMatch(/libvirt 9\.0 and older refuse it/);
    expect(q[0]!.message).toMatch(/11\.9 in v1\.8, 11\.10 in v1\.9/);
    expect(schemaQuirks('<domain type="kvm"><maxMemory unit="b" slots="16">4294967296</maxMemory></domain>')).toEqual([]);
  });
});
