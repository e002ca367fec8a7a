// The block-YAML value reader must build exactly what js-yaml builds (core schema), or give up.
// Checked on every golden and corpus document, a generated bench corpus, mutated documents and
// generated documents full of tricky scalars; wherever js-yaml reports an error, the reader must
// have given up (so js-yaml's error is what the user sees).
import fc from 'fast-check';
import { CORE_SCHEMA, load, type LoadOptions } from 'js-yaml';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlockValues } from '../../src/parse/block-values.js';
import { parseSource } from '../../src/parse/parse-source.js';
import { PARSE_LIMITS } from '../../src/parse/limits.js';
import { documentChunks, mutatedSeeds } from '../robustness/support/seeds.js';
import { REPO_ROOT, sharedPath, yamlFilesUnder } from '../support/shared.js';

const OPTIONS = { schema: CORE_SCHEMA, maxDepth: PARSE_LIMITS.maxDepth } as LoadOptions;

/** js-yaml's value (null for an empty document), or the error it throws. */
function reference(text: string): { value: unknown } | { error: string } {
  try {
    return { value: load(text, OPTIONS) ?? null };
  } catch (e) {
    return { error: String(e) };
  }
}

/** Compares one document; returns whether the reader took it. */
function check(text: string, where: string): boolean {
  const got = readBlockValues(text);
  if (got === undefined) return false;
  const ref = reference(text);
  expect(ref, `${where}: the reader accepted what js-yaml refuses`).not.toHaveProperty('error');
  expect(got, where).toStrictEqual((ref as { value: unknown }).value);
  return true;
}

function checkFiles(files: Iterable<string>): { fast: number; total: number } {
  let fast = 0;
  let total = 0;
  for (const file of files) {
    let i = 0;
    for (const { chunk } of documentChunks(readFileSync(file, 'utf8'))) {
      total++;
      if (check(chunk, `${file} #${i++}`)) fast++;
    }
  }
  return { fast, total };
}

