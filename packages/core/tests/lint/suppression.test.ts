import { describe, expect, it } from 'vitest';
import { ruleFindings, VM } from './support.js';

// A VM whose nodeSelector matches nothing: one no-launch finding at metadata.name (line 4).
const base = VM.replace('    spec:\n', '    spec:\n      nodeSelector:\n        disktype: ssd\n');
const count = (manifest: string): number => ruleFindings('no-launch', manifest).length;

describe('suppression', () => {
  it('reports without a suppression', () => {
    expect(count(base)).toBe(1);
  });
  it('l1vh-disable-next-line RULE on the line above', () => {
    expect(count(base.replace('  name: vm1', '  # l1vh-disable-next-line no-launch\n  name: vm1'))).toBe(0);
  });
  it('l1vh-disable-next-line with a list and a reason', () => {
    expect(count(base.replace('  name: vm1', '  # l1vh-disable-next-line mshv-fallback, no-launch -- lab only\n  name: vm1'))).toBe(0);
  });
  it('l1vh-disable-next-line for another rule does not apply', () => {
    expect(count(base.replace('  name: vm1', '  # l1vh-disable-next-line mshv-fallback\n  name: vm1'))).toBe(1);
  });
  it('l1vh-disable-next-line two lines above does not apply', () => {
    expect(count(base.replace('metadata:', '# l1vh-disable-next-line no-launch\nmetadata:'))).toBe(1);
  });
  it('l1vh-disable RULE applies from its line to the end of the file', () => {
    expect(count(`# l1vh-disable no-launch\n${base}`)).toBe(0);
    expect(count(`${base}---\n# l1vh-disable no-launch\n${base}`)).toBe(1);
  });
  it('l1vh-disable without a rule silences every rule', () => {
    expect(count(`# l1vh-disable\n${base}`)).toBe(0);
  });
  it('a directive inside a string is not a comment', () => {
    expect(count(base.replace('  name: vm1', '  name: vm1\n  annotations:\n    note: "x#l1vh-disable no-launch"'))).toBe(1);
  });
  it('l1vh.dev/ignore annotation on the object', () => {
    const annotated = base.replace('  name: vm1', '  name: vm1\n  annotations:\n    l1vh.dev/ignore: mshv-fallback,no-launch');
    expect(count(annotated)).toBe(0);
    expect(count(base.replace('  name: vm1', '  name: vm1\n  annotations:\n    l1vh.dev/ignore: "*"'))).toBe(0);
    expect(count(base.replace('  name: vm1', '  name: vm1\n  annotations:\n    l1vh.dev/ignore: mshv-fallback'))).toBe(1);
  });
});

describe('LintConfig', () => {
  it('turns a rule off', () => {
    expect(ruleFindings('no-launch', base, undefined, { rules: { 'no-launch': 'off' } })).toEqual([]);
  });
  it('overrides a severity', () => {
    expect(ruleFindings('no-launch', base, undefined, { rules: { 'no-launch': 'warning' } }).map((f) => f.severity)).toEqual(['warning']);
    expect(ruleFindings('no-launch', base).map((f) => f.severity)).toEqual(['error']);
  });
});
