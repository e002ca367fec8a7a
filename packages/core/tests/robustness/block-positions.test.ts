// The fast block-YAML position scanner must record exactly what the `yaml`-based indexer
// records, or give up. Checked on every golden case and real-world corpus file, and on random
// edits of them (where it must either agree or return undefined).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { indexBlockYaml } from '../../src/parse/block-positions.js';
import { indexYamlText, type PositionIndex } from '../../src/parse/position-index.js';
import { sharedPath, yamlFilesUnder } from '../support/shared.js';
import { documentChunks, mutatedSeeds } from './support/seeds.js';

/** Every path the index knows, with its span. */
function dump(index: PositionIndex): string[] {
  return [...index.entries()].map((e) => `${JSON.stringify(e.path)} ${JSON.stringify(e.span)}`).sort();
}

describe('block position scanner', () => {
  it('agrees with the yaml library on every golden case and corpus document', () => {
    let fast = 0;
    let total = 0;
    const files = [...yamlFilesUnder(sharedPath('golden', 'generated')), ...yamlFilesUnder(sharedPath('corpus'))];
    for (const file of files) {
      for (const { chunk, start } of documentChunks(readFileSync(file, 'utf8'))) {
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
    const INSERTS = [' ', '  ', '\n', '- ', ': ', '#', '"', "'", '|', '>', '{', '}', '[]', '{}', '&a ', '*a', '!t ', '\t', '---\n', 'x', '\r\n', '? '];
    fc.assert(
      fc.property(mutatedSeeds(INSERTS), (text) => {
        // Positions are only ever asked of documents that parsed without error.
        if (parseDocument(text, { uniqueKeys: false }).errors.length > 0) return;
        const got = indexBlockYaml(text, 0);
        if (got) expect(dump(got)).toEqual(dump(indexYamlText(text, 0)));
      }),
      { numRuns: 250, seed: 11 },
    );
  });
});