describe('block-YAML value reader', () => {
  it('agrees with js-yaml on every golden case and corpus document, and takes nearly all', () => {
    const { fast, total } = checkFiles([...yamlFilesUnder(sharedPath('golden')), ...yamlFilesUnder(sharedPath('corpus'))]);
    expect(total).toBeGreaterThan(700);
    expect(fast / total).toBeGreaterThan(0.95);
  });

  it('agrees with js-yaml on the generated bench corpus and takes all of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'l1vh-values-'));
    try {
      const gen = (await import(join(REPO_ROOT, 'scripts/bench/gen-corpus.mjs'))) as { generateCorpus(dir: string, files: number, docs: number): unknown };
      gen.generateCorpus(dir, 60, 10);
      const { fast, total } = checkFiles(yamlFilesUnder(dir));
      expect(total).toBe(600);
      expect(fast).toBe(total);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees or gives up on mutated documents', () => {
    const INSERTS = [' ', '  ', '\n', '- ', ': ', ':', '#', ' #', '"', "'", "''", '\\', '\\n', '\\x4', '|', '>', '|-', '>+2', '{', '}', '[]', '{}', '&a ', '*a', '!t ', '\t', '---\n', '...\n', 'x', '\r\n', '? ', '<<: ', '__proto__: ', 'null', '~', '0x1F', '0o17', '1e3', '.inf', '-.Inf', '.NaN', 'True', 'FALSE', '\u00a0', '\u0085', '\ufeff', '\u0001'];
    let accepted = 0;
    fc.assert(
      fc.property(mutatedSeeds(INSERTS), (text) => {
        for (const { chunk } of documentChunks(text)) if (check(chunk, JSON.stringify(chunk))) accepted++;
      }),
      { numRuns: 400, seed: 14 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  // Scalars chosen where js-yaml's core schema resolution has edges.
  const PLAIN = ['0', '-0', '+0', '00', '012', '0x1F', '0X1F', '0x', '0o17', '0o8', '0b101', '0b2', '-0x1F', '+12', '1_000', '123456789012345678901', '9007199254740993',
    '1.5', '-1.5', '+.5', '.5', '5.', '1e3', '1E3', '1e+3', '1.5e-3', '1e', '.inf', '-.inf', '+.Inf', '.INF', '.nan', '.NaN', '.NAN', '-.nan', '.Nan', 'inf', 'nan',
    'null', 'Null', 'NULL', 'nULL', '~', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
    '1Gi', '500m', '2021-01-01', '12:30', 'a:b', 'a,b', 'a]b', 'a}', 'x#y', '-x', '?x', ':x', '--x', '@x', '%x', 'a b', 'é', 'π1', 'v1.2.3', '1.2.3', '0.0.0.0'];
  const QUOTED = ['""', "''", '"a b"', "'a b'", "'it''s'", "''''", '"\\"q\\""', '"\\\\"', '"\\t\\n\\r\\0\\a\\b\\v\\f\\e\\ \\/\\N\\_\\L\\P"', '"\\x41\\u00e9\\u263A"', '"\\U0001F600"', '"\\q"', '"\\x4"',
    '"a\n  b"', '"a\n\n  b"', '"a  \n   b  "', '"a\\\n  b"', "'a\n  b'", "'a\n\n\n  b'", "'#x\n\n  '", '"1"', "'true'", '"null"', '"a" ', "'a' # c", '"a"#c', '"unclosed', "'a'b"];
  const BLOCK_HEADS = ['|', '>', '|-', '|+', '>-', '>+', '|2', '>1', '|-2', '|2-', '|+1', '|0', '|--', '| # c', '|#c', '|x'];
  const BLOCK_BODIES = [['a', 'b'], ['a', '', 'b', ''], ['', 'a'], ['a', ' more', 'b'], ['  a', 'b'], ['a', '', ''], [], ['# not a comment', 'x: y'], ['a', '  b', '', '  c', 'd'], [' ', 'a'], ['a  ', 'b']];

  const scalar = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...PLAIN) },
    { weight: 4, arbitrary: fc.constantFrom(...QUOTED) },
    { weight: 1, arbitrary: fc.constantFrom('{}', '[]', '{ }', '[a]', '&a x', '*a', '!!str 1', '!t x', '') },
  );
  const key = fc.oneof(
    { weight: 12, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k'), minLength: 1, maxLength: 6 }) },
    { weight: 2, arbitrary: fc.constantFrom(...PLAIN) },
    { weight: 1, arbitrary: fc.constantFrom('"a"', "'b'", '"x y"', '<<', '__proto__', '? a', 'a b', '"a\n b"') },
  );

  /** A block node at `indent`, as text lines (the first line's text goes after "key:" or "- "). */
  type Node = { inline?: string; lines: string[] };
  const blockScalar = fc.tuple(fc.constantFrom(...BLOCK_HEADS), fc.constantFrom(...BLOCK_BODIES), fc.integer({ min: 1, max: 3 }));
  const node: fc.Memo<Node> = fc.memo((n) =>
    n <= 1
      ? fc.oneof(scalar.map((s) => ({ inline: s, lines: [] })), blockScalar.map(([h, body, extra]) => ({ inline: h, lines: body.map((l) => (l === '' ? '' : ' '.repeat(extra) + l)) })))
      : fc.oneof(
          { weight: 2, arbitrary: scalar.map((s) => ({ inline: s, lines: [] })) },
          { weight: 1, arbitrary: blockScalar.map(([h, body, extra]) => ({ inline: h, lines: body.map((l) => (l === '' ? '' : ' '.repeat(extra) + l)) })) },
          { weight: 2, arbitrary: fc.array(fc.tuple(key, node(n - 1), fc.constantFrom('', ' # c', '  ')), { minLength: 1, maxLength: 4 }).map((entries) => ({ lines: mapLines(entries) })) },
          { weight: 2, arbitrary: fc.array(fc.tuple(node(n - 1), fc.boolean()), { minLength: 1, maxLength: 3 }).map((items) => ({ lines: seqLines(items) })) },
        ),
  );
  function child(prefix: string, v: Node, pad: string): string[] {
    if (v.inline !== undefined) return [`${prefix} ${v.inline}`.trimEnd(), ...v.lines.map((l) => (l === '' ? '' : pad + l))];
    return [prefix, ...v.lines.map((l) => (l === '' ? '' : pad + '  ' + l))];
  }
  function mapLines(entries: [string, Node, string][]): string[] {
    return entries.flatMap(([k, v, c]) => {
      const out = child(`${k}:`, v, '');
      out[0] += c;
      return out;
    });
  }
  function seqLines(items: [Node, boolean][]): string[] {
    return items.flatMap(([v, compact]) => {
      if (compact && v.inline === undefined && v.lines.length > 0) return [`- ${v.lines[0]!.trimStart()}`, ...v.lines.slice(1).map((l) => (l === '' ? '' : '  ' + l))];
      return child('-', v, '');
    });
  }

  it('agrees or gives up on generated documents with tricky scalars', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(key, node(3), fc.constantFrom('', ' # c')), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '---\n', '# c\n', '--- # c\n', '\n\n'), fc.boolean(), (entries, head, finalNewline) => {
        const text = head + mapLines(entries).join('\n') + (finalNewline ? '\n' : '');
        runs++;
        if (check(text, JSON.stringify(text))) accepted++;
      }),
      { numRuns: 1500, seed: 1414 },
    );
    // The generator must exercise the reader, not only its give-ups.
    expect(accepted / runs).toBeGreaterThan(0.15);
  });

  it('resolves plain scalars and keys as js-yaml does', () => {
    for (const s of PLAIN) {
      expect(check(`k: ${s}\n`, s), s).toBe(!['@x', '%x'].includes(s));
      check(`${s}: v\n`, `key ${s}`);
      check(`- ${s}\n- [${s}]\n`, `item ${s}`);
    }
    for (const s of QUOTED) {
      check(`k: ${s}\n`, s);
      check(`- ${s}\n`, `item ${s}`);
    }
  });

  it('gives up on what it does not read and keeps js-yaml\'s errors and limits', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: [1, 2]\n', 'a: {b: 1}\n', '? a\n: 1\n', '<<: {}\n', 'a: 1\na: 2\n', '__proto__: 1\n', 'a: b\n  c\n', 'a:\n\tb: 1\n', 'a: 1\r\nb: 2\r\n', 'just a scalar\n', '  a: 1\n', 'a: "\u0007"\n']) {
      expect(readBlockValues(text), JSON.stringify(text)).toBeUndefined();
    }
    // Deep block nesting: the reader stops at 100 levels, js-yaml reports the limit as before.
    const deep = Array.from({ length: 200 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n';
    expect(readBlockValues(deep)).toBeUndefined();
    expect(parseSource('deep.yaml', deep).findings.map((f) => f.message)).toEqual([`document nests deeper than ${PARSE_LIMITS.maxDepth} levels`]);
    const ok = Array.from({ length: 110 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n';
    expect(parseSource('ok.yaml', 'kind: x\n---\n' + ok).findings).toEqual([]);
    // A duplicate key still gets js-yaml's message, at its line.
    const dup = parseSource('dup.yaml', 'apiVersion: v1\nkind: Pod\nkind: Pod\n');
    expect(dup.findings.map((f) => [f.code, f.message])).toEqual([['YAML_SYNTAX', 'duplicated mapping key']]);
  });

  it('reads the empty and comment-only documents as js-yaml does', () => {
    for (const text of ['', '\n', '# c\n', '---\n', '--- # c\n\n# d\n', '---']) expect(check(text, JSON.stringify(text)), JSON.stringify(text)).toBe(true);
  });
});
