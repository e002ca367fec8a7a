import { applyChanges, changeFlag, loadObjects, loadProfile, parseChange, whatIf, type ChangeKind } from '@l1vh/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.js';

describe('parseChange', () => {
  const ok: [ChangeKind, string, unknown][] = [
    ['hypervisor', 'kvm', { kind: 'hypervisor', name: 'kvm' }],
    ['hypervisor', 'hyperv-direct', { kind: 'hypervisor', name: 'hyperv-direct' }],
    ['feature-gate', 'HyperVL1VH=on', { kind: 'feature-gate', gate: 'HyperVL1VH', enabled: true }],
    ['feature-gate', 'ConfigurableHypervisor=off', { kind: 'feature-gate', gate: 'ConfigurableHypervisor', enabled: false }],
    ['use-emulation', 'on', { kind: 'use-emulation', enabled: true }],
    ['kubevirt-version', 'v1.8', { kind: 'kubevirt-version', version: 'v1.8' }],
    ['node-device', 'all=none', { kind: 'node-device', node: null, device: 'none' }],
    ['node-device', 'aks-1=kvm', { kind: 'node-device', node: 'aks-1', device: 'kvm' }],
  ];
  it.each(ok)('--%s %s', (kind, text, change) => {
    const r = parseChange(kind, text);
    expect(r).toEqual({ ok: true, change });
    if (r.ok) expect(changeFlag(r.change)).toBe(`--${kind} ${text}`);
  });
  const bad: [ChangeKind, string, string][] = [
    ['hypervisor', 'mshv', 'expected kvm or hyperv-direct'],
    ['feature-gate', 'HyperVL1VH', 'expected NAME=on|off'],
    ['feature-gate', 'HyperVL1VH=maybe', 'expected NAME=on|off'],
    ['use-emulation', 'yes', 'expected on or off'],
    ['kubevirt-version', 'v1.7', 'expected v1.8, v1.9, main'],
    ['node-device', 'aks-1=hyperv', 'expected NODE=mshv|kvm|none'],
    ['node-device', '=kvm', 'expected NODE=mshv|kvm|none'],
  ];
  it.each(bad)('--%s %s is refused', (kind, text, message) => {
    const r = parseChange(kind, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('applyChanges', () => {
  const embedded = () => loadProfile([]).profile;

  it('leaves the original profile and its objects untouched', () => {
    const p = embedded();
    const before = JSON.stringify(p.kubevirt?.value) + JSON.stringify(p.nodes.map((n) => n.value));
    const r = applyChanges(p, [{ kind: 'hypervisor', name: 'kvm' }, { kind: 'node-device', node: null, device: 'kvm' }]);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(p.kubevirt?.value) + JSON.stringify(p.nodes.map((n) => n.value))).toBe(before);
    if (!r.ok) return;
    expect(r.profile.config.hypervisors[0]?.name).toBe('kvm');
    expect(r.profile.nodes[0]!.value.status?.allocatable).toMatchObject({ 'devices.kubevirt.io/kvm': '1000' });
    expect(r.profile.nodes[0]!.value.status?.allocatable?.['devices.kubevirt.io/mshv']).toBeUndefined();
    expect(r.edits).toEqual([
      { object: 'KubeVirt kubevirt/kubevirt', field: 'spec.configuration.hypervisors[0].name', before: 'hyperv-direct', after: 'kvm' },
      { object: 'Node l1vh-node-1', field: 'status.allocatable["devices.kubevirt.io/mshv"]', before: '1000', after: null },
      { object: 'Node l1vh-node-1', field: 'status.allocatable["devices.kubevirt.io/kvm"]', before: null, after: '1000' },
    ]);
  });

  it('turns a Beta gate off through disabledFeatureGates (on by default from v1.9)', () => {
    const r = applyChanges(embedded(), [{ kind: 'feature-gate', gate: 'PasstBinding', enabled: false }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.profile.config.developerConfiguration['disabledFeatureGates']).toEqual(['PasstBinding']);
    const on = applyChanges(r.profile, [{ kind: 'feature-gate', gate: 'PasstBinding', enabled: true }]);
    if (!on.ok) throw new Error(on.message);
    expect(on.profile.config.developerConfiguration.featureGates).toContain('PasstBinding');
    expect(on.profile.config.developerConfiguration['disabledFeatureGates']).toEqual([]);
  });

  it('adds a KubeVirt CR to a profile without one, and notes a hypervisor the gate ignores', () => {
    const nodeOnly = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: {kubevirt.io/schedulable: "true"}\nstatus:\n  allocatable: {devices.kubevirt.io/kvm: "1000"}\n';
    const { profile } = loadProfile([{ path: 'nodes.yaml', text: nodeOnly }]);
    expect(profile.kubevirt).toBeUndefined();
    const r = applyChanges(profile, [{ kind: 'hypervisor', name: 'hyperv-direct' }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.profile.kubevirt?.value.spec?.configuration).toEqual({ hypervisors: [{ name: 'hyperv-direct' }] });
    expect(r.notes).toEqual(['spec.configuration.hypervisors[0] is ignored while the ConfigurableHypervisor gate is off (add --feature-gate ConfigurableHypervisor=on)']);
  });
});

describe('whatIf per VM', () => {
  it('names the step that changed first and diffs the domain XML', () => {
    const text = readFileSync(join(REPO_ROOT, 'examples', 'vm-fedora.yaml'), 'utf8');
    const loaded = loadObjects([{ path: 'vm-fedora.yaml', text }]);
    const { profile } = loadProfile([], loaded.objects);
    const out = whatIf({ profile, objects: loaded.objects, changes: [{ kind: 'hypervisor', name: 'kvm' }, { kind: 'node-device', node: null, device: 'kvm' }] });
    if (!out.ok) throw new Error(out.message);
    const [item] = out.result.items;
    expect(item!.changedSteps[0]).toEqual({
      rule: 'configured-hypervisor',
      before: { outcome: 'mshv', reason: 'hypervisors[0].name hyperv-direct → mshv backend (device /dev/mshv)' },
      after: { outcome: 'kvm', reason: 'hypervisors[0].name kvm → kvm backend (device /dev/kvm)' },
    });
    expect(item!.changed).toEqual(expect.arrayContaining(['hypervisor', 'domainType', 'launcherResources', 'domainXml']));
    expect(item!.xmlDiff).toContain('-<domain type="hyperv"');
    expect(item!.xmlDiff).toContain('+<domain type="kvm"');
    expect(item!.xmlDiff!.split('\n')[0]).toBe('--- default/fedora-l1vh (before)');
    expect(out.result.summary).toMatchObject({ vms: 1, keepRunning: 1, changeHypervisor: 1, stopRunning: 0 });
  });
});
