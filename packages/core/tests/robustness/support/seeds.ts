// Seed manifests for property tests: every golden case (VMs and VMIs KubeVirt itself read) and
// the golden cluster profiles.
import fc from 'fast-check';
import { documentBounds } from '../../../src/parse/parse-source.js';
import { goldenGroups, type GoldenGroup } from '../../support/shared.js';

let groups: GoldenGroup[] | undefined;
const all = (): GoldenGroup[] => (groups ??= goldenGroups());

export function seedTexts(): string[] {
  return all().flatMap((g) => g.cases.map((c) => c.text));
}

export function clusterTexts(): { path: string; text: string }[] {
  return all().map((g) => ({ path: g.clusterFile, text: g.clusterText }));
}

/**
 * A seed manifest with 1–4 random edits: at each, up to 3 characters deleted and one of
 * `inserts` (or a short random string) inserted.
 */
export function mutatedSeeds(inserts: readonly string[]): fc.Arbitrary<string> {
  const seeds = seedTexts();
  const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.oneof(fc.constantFrom(...inserts), fc.string({ maxLength: 3 })) });
  return fc.tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([i, edits]) => {
    let text = seeds[i]!;
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.ins + text.slice(at + e.del);
    }
    return text;
  });
}

/** The YAML documents of a file's text, each with its start offset (parse-source's document split). */
export function documentChunks(text: string): { chunk: string; start: number }[] {
  const b = documentBounds(text);
  return b.map((start, i) => ({ chunk: text.slice(start, b[i + 1] ?? text.length), start }));
}
