// explain with `positions: false` (what lint asks for) must describe the same VM: the same item,
// `source` still resolved (on first read), only decision steps, overhead terms and causes without sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainAll, loadObjects, loadProfile, type ExplainItem } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

const GENERATED = join(__dirname, '../../../../../shared/golden/generated');

function withoutFieldSources(item: ExplainItem): unknown {
  const json = JSON.parse(JSON.stringify(item)) as ExplainItem;
  for (const s of json.decision.steps) delete s.source, delete s.label;
  for (const t of json.overheadTerms) delete t.source;
  for (const c of json.causes) delete c.source;
  return json;
}

describe('explain positions: false', () => {
  const group = readdirSync(GENERATED).sort()[0]!;
  const cluster = readFileSync(join(GENERATED, group, 'cluster.yaml'), 'utf8');
  const cases = readdirSync(join(GENERATED, group, 'cases')).sort().slice(0, 20);

  it('same item, no field sources, on the first cases of a golden group', () => {
    let eagerSteps = 0;
    for (const name of cases) {
      const text = readFileSync(join(GENERATED, group, 'cases', name), 'utf8');
      const { objects } = loadObjects([{ path: name, text }]);
      const { profile } = loadProfile([{ path: 'cluster.yaml', text: cluster }], objects);
      const eager = explainAll(objects, profile)[0]!.item;
      const lazy = explainAll(objects, profile, { positions: false })[0]!.item;
      expect(Object.keys(lazy)).toEqual(Object.keys(eager));
      expect(lazy.source).toEqual(eager.source);
      expect(lazy.source.offset).toBeGreaterThanOrEqual(0);
      expect(withoutFieldSources(lazy)).toEqual(withoutFieldSources(eager));
      expect(lazy.decision.steps.some((s) => s.source)).toBe(false);
      eagerSteps += eager.decision.steps.filter((s) => s.source).length;
    }
    // The cases do exercise step sources (else the comparison above proves little).
    expect(eagerSteps).toBeGreaterThan(0);
  });

  it('detail: false (lint) gives the same verdict, causes, figures and VMI, without the reader-only parts', () => {
    let notes = 0;
    for (const name of cases) {
      const text = readFileSync(join(GENERATED, group, 'cases', name), 'utf8');
      const { objects } = loadObjects([{ path: name, text }]);
      const { profile } = loadProfile([{ path: 'cluster.yaml', text: cluster }], objects);
      const full = JSON.parse(JSON.stringify(explainAll(objects, profile, { domainXml: false, positions: false })[0]!.item)) as ExplainItem;
      const lean = JSON.parse(JSON.stringify(explainAll(objects, profile, { domainXml: false, positions: false, detail: false })[0]!.item)) as ExplainItem;
      expect(lean.decision.steps).toEqual([]);
      expect(lean.overheadTerms).toEqual([]);
      expect(lean.notes).toEqual([]);
      notes += full.notes.length;
      full.decision.steps = [];
      full.overheadTerms = [];
      full.notes = [];
      expect(lean).toEqual(full);
    }
    expect(notes).toBeGreaterThan(0);
  });
});
