// The converter alone: KubeVirt's defaulted VMI in, our domain XML out, compared byte for byte
// (and as a tree) with the XML KubeVirt produced. Ratchet floor in convert-floor.json.
import { convertVmi } from '@l1vh/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectionFor, stageVectors } from '../support/stage-vectors.js';
import { xmlTree } from '../support/xml-tree.js';

const floor = JSON.parse(readFileSync(join(__dirname, 'convert-floor.json'), 'utf8')) as { exact: number; tree: number };

describe('converter against KubeVirt-produced domain XML', () => {
  it('matches byte for byte (reports exact and tree-equal rates)', () => {
    const vectors = stageVectors();
    expect(vectors.length).toBeGreaterThan(400);
    let exact = 0;
    let tree = 0;
    const fails: string[] = [];
    const diffs: string[] = [];
    for (const v of vectors) {
      const sel = selectionFor(v);
      const got = convertVmi(v.vmi, sel, v.profile).domainXml ?? '';
      const want = v.expected.domainXml.trim();
      if (got.trim() === want) exact++;
      else {
        fails.push(v.id);
        if (diffs.length < 40) diffs.push(`### ${v.id}\n${firstDiff(got, want)}`);
      }
      try {
        if (got && xmlTree(got) === xmlTree(want)) tree++;
      } catch {
        /* unparseable output counts as a tree mismatch */
      }
    }
    if (process.env.L1VH_CONVERT_DIFFS) writeFileSync(process.env.L1VH_CONVERT_DIFFS, `${fails.join('\n')}\n\n${diffs.join('\n\n')}\n`);
    console.log(`domainXml: ${exact}/${vectors.length} byte-identical, ${tree}/${vectors.length} tree-equal${fails.length ? ` (e.g. ${fails.slice(0, 3).join(', ')})` : ''}`);
    expect(exact).toBeGreaterThanOrEqual(floor.exact);
    expect(tree).toBeGreaterThanOrEqual(floor.tree);
  });
});

function firstDiff(got: string, want: string): string {
  const a = got.split('\n');
  const b = want.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}\n  got:  ${a[i] ?? '<end>'}\n  want: ${b[i] ?? '<end>'}\n  context want:\n${b.slice(Math.max(0, i - 3), i + 4).map((l) => '    ' + l).join('\n')}`;
  }
  return 'identical lines (whitespace at ends?)';
}
