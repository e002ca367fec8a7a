// lintParsed reuses explain results the caller already has (the `explain` command), instead of
// explaining every VM again: the findings follow the results it was given.
import { explainAll, lintParsed, loadObjects, loadProfile } from '@l1vh/core';
import { describe, expect, it } from 'vitest';
import { cluster, VM } from './support.js';

describe('lintParsed with explained results', () => {
  it('uses the given results rather than explaining again', () => {
    const loaded = loadObjects([{ path: 'vm.yaml', text: VM }]);
    const mshv = loadProfile([{ path: 'c.yaml', text: cluster() }], loaded.objects).profile;
    const kvmOnly = loadProfile([{ path: 'c.yaml', text: cluster({ devices: ['kvm'] }) }], loaded.objects).profile;
    const rules = (r: { findings: { ruleId?: string }[] }) => r.findings.map((f) => f.ruleId);

    expect(rules(lintParsed(loaded.files, mshv))).not.toContain('no-launch');
    // Results explained against a cluster without /dev/mshv: lint reports what they say.
    const elsewhere = explainAll(loaded.objects, kvmOnly);
    const reused = lintParsed(loaded.files, mshv, { explained: new Map(elsewhere.map((e) => [e.object.value, e])) });
    expect(rules(reused)).toContain('no-launch');
  });
});
