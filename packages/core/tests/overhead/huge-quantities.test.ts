// Regression (found by `pnpm fuzz`): absurd CPU quantities never throw. Values of 10^40 and more
// are refused where they are written (docs/limits.md); smaller ones are no VM any node runs: the
// verdict is unschedulable at the field, and no figure past int64 is printed.
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

  it('limits.cpu "99999999999999999999" is out of range, not a saturated figure', () => {
    const { objects } = loadObjects([{ path: 'a.yaml', text: vmi('"99999999999999999999"') }]);
    const [item] = explainAll(objects, loadProfile([], objects).profile).map((e) => e.item);
    expect(item!.verdict).toBe('unschedulable');
    expect(item!.error).toMatch(/^spec\.domain\.resources\.limits\.cpu: \S+ vCPUs: KubeVirt accepts this/);
    // 8Mi per vCPU is past int64: no overhead is printed rather than a clipped one.
    expect(item!.overheadBytes).toBeNull();
    expect(item!.overheadTerms).toEqual([]);
  });
});
