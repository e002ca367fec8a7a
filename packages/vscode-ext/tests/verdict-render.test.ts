// The one verdict line and the texts that carry it (no VS Code): long reasons are shortened or
// wrapped; a VM whose values do not decode is kept as rejected, with the reason at its field.
import { describe, expect, it } from 'vitest';
import { explainAll, loadObjects, loadProfile, sourceFiles } from '@l1vh/core';
import { fieldHoverMarkdown } from '../src/render/hover-markdown.js';
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
  it('is rejected with the API server\'s quantity error at line 10, in a preview that fits the editor', () => {
    const objects = loadObjects([{ path: '/w/vm.yaml', text: BANANA }]).objects;
    const [e] = explainAll(objects, loadProfile([]).profile);
    expect(e).toBeDefined();
    const v = verdictOf(e!.item, sourceFiles(loadObjects([{ path: '/w/vm.yaml', text: BANANA }]).files));
    expect(v.verdict).toBe('rejected');
    expect(v.causes[0]!.line).toBe(10);
    // resource.Quantity's unmarshal error, as the API server returns it
    expect(v.headline).toMatch(/^rejected: spec\.template\.spec\.domain\.memory\.guest: quantities must match the regular expression/);
    const text = previewText(e!.item, undefined, sourceFiles(loadObjects([{ path: '/w/vm.yaml', text: BANANA }]).files));
    expect(text).toContain('Verdict: rejected (rejected).');
    expect(text).toContain('line 10');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });
});

describe('the field hover under a cause', () => {
  it('drops the problems that restate a KubeVirt cause and keeps the others', () => {
    const [e] = explainAll(loadObjects([{ path: '/w/vm.yaml', text: BANANA }]).objects, loadProfile([]).profile);
    const cause = e!.item.causes[0]!;
    const problems = [
      { text: `spec.template.spec.domain.memory.guest: ${cause.message} (WRONG_TYPE)`, rule: 'WRONG_TYPE' },
      { text: 'something else here (some-rule)', rule: 'some-rule' },
    ];
    const links = { preview: 'p', explain: 'x' };
    const text = fieldHoverMarkdown(e!.item, { label: 'memory.guest', effect: undefined, contains: () => true, problems }, links);
    expect(text.split('\n').filter((l) => l.startsWith('- $(error) '))).toHaveLength(1);
    expect(text.split('\n').filter((l) => l.startsWith('- $(warning) '))).toEqual(['- $(warning) something else here \\(some-rule\\)']);
    // with no cause in the field, every problem shows
    const none = fieldHoverMarkdown(e!.item, { label: 'memory', effect: undefined, contains: () => false, problems }, links);
    expect(none.split('\n').filter((l) => l.startsWith('- $(warning) '))).toHaveLength(2);
  });
});
