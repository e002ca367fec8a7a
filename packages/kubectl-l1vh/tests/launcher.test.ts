// launcher.cjs is plain CommonJS outside the bundle: the names it shares with the bundle are
// written twice, and must stay the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_ARG } from '../src/parallel/protocol.js';

const launcher = readFileSync(join(__dirname, '../launcher.cjs'), 'utf8');
const tuning = readFileSync(join(__dirname, '../src/v8-tuning.ts'), 'utf8');

describe('launcher.cjs', () => {
  it('tells lint workers apart by the pool’s own argument', () => {
    expect(launcher).toContain(`const LINT_WORKER_ARG = '${WORKER_ARG}';`);
  });
  it('skips writing the code cache under the mark v8-tuning.ts sets', () => {
    const mark = /Symbol\.for\('(l1vh\.[\w.-]+)'\)/.exec(tuning)?.[1];
    expect(mark).toBe('l1vh.v8-flags-changed');
    expect(launcher).toContain(`globalThis[Symbol.for('${mark}')]`);
  });
});
