// `pnpm fuzz`: 100,000 cases of the pipeline robustness property (random seed each run unless
// L1VH_FUZZ_SEED is set; L1VH_FUZZ_RUNS overrides the count). Prints totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb, checkCase, newTotals } from './support/pipeline-property.js';

const RUNS = Number(process.env.L1VH_FUZZ_RUNS ?? 100_000);
const SEED = process.env.L1VH_FUZZ_SEED ? Number(process.env.L1VH_FUZZ_SEED) : Date.now() % 2 ** 31;

describe('fuzz: pipeline on mutated manifests', () => {
  it(`${RUNS} cases`, () => {
    const totals = newTotals();
    const t0 = performance.now();
    try {
      fc.assert(fc.property(caseArb, (c) => checkCase(c, totals)), { numRuns: RUNS, seed: SEED });
    } finally {
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(`fuzz: seed ${SEED}, ${totals.cases} cases passed in ${s} s; ${totals.objects} objects, ${totals.findings} findings, ${totals.xmlChecked} domain XMLs well-formed, max ${totals.maxMsPerDocument.toFixed(1)} ms per document`);
    }
    expect(totals.cases).toBe(RUNS);
  });
});
