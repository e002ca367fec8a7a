// Robustness of the whole pipeline on generated and mutated manifests (a small count here;
// `pnpm fuzz` runs 100,000 cases of the same property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb, checkCase, newTotals } from './support/pipeline-property.js';

describe('pipeline on mutated manifests', () => {
  it('never throws, positions every finding, emits well-formed XML, in bounded time', () => {
    const totals = newTotals();
    fc.assert(fc.property(caseArb, (c) => checkCase(c, totals)), { numRuns: 150, seed: 42 });
    expect(totals.cases).toBe(150);
    expect(totals.findings).toBeGreaterThan(0);
  });
});
