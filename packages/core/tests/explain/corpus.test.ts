// Issue 2's bar: every corpus file loads; its VMs, and VMs using every common instancetype and
// preference, explain without a tool error (KubeVirt's own rejections are results, not errors).
import { builtinObjects, explainAll, loadObjects, loadProfile } from '@l1vh/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../support/shared.js';

const corpusFiles = (dir: string) =>
  readdirSync(sharedPath('corpus', dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ path: join(sharedPath('corpus', dir), f), text: readFileSync(join(sharedPath('corpus', dir), f), 'utf8') }));

/** A tool error is a message that is not KubeVirt's: an exception text or an internal marker. */
const TOOL_ERROR = /IMPOSSIBLE|internal|TypeError|undefined|not implemented|Cannot read/i;

describe('corpus', () => {
  it('loads every file without an input finding', () => {
    for (const dir of ['kubevirt-examples', 'common-instancetypes']) {
      const { objects, findings } = loadObjects(corpusFiles(dir));
      expect(findings, dir).toEqual([]);
      expect(objects.length, dir).toBeGreaterThan(20);
    }
  });

  it('explains every VM-like example on the embedded profile and on both example clusters', () => {
    const { objects } = loadObjects(corpusFiles('kubevirt-examples'));
    const profiles = [
      loadProfile([], objects).profile,
      ...['kvm', 'mshv'].map((hv) => {
        const f = sharedPath('golden', 'kubevirt-examples', `cluster-${hv}.yaml`);
        return loadProfile([{ path: f, text: readFileSync(f, 'utf8') }], objects).profile;
      }),
    ];
    for (const profile of profiles) {
      const items = explainAll(objects, profile).map((e) => e.item);
      expect(items.length).toBe(objects.filter((o) => /^VirtualMachine(Instance|Pool|InstanceReplicaSet)?$/.test(o.kind)).length);
      for (const it of items) {
        expect(it.error ?? '', `${it.name} on ${profile.origin}`).not.toMatch(TOOL_ERROR);
        if (!it.error) {
          expect(it.domainXml, it.name).toMatch(/^<domain type="(hyperv|kvm|qemu)"/);
          expect(it.overheadBytes, it.name).toBeGreaterThan(0);
        }
      }
    }
  });

  it('explains a VM for every common instancetype, and for every common preference', () => {
    const builtins = builtinObjects();
    const types = builtins.filter((o) => o.kind === 'VirtualMachineClusterInstancetype').map((o) => o.name);
    const prefs = builtins.filter((o) => o.kind === 'VirtualMachineClusterPreference').map((o) => o.name);
    expect(types.length).toBeGreaterThan(50);
    expect(prefs.length).toBeGreaterThan(50);
    const vm = (name: string, it?: string, pref?: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: ${name}, namespace: default}
spec:
  runStrategy: Always
${it ? `  instancetype: {name: ${it}}\n` : ''}${pref ? `  preference: {name: ${pref}}\n` : ''}  template:
    spec:
      domain:
        devices:
          disks: [{name: root, disk: {bus: virtio}}]
${it ? '' : '        resources: {requests: {memory: 2Gi}}\n'}      volumes: [{name: root, containerDisk: {image: quay.io/containerdisks/fedora:41}}]
`;
    const texts = [
      ...types.map((t, i) => vm(`it-${i}`, t, undefined)),
      ...prefs.map((p, i) => vm(`pref-${i}`, 'u1.large', p)),
    ];
    const { objects, findings } = loadObjects(texts.map((text, i) => ({ path: `vm-${i}.yaml`, text })));
    expect(findings).toEqual([]);
    const items = explainAll(objects, loadProfile([], objects).profile).map((e) => e.item);
    expect(items).toHaveLength(types.length + prefs.length);
    let launched = 0;
    for (const it of items) {
      expect(it.error ?? '', it.name).not.toMatch(TOOL_ERROR);
      if (!it.error) launched++;
    }
    // Most combinations are valid; the rest are KubeVirt's own rejections (e.g. unmet preference requirements).
    expect(launched).toBeGreaterThan(items.length * 0.8);
  });
});
