// Robustness of the whole pipeline on generated and mutated manifests (a small count here;
// `pnpm fuzz` runs 100,000 cases of the same property).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb, caseText, checkCase, newTotals } from './support/pipeline-property.js';

describe('pipeline on mutated manifests', () => {
  it('never throws, positions every finding, emits well-formed XML, in bounded time', () => {
    const totals = newTotals();
    fc.assert(fc.property(caseArb, (c) => checkCase(c, totals)), { numRuns: 150, seed: 42 });
    expect(totals.cases).toBe(150);
    expect(totals.findings).toBeGreaterThan(0);
  });

  it('never writes into a generated value (fast-check hands out the same constant object again)', () => {
    // The fuzz once set cpu to a shared {} and then cpu.cores to that same {}: a cycle, and
    // across cases ever-growing constants, until the worker ran out of memory.
    const shared = {};
    const cpu = ['spec', 'template', 'spec', 'domain', 'cpu'];
    const c = { seeds: [0], mutations: [{ path: cpu, op: 'set' as const, value: shared }, { path: [...cpu, 'cores'], op: 'set' as const, value: shared }], edits: [], profile: 0 };
    expect(caseText(c)).toMatch(/cpu:\n\s+cores: \{\}\n/);
    expect(shared).toEqual({});
  });
});
