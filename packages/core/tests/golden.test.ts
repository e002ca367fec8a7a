// Every golden vector (produced by running KubeVirt's own code) against our pipeline, in-process.
// Reports match rates per metric and fails below the ratchet in golden-floor.json; the floor only
// ever goes up. Vectors are never edited.
import { explainAll, loadObjects, loadProfile, PLACEHOLDER_VMI_UID, type ExplainItem } from '@l1vh/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedErrorMessage, goldenGroups, type GoldenCase } from './support/shared.js';
import { xmlTree } from './support/xml-tree.js';

type Metric = 'selection' | 'vmi' | 'xml' | 'xmlTree' | 'overhead' | 'resources';
const METRICS: Metric[] = ['selection', 'vmi', 'xml', 'xmlTree', 'overhead', 'resources'];
const floor = JSON.parse(readFileSync(join(__dirname, 'golden-floor.json'), 'utf8')) as Record<Metric, number>;
/** Cases KubeVirt's admission refuses although their vector (made without admission) shows a result. */
const superseded = (JSON.parse(readFileSync(join(__dirname, 'golden-admission-superseded.json'), 'utf8')) as { cases: Record<string, string[]> }).cases;

/** Selection for a superseded case: KubeVirt's webhooks refuse it with exactly the listed causes. */
function rejectedAsKubeVirtDoes(got: ExplainItem | undefined, causes: readonly string[]): boolean {
  if (!got || got.verdict !== 'rejected' || got.domainType !== null) return false;
  const messages = [...new Set((got.causes ?? []).map((c) => c.message))].sort();
  return JSON.stringify(messages) === JSON.stringify([...causes].sort());
}

function score(c: GoldenCase, got: ExplainItem | undefined): Partial<Record<Metric, boolean>> {
  const exp = c.expected;
  if (exp.error) {
    return { selection: !!got && got.domainType === null && (got.error ?? '').includes(expectedErrorMessage(exp.error)) };
  }
  const typeOf = /<domain type="([^"]*)"/.exec(exp.domainXml)?.[1];
  const r: Partial<Record<Metric, boolean>> = {
    selection: !!got && !got.error && got.domainType === typeOf,
    vmi: JSON.stringify(sortKeys(got?.vmi?.spec)) === JSON.stringify(sortKeys(exp.defaultedVmi?.spec)),
    xml: (got?.domainXml ?? '').trim() === exp.domainXml.trim(),
    xmlTree: safeTree(got?.domainXml) === safeTree(exp.domainXml),
    overhead: got?.overheadBytes === exp.overheadBytes,
  };
  if (exp.launcherComputeResources !== null) r.resources = JSON.stringify(sortKeys(got?.launcherResources)) === JSON.stringify(sortKeys(exp.launcherComputeResources));
  return r;
}

function safeTree(xml: string | null | undefined): string {
  try {
    return xml ? xmlTree(xml) : 'none';
  } catch {
    return 'unparseable';
  }
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

describe('golden vectors (KubeVirt-produced)', () => {
  const groups = goldenGroups();
  it('finds the shared golden vectors', () => {
    expect(groups.length).toBeGreaterThan(0);
  });

  const totals = Object.fromEntries(METRICS.map((m) => [m, { ok: 0, total: 0, fails: [] as string[] }])) as Record<Metric, { ok: number; total: number; fails: string[] }>;
  const rawSelection = { superseded: 0 };
  for (const g of groups) {
    it(`group ${g.name}`, () => {
      const loaded = loadObjects(g.cases.map((c) => ({ path: c.file, text: c.text })));
      expect(loaded.findings).toEqual([]);
      const { profile, findings } = loadProfile([{ path: g.clusterFile, text: g.clusterText }], loaded.objects);
      expect(findings).toEqual([]);
      const items = explainAll(loaded.objects, profile, { vmiUid: PLACEHOLDER_VMI_UID }).map((e) => e.item);
      for (const c of g.cases) {
        const got = items.find((i) => i.source.file === c.file);
        const s = score(c, got);
        const key = `${g.name}/${c.name}`;
        if (key in superseded) {
          rawSelection.superseded++;
          s.selection = rejectedAsKubeVirtDoes(got, superseded[key]!);
        }
        for (const m of METRICS) {
          if (s[m] === undefined) continue;
          totals[m].total++;
          if (s[m]) totals[m].ok++;
          else totals[m].fails.push(`${g.name}/${c.name}`);
        }
      }
    });
  }

  it('meets the match-rate floor on every metric', () => {
    expect(rawSelection.superseded, 'every superseded case is still in the vectors').toBe(Object.keys(superseded).length);
    console.log(`selection: ${totals.selection.ok - rawSelection.superseded}/${totals.selection.total} agree with the vectors as written; ${rawSelection.superseded} are KubeVirt admission rejections the vectors predate`);
    const lines = METRICS.map((m) => `${m}: ${totals[m].ok}/${totals[m].total}${totals[m].fails.length ? ` (e.g. ${totals[m].fails.slice(0, 3).join(', ')})` : ''}`);
    console.log(`golden match rates:\n  ${lines.join('\n  ')}`);
    for (const m of METRICS) expect(totals[m].ok, `${m} regressed below the floor`).toBeGreaterThanOrEqual(floor[m]);
  });
});
