// The admission vectors (KubeVirt main's own webhooks): verdict and exact causes, as sets of
// (field, message). Fails below the ratchet in admission-floor.json; the floor only goes up.
import { admit, loadObjects, loadProfile, PLACEHOLDER_VMI_UID } from '@l1vh/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMISSION_CLUSTER_YAML, admissionVectors, expectedCauseSet } from '../support/admission-vectors.js';

const floor = JSON.parse(readFileSync(join(__dirname, 'admission-floor.json'), 'utf8')) as { verdict: number; causes: number };

describe('admission vectors (KubeVirt main webhooks)', () => {
  const vectors = admissionVectors();
  it('finds the shared admission vectors', () => {
    expect(vectors.length).toBeGreaterThan(0);
  });
  it('matches KubeVirt verdicts and causes at or above the floor', () => {
    const loaded = loadObjects(vectors.map((v) => ({ path: v.file, text: v.text })));
    const { profile } = loadProfile([{ path: 'admission-cluster.yaml', text: ADMISSION_CLUSTER_YAML }], loaded.objects);
    let verdictOk = 0;
    let causesOk = 0;
    const fails: string[] = [];
    for (const v of vectors) {
      const obj = loaded.objects.find((o) => o.source.doc.file.path === v.file);
      expect(obj, v.name).toBeDefined();
      const result = admit(obj!, profile, { vmiUid: PLACEHOLDER_VMI_UID });
      const want = expectedCauseSet(v);
      const got = [...new Set((result.rejection?.causes ?? []).map((c) => `${c.field} | ${c.message}`))].sort();
      if ((want.length > 0) === (got.length > 0)) verdictOk++;
      if (JSON.stringify(want) === JSON.stringify(got)) causesOk++;
      else fails.push(`${v.name}\n    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`);
    }
    console.log(`admission: verdict ${verdictOk}/${vectors.length}, causes ${causesOk}/${vectors.length}`);
    if (fails.length > 0 && process.env.L1VH_SHOW_FAILS) console.log(fails.join('\n'));
    expect(verdictOk).toBeGreaterThanOrEqual(floor.verdict);
    expect(causesOk).toBeGreaterThanOrEqual(floor.causes);
  });
});
