// Stage-level golden test: each vector's KubeVirt-defaulted VMI plus its cluster goes straight
// into computeOverhead / computeLauncherResources, so these figures do not depend on our
// admission stage. Expected values are KubeVirt's own output (golden/).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstance } from '../../src/api/kubevirt-types.js';
import { computeOverhead } from '../../src/overhead/memory-overhead.js';
import { loadProfile } from '../../src/profile/resolve-profile.js';
import { computeLauncherResources } from '../../src/resources/launcher-resources.js';
import { selectHypervisor } from '../../src/select/select-hypervisor.js';
import { sharedPath, type GoldenExpected } from '../support/shared.js';

interface Expected extends GoldenExpected {
  overhead: string;
  controllerOverhead: string;
}

interface StageGroup {
  name: string;
  clusterFile: string;
  expectedFiles: string[];
}

function stageGroups(): StageGroup[] {
  const out: StageGroup[] = [];
  const gen = sharedPath('golden', 'generated');
  if (existsSync(gen)) {
    for (const g of readdirSync(gen).sort()) {
      const dir = join(gen, g, 'expected');
      if (!existsSync(dir)) continue;
      out.push({ name: g, clusterFile: join(gen, g, 'cluster.yaml'), expectedFiles: readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) });
    }
  }
  const ex = sharedPath('golden', 'kubevirt-examples');
  for (const hv of ['kvm', 'mshv']) {
    const dir = join(ex, hv);
    if (!existsSync(dir)) continue;
    out.push({ name: `kubevirt-examples/${hv}`, clusterFile: join(ex, `cluster-${hv}.yaml`), expectedFiles: readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) });
  }
  return out;
}

describe('overhead and launcher resources from KubeVirt-defaulted VMIs', () => {
  const groups = stageGroups();
  it('finds the golden vectors', () => {
    expect(groups.length).toBeGreaterThan(20);
  });
  const totals = { overhead: [0, 0], controller: [0, 0], quantity: [0, 0], resources: [0, 0] };
  const fails: string[] = [];
  for (const g of groups) {
    it(`group ${g.name}`, () => {
      const { profile } = loadProfile([{ path: g.clusterFile, text: readFileSync(g.clusterFile, 'utf8') }]);
      for (const file of g.expectedFiles) {
        const exp = JSON.parse(readFileSync(file, 'utf8')) as Expected;
        if (!exp.defaultedVmi || exp.overheadBytes === null) continue;
        const vmi = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', ...exp.defaultedVmi } as unknown as VirtualMachineInstance;
        const selection = selectHypervisor({ vmi, profile });
        const overhead = computeOverhead(vmi, profile, selection);
        const id = `${g.name}/${basename(file, '.json')}`;
        const check = (k: keyof typeof totals, ok: boolean, what: string): void => {
          totals[k][1]!++;
          if (ok) totals[k][0]!++;
          else fails.push(`${id} ${what}`);
        };
        check('overhead', overhead.totalBytes === exp.overheadBytes, `overhead ${overhead.totalBytes} != ${exp.overheadBytes}`);
        check('controller', overhead.controllerTotalBytes === exp.controllerOverheadBytes, `controller ${overhead.controllerTotalBytes} != ${exp.controllerOverheadBytes}`);
        check('quantity', overhead.quantity === exp.overhead && overhead.controllerQuantity === exp.controllerOverhead, `quantity ${overhead.quantity} != ${exp.overhead}`);
        if (exp.launcherComputeResources !== null) {
          const got = computeLauncherResources(vmi, profile, selection, overhead);
          check('resources', JSON.stringify(sorted(got)) === JSON.stringify(sorted(exp.launcherComputeResources)), `resources ${JSON.stringify(got)} != ${JSON.stringify(exp.launcherComputeResources)}`);
        }
      }
    });
  }
  it('matches every vector', () => {
    console.log(`stage match rates: ${Object.entries(totals).map(([k, [ok, n]]) => `${k} ${ok}/${n}`).join(', ')}`);
    expect(fails.slice(0, 10)).toEqual([]);
    expect(totals.overhead[1]).toBeGreaterThan(400);
  });
});

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return v;
}
