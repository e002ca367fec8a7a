// lintParsed on an editor's incremental parse gives what lintSources gives on the same text.

import { describe, expect, it } from 'vitest';
import { applyEdit, lintParsed, lintSources, loadProfile, parseIncremental } from '../../src/index.js';
import { FILE, VM } from './support.js';

const { profile } = loadProfile([], []);
const withSelector = (vm: string): string => vm.replace('    spec:\n', '    spec:\n      nodeSelector:\n        disktype: ssd\n');

describe('lintParsed', () => {
  it('equals lintSources after edits that add and remove findings in one document of several', () => {
    let parse = parseIncremental(FILE, `${VM}---\n${VM.replace(/name: (\S+)/, 'name: $1-b')}`);
    const same = (): void => expect(lintParsed([parse], profile).findings).toEqual(lintSources([{ path: FILE, text: parse.text }], profile).findings);
    same();
    // The second VM gets a nodeSelector no node matches: a no-launch finding appears there.
    const second = parse.text.indexOf('---\n') + 4;
    const edited = withSelector(parse.text.slice(second));
    parse = applyEdit(parse, { start: second, end: parse.text.length, text: edited });
    expect(parse.changed).toEqual([1]);
    expect(lintParsed([parse], profile).findings.some((f) => f.ruleId === 'no-launch' && f.range!.start > second)).toBe(true);
    same();
    // A line above it: the second document moves, its finding with it.
    parse = applyEdit(parse, { start: 0, end: 0, text: '# top\n' });
    same();
  });
});
