// Regression (found by `pnpm fuzz`): absurd CPU quantities never throw. Values of 10^40 and more
// are refused where they are written (docs/limits.md); smaller ones beyond a double's exact range
// saturate the vCPU count, as KubeVirt's int64 does.
import { explainAll, loadObjects, loadProfile } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

const vmi = (cpu: string) => `apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a}\nspec:\n  domain:\n    devices: {}\n    resources: {limits: {cpu: ${cpu}}, requests: {memory: 1Gi}}\n`;

describe('absurd CPU quantities', () => {
  it.each(['"1e400"', '1e300'])('limits.cpu %s is refused at the field with a one-line finding', (q) => {
    const text = vmi(q);
    const { objects, findings } = loadObjects([{ path: 'a.yaml', text }]);
    expect(objects).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'WRONG_TYPE', path: ['spec', 'domain', 'resources', 'limits', 'cpu'] });
    expect(text.slice(findings[0]!.range!.start).startsWith('cpu')).toBe(true);
  });

  it('limits.cpu "99999999999999999999" saturates the vCPU count instead of throwing', () => {
    const { objects } = loadObjects([{ path: 'a.yaml', text: vmi('"99999999999999999999"') }]);
    const [item] = explainAll(objects, loadProfile([], objects).profile).map((e) => e.item);
    expect(Number.isFinite(item!.overheadBytes)).toBe(true);
    expect(item!.overheadTerms.find((t) => t.id === 'vcpus')?.cause).toMatch(/saturated/);
  });
});
