// The one verdict line and the texts that carry it (no VS Code): long reasons are shortened or
// wrapped; a VM whose values do not decode is kept as rejected with the reason at its field.
import { describe, expect, it } from 'vitest';
import { loadProfile, parseIncremental, readObjects } from '@l1vh/core';
import { undecodedExplained, undecodedVms } from '../src/analysis/type-rejection.js';
import { previewText } from '../src/render/preview-text.js';
import { shorten, verdictOf, wrap } from '../src/render/verdict.js';

const BANANA = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm-invalid-memory\nspec:\n  template:\n    spec:\n      domain:\n        memory:\n          guest: banana\n        devices: {}\n';

describe('verdict texts', () => {
  it('shortens to a length with an ellipsis and wraps at word boundaries', () => {
    expect(shorten('a b c', 10)).toBe('a b c');
    expect(shorten('abcdefghij klm', 8)).toBe('abcdefg…');
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});

describe('a VM whose memory.guest does not decode', () => {
  it('is kept, rejected, with its cause on line 10', () => {
    const parse = parseIncremental('/w/vm.yaml', BANANA);
    const doc = parse.docs[0]!;
    const read = readObjects([doc]);
    const dropped = undecodedVms(doc, read);
    // core's reader drops it today (or keeps it, once it decodes like the API server): either way one VM
    expect(read.objects.length + dropped.length).toBe(1);
    if (dropped.length === 0) return;
    expect(dropped[0]!.object.name).toBe('vm-invalid-memory');
    const { profile } = loadProfile([]);
    const item = undecodedExplained(dropped[0]!, profile.version).item;
    const v = verdictOf(item);
    expect(v.verdict).toBe('rejected');
    expect(v.causes[0]!.source?.line).toBe(10);
    expect(v.headline).toMatch(/^rejected: .*memory\.guest.*banana/);
    const text = previewText(item);
    expect(text).toContain('Verdict: rejected (rejected).');
    expect(text).toContain('line 10');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });
});
