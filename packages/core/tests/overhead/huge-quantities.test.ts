// Regression (found by `pnpm fuzz`): a CPU quantity beyond a double's range must not throw.
import { explainAll, loadObjects, loadProfile } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

describe('absurd CPU quantities', () => {
  it.each(['"1e400"', '"99999999999999999999"', '1e300'])('limits.cpu %s gives a finite overhead, not an exception', (q) => {
    const text = `apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: a}\nspec:\n  domain:\n    devices: {}\n    resources: {limits: {cpu: ${q}}, requests: {memory: 1Gi}}\n`;
    const { objects } = loadObjects([{ path: 'a.yaml', text }]);
    const [item] = explainAll(objects, loadProfile([], objects).profile).map((e) => e.item);
    expect(Number.isFinite(item!.overheadBytes)).toBe(true);
    expect(item!.overheadTerms.find((t) => t.id === 'vcpus')?.cause).toMatch(/saturated/);
  });
});
