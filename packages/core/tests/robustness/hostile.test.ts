// Hostile YAML meets fixed limits (src/parse/limits.ts, docs/limits.md): refused with a finding
// that has a position, quickly, never a throw or a stack overflow.
import { describe, expect, it } from 'vitest';
import { loadObjects, parseSource, PARSE_LIMITS, type Finding } from '../../src/index.js';

const LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`)].join('\n') + '\n';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

function only(findings: Finding[], code: string): Finding {
  expect(findings.map((f) => f.code)).toEqual([code]);
  const f = findings[0]!;
  expect(f.severity).toBe('error');
  expect(f.range).toBeDefined();
  return f;
}

describe('hostile input', () => {
  it('refuses a billion-laughs alias bomb within 50 ms', () => {
    parseSource('warm.yaml', 'a: &x 1\nb: *x\n'); // load both YAML libraries first
    // Best of three: the bound is on the work, not on a scheduler hiccup of a shared machine.
    const runs = [0, 1, 2].map(() => timed(() => parseSource('bomb.yaml', LAUGHS)));
    const { value } = runs[0]!;
    expect(Math.min(...runs.map((r) => r.ms))).toBeLessThan(50);
    expect(value.docs).toEqual([]);
    expect(only(value.findings, 'YAML_LIMIT').message).toMatch(/alias/);
  });

  it('keeps the other documents of a file with an alias bomb', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n${LAUGHS}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n`;
    const r = loadObjects([{ path: 'mixed.yaml', text }]);
    expect(r.objects.map((o) => o.name)).toEqual(['a', 'b']);
    expect(r.findings.map((f) => f.code)).toEqual(['YAML_LIMIT']);
    expect(r.findings[0]!.range!.start).toBe(text.indexOf('---'));
  });

  const deep = 10_000;
  const cases: Record<string, string> = {
    'flow sequences': '['.repeat(deep) + ']'.repeat(deep),
    'flow mappings': 'a: ' + '{a: '.repeat(deep) + '1' + '}'.repeat(deep),
    'block sequences (compact)': '- '.repeat(deep) + '1\n',
    'block mappings': Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n',
    'flow sequences with an anchor': 'x: &a 1\ny: ' + '['.repeat(deep) + ']'.repeat(deep),
    'flow sequences after a directive': '%YAML 1.2\n---\n' + '['.repeat(deep) + ']'.repeat(deep),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`refuses ${name} nested past ${PARSE_LIMITS.maxDepth} levels`, () => {
      const { value, ms } = timed(() => parseSource('deep.yaml', text));
      expect(value.docs).toEqual([]);
      expect(only(value.findings, 'YAML_LIMIT').message).toMatch(/nests deeper/);
      expect(ms).toBeLessThan(2_000);
    });
  }

  it('accepts nesting up to the limit', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\na: ' + '['.repeat(PARSE_LIMITS.maxDepth - 2) + ']'.repeat(PARSE_LIMITS.maxDepth - 2);
    expect(parseSource('ok.yaml', text).findings).toEqual([]);
  });

  it('reports binary data (NUL bytes) as not YAML', () => {
    const r = parseSource('bin.yaml', 'apiVersion: v1\n\u0000\u0001\u0002kind: x');
    expect(only(r.findings, 'BINARY_INPUT').range).toEqual({ file: 'bin.yaml', start: 0, end: 1 });
  });

  it('reports replacement characters and control bytes as YAML errors with positions', () => {
    const text = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: "\u0007"\n';
    const r = loadObjects([{ path: 'ctl.yaml', text }]);
    const f = only(r.findings, 'YAML_SYNTAX');
    expect(f.range!.start).toBeGreaterThan(text.indexOf('name'));
  });

  it(`refuses more than ${PARSE_LIMITS.maxDocuments} documents in one file`, () => {
    const r = parseSource('many.yaml', 'a: 1\n---\n'.repeat(PARSE_LIMITS.maxDocuments + 1));
    expect(only(r.findings, 'YAML_LIMIT').message).toMatch(/documents/);
  });
});
