// src/profile/builtin-data.ts is generated from data/*.yaml by scripts/embed-data.mjs and
// committed (core needs no build step): it must be what the generator writes now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(__dirname, '../..');

describe('builtin-data.ts', () => {
  it('is what scripts/embed-data.mjs generates from data/*.yaml', async () => {
    const { render } = (await import(join(CORE, 'scripts/embed-data.mjs'))) as { render(): string };
    expect(readFileSync(join(CORE, 'src/profile/builtin-data.ts'), 'utf8')).toBe(render());
  });
});
