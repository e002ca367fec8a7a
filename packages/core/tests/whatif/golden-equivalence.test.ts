// For every VM of every golden group and every kind of change: whatif's "before" is plain
// explain on the profile, and its "after" is explain on the profile edited by hand (the YAML
// text, edited in support/hand-edit.ts without core's change-set code).
import { explainAll, loadObjects, loadProfile, whatIf, type Change, type ClusterProfile, type ExplainItem, type VersionKey } from '@l1vh/core';
import { describe, expect, it } from 'vitest';
import { goldenGroups } from '../support/shared.js';
import { handEdit } from './support/hand-edit.js';

const OTHER_VERSIONS: Record<VersionKey, VersionKey[]> = { 'v1.8': ['v1.9', 'main'], 'v1.9': ['v1.8', 'main'], main: ['v1.8', 'v1.9'] };

/** One real change of each kind for this profile (flips, other releases, other devices), plus a whole migration. */
function changesFor(p: ClusterProfile): { label: string; changes: Change[] }[] {
  const gates = p.config.developerConfiguration.featureGates;
  const name = p.config.hypervisors[0]?.name;
  const node = p.nodes[0]!.value;
  const has = (d: string) => Number(node.status?.allocatable?.[`devices.kubevirt.io/${d}`] ?? 0) > 0;
  const otherDevice = has('mshv') ? 'kvm' : 'mshv';
  const one = (c: Change) => ({ label: JSON.stringify(c), changes: [c] });
  return [
    one({ kind: 'hypervisor', name: name === 'hyperv-direct' ? 'kvm' : 'hyperv-direct' }),
    one({ kind: 'feature-gate', gate: 'ConfigurableHypervisor', enabled: !gates.includes('ConfigurableHypervisor') }),
    one({ kind: 'feature-gate', gate: 'HyperVL1VH', enabled: !gates.includes('HyperVL1VH') }),
    one({ kind: 'use-emulation', enabled: p.config.developerConfiguration.useEmulation !== true }),
    ...OTHER_VERSIONS[p.version].map((version) => one({ kind: 'kubevirt-version', version })),
    one({ kind: 'node-device', node: node.metadata.name!, device: otherDevice }),
    one({ kind: 'node-device', node: null, device: 'none' }),
    {
      label: 'migration to hyperv-direct',
      changes: [
        { kind: 'feature-gate', gate: 'HyperVL1VH', enabled: false },
        { kind: 'feature-gate', gate: 'ConfigurableHypervisor', enabled: true },
        { kind: 'hypervisor', name: 'hyperv-direct' },
        { kind: 'node-device', node: null, device: 'mshv' },
        { kind: 'kubevirt-version', version: 'main' },
      ],
    },
  ];
}

/** What whatif reports per side; the decision steps by rule and outcome (reasons quote the observed version string). */
function projection(item: ExplainItem) {
  return {
    verdict: item.verdict,
    semantics: item.semantics,
    kubevirtVersion: item.kubevirtVersion,
    hypervisor: item.hypervisor,
    domainType: item.domainType,
    error: item.error,
    overheadBytes: item.overheadBytes,
    controllerOverheadBytes: item.controllerOverheadBytes,
    launcherResources: item.launcherResources,
    domainXml: item.domainXml,
    vmi: item.vmi,
    nodes: item.nodes,
    steps: item.decision.steps.map((s) => `${s.rule}: ${s.outcome}`),
  };
}

describe('whatif equals explain on a hand-edited profile (golden groups)', () => {
  const groups = goldenGroups();
  it('finds the golden groups', () => {
    expect(groups.length).toBeGreaterThan(0);
  });
  let compared = 0;
  const changedVerdicts = new Set<string>();
  for (const g of groups) {
    it(`group ${g.name}`, () => {
      const loaded = loadObjects(g.cases.map((c) => ({ path: c.file, text: c.text })));
      const { profile } = loadProfile([{ path: g.clusterFile, text: g.clusterText }], loaded.objects);
      const plain = explainAll(loaded.objects, profile).map((e) => e.item);
      for (const { label, changes } of changesFor(profile)) {
        const outcome = whatIf({ profile, objects: loaded.objects, changes });
        if (!outcome.ok) throw new Error(outcome.message);
        const { items } = outcome.result;
        const edited = loadProfile([{ path: g.clusterFile, text: handEdit(g.clusterText, changes) }], loaded.objects);
        expect(edited.findings, label).toEqual([]);
        const hand = explainAll(loaded.objects, edited.profile).map((e) => e.item);
        expect(items.length, label).toBe(plain.length);
        items.forEach((it, i) => {
          const { placedOn, ...before } = it.before;
          expect(before, `${label} before ${it.name}`).toEqual(plain[i]);
          expect(placedOn.length).toBe(before.verdict === 'runs' ? 1 : 0);
          const { placedOn: _p, ...after } = it.after;
          expect(projection(after), `${g.name} ${label} after ${it.name}`).toEqual(projection(hand[i]!));
          if (it.before.verdict !== it.after.verdict) changedVerdicts.add(`${it.before.verdict}→${it.after.verdict}`);
          compared++;
        });
      }
    });
  }
  it('compared every VM under every change, and the changes changed verdicts every way', () => {
    const cases = groups.reduce((n, g) => n + g.cases.length, 0);
    expect(compared).toBeGreaterThanOrEqual(cases * 9);
    // The change kinds do move VMs between verdicts, in both directions.
    expect([...changedVerdicts]).toEqual(expect.arrayContaining(['runs→unschedulable', 'unschedulable→runs', 'runs→launch-fails']));
  });
});
