// The fast block-YAML position scanner must record exactly what the `yaml`-based indexer
// records, or give up. Checked on every golden case and real-world corpus file, and on random
// edits of them (where it must either agree or return undefined).
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { indexBlockYaml } from '../../src/parse/block-positions.js';
import { documentBounds } from '../../src/parse/parse-source.js';
import { indexYamlText, type PositionIndex } from '../../src/parse/position-index.js';
import { sharedPath } from '../support/shared.js';
import { seedTexts } from './support/seeds.js';

function* yamlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* yamlFiles(p);
    else if (/\.ya?ml$/.test(name)) yield p;
  }
}

function chunks(text: string): { chunk: string; start: number }[] {
  const b = documentBounds(text);
  return b.map((s, i) => ({ chunk: text.slice(s, b[i + 1] ?? text.length), start: s }));
}

/** Every path the index knows, with its span. */
function dump(index: PositionIndex): string[] {
  return [...index.entries()].map((e) => `${JSON.stringify(e.path)} ${JSON.stringify(e.span)}`).sort();
}

describe('block position scanner', () => {
  it('agrees with the yaml library on every golden case and corpus document', () => {
    let fast = 0;
    let total = 0;
    const files = [...yamlFiles(sharedPath('golden', 'generated')), ...yamlFiles(sharedPath('corpus'))];
    for (const file of files) {
      for (const { chunk, start } of chunks(readFileSync(file, 'utf8'))) {
        total++;
        const got = indexBlockYaml(chunk, start);
        if (!got) continue;
        fast++;
        expect(dump(got), `${file} @${start}`).toEqual(dump(indexYamlText(chunk, start)));
      }
    }
    // The point is speed: real manifests must take the fast path.
    expect(fast / total).toBeGreaterThan(0.95);
  });

  it('agrees or gives up on mutated documents', () => {
    const seeds = seedTexts();
    const INSERTS = [' ', '  ', '\n', '- ', ': ', '#', '"', "'", '|', '>', '{', '}', '[]', '{}', '&a ', '*a', '!t ', '\t', '---\n', 'x', '\r\n', '? '];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 3 })) }), { minLength: 1, maxLength: 4 }),
        (i, edits) => {
          let text = seeds[i]!;
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.ins + text.slice(at + e.del);
          }
          // Positions are only ever asked of documents that parsed without error.
          if (parseDocument(text, { uniqueKeys: false }).errors.length > 0) return;
          const got = indexBlockYaml(text, 0);
          if (got) expect(dump(got)).toEqual(dump(indexYamlText(text, 0)));
        },
      ),
      { numRuns: 250, seed: 11 },
    );
  });
});
