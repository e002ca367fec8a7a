// Stage-level access to golden vectors: KubeVirt's own defaulted VMI as input, so the converter,
// overhead and resources are measured independently of our admission defaults.
import { loadObjects, loadProfile, selectHypervisor, type ClusterProfile, type VirtualMachineInstance } from '@l1vh/core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { goldenGroups, sharedPath, type GoldenExpected } from './shared.js';

export interface StageVector {
  id: string;
  group: string;
  expected: GoldenExpected;
  profile: ClusterProfile;
  vmi: VirtualMachineInstance;
}

/** Every vector with a defaulted VMI (no admission error): generated groups and kubevirt-examples. */
export function stageVectors(): StageVector[] {
  const out: StageVector[] = [];
  for (const g of goldenGroups()) {
    const { objects } = loadObjects(g.cases.map((c) => ({ path: c.file, text: c.text })));
    const { profile } = loadProfile([{ path: g.clusterFile, text: g.clusterText }], objects);
    for (const c of g.cases) {
      if (!c.expected.defaultedVmi || c.expected.error) continue;
      out.push({ id: `${g.name}/${c.name}`, group: g.name, expected: c.expected, profile, vmi: c.expected.defaultedVmi as unknown as VirtualMachineInstance });
    }
  }
  const ex = sharedPath('golden', 'kubevirt-examples');
  const corpus = sharedPath('corpus', 'kubevirt-examples');
  for (const hv of ['kvm', 'mshv']) {
    const dir = join(ex, hv);
    if (!existsSync(dir)) continue;
    const clusterFile = join(ex, `cluster-${hv}.yaml`);
    const inputs = readdirSync(corpus).filter((f) => f.endsWith('.yaml')).map((f) => ({ path: join(corpus, f), text: readFileSync(join(corpus, f), 'utf8') }));
    const { objects } = loadObjects(inputs);
    const { profile } = loadProfile([{ path: clusterFile, text: readFileSync(clusterFile, 'utf8') }], objects);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenExpected;
      if (!expected.defaultedVmi || expected.error) continue;
      out.push({ id: `kubevirt-examples/${hv}/${basename(f, '.json')}`, group: `kubevirt-examples-${hv}`, expected, profile, vmi: expected.defaultedVmi as unknown as VirtualMachineInstance });
    }
  }
  return out;
}

export function selectionFor(v: StageVector) {
  return selectHypervisor({ vmi: v.vmi, profile: v.profile });
}
