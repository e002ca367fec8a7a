// applyEdit must give what a full parse of the edited text gives, while reusing untouched
// documents. Checked on random edits of multi-document files made from golden cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, parseIncremental, parseSource, type ParseResult } from '../../src/index.js';
import { seedTexts } from './support/seeds.js';

const seeds = seedTexts();

/** What must agree between the incremental and the full parse. */
function shape(r: ParseResult) {
  return {
    docs: r.docs.map((d) => ({ index: d.index, start: d.start, end: d.end, value: d.value })),
    findings: r.findings.map((f) => `${f.code}@${f.range?.start}-${f.range?.end}:${f.message}`).sort(),
  };
}

/** Spans of a few paths every VM has, through the lazy (possibly shifted) position index. */
function spans(r: ParseResult) {
  return r.docs.map((d) => ['kind', 'metadata', 'spec'].map((k) => d.positions().get([k]) ?? null));
}

const fileArb = fc.array(fc.integer({ min: 0, max: seeds.length - 1 }), { minLength: 1, maxLength: 6 }).map((ix) => ix.map((i) => seeds[i]!).join('---\n'));
const EDIT_TEXTS = ['x', '1', ' ', '\n', ':', '---\n', '\n---\n', '- ', '[', '}', '"', '#', '&a ', '*a', 'name: y\n', ''];

const editArb = (len: number) =>
  fc.record({
    start: fc.integer({ min: 0, max: len }),
    length: fc.integer({ min: 0, max: 8 }),
    text: fc.oneof(fc.constantFrom(...EDIT_TEXTS), fc.string({ maxLength: 4 })),
  });

describe('incremental re-parse', () => {
  it('equals a full parse after any sequence of edits', () => {
    fc.assert(
      fc.property(
        fileArb.chain((text) => fc.tuple(fc.constant(text), fc.array(editArb(text.length), { minLength: 1, maxLength: 5 }))),
        ([text, edits]) => {
          let inc = parseIncremental('f.yaml', text);
          for (const e of edits) {
            const start = Math.min(e.start, inc.text.length);
            inc = applyEdit(inc, { start, end: Math.min(start + e.length, inc.text.length), text: e.text });
          }
          const full = parseSource('f.yaml', inc.text);
          expect(shape(inc)).toEqual(shape(full));
          expect(spans(inc)).toEqual(spans(full));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('re-parses only the edited document and keeps the others’ values', () => {
    const text = seeds.slice(0, 5).join('---\n');
    const before = parseIncremental('f.yaml', text);
    const target = before.docs[2]!;
    const at = text.indexOf('name:', target.start) + 'name: '.length;
    const after = applyEdit(before, { start: at, end: at, text: 'z' });
    expect(after.changed).toEqual([2]);
    expect(after.docs[0]!.value).toBe(before.docs[0]!.value);
    expect(after.docs[4]!.value).toBe(before.docs[4]!.value);
    expect(after.docs[2]!.value).not.toBe(before.docs[2]!.value);
    expect(after.docs[4]!.start).toBe(before.docs[4]!.start + 1);
    expect((after.docs[2]!.value as { metadata: { name: string } }).metadata.name.startsWith('z')).toBe(true);
  });

  it('splits a document when an edit inserts a document marker', () => {
    const text = seeds[0]!;
    const before = parseIncremental('f.yaml', text);
    const at = text.indexOf('\nspec:') + 1;
    const after = applyEdit(before, { start: at, end: at, text: '---\n' });
    expect(after.docs.length).toBe(2);
    expect(shape(after)).toEqual(shape(parseSource('f.yaml', after.text)));
  });

  it('agrees with a full parse on non-manifests: YAML without apiVersion/kind, tool files, Go templates, and edits between them', () => {
    const cases: [string, string, { start: number; end: number; text: string }][] = [
      ['app.yaml', 'feature: true\nlevel: 3\n', { start: 0, end: 0, text: 'apiVersion: v1\nkind: Namespace\n' }],
      ['app.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', { start: 0, end: 31, text: '' }],
      ['docker-compose.yml', 'services:\n  web: {image: nginx}\n', { start: 0, end: 0, text: '# c\n' }],
      ['vm.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', { start: 48, end: 49, text: '{{ .Release.Name }}' }],
    ];
    for (const [path, text, edit] of cases) {
      expect(shape(parseIncremental(path, text))).toEqual(shape(parseSource(path, text)));
      const after = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      expect(shape(applyEdit(parseIncremental(path, text), edit))).toEqual(shape(parseSource(path, after)));
    }
    expect(parseSource('app.yaml', 'feature: true\n').findings.map((f) => [f.code, f.severity])).toEqual([['NOT_KUBERNETES', 'info']]);
  });
});
