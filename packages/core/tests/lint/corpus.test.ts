// Every real-world manifest in ../shared/corpus lints without a crash, on an MSHV and a KVM
// profile, and every finding points at a real line of its file (inside the text, on a line
// that is not blank or a comment).
import { createSourceFile, lintSources, loadProfile, type SourceText } from '@l1vh/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath, yamlFilesUnder } from '../support/shared.js';

const files = yamlFilesUnder(sharedPath('corpus'));
const sources: SourceText[] = files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const profiles = {
  mshv: sharedPath('golden/kubevirt-examples/cluster-mshv.yaml'),
  kvm: sharedPath('golden/kubevirt-examples/cluster-kvm.yaml'),
};

describe.each(Object.entries(profiles))('corpus on the %s profile', (_, profilePath) => {
  const { profile } = loadProfile([{ path: profilePath, text: readFileSync(profilePath, 'utf8') }]);
  it('has files to lint', () => {
    expect(files.length).toBeGreaterThan(40);
  });
  it.each(files)('%s', (path) => {
    const src = sources.find((s) => s.path === path)!;
    const result = lintSources([src], profile);
    const lines = createSourceFile(path, src.text).lines;
    const textLines = src.text.split('\n');
    expect(result.findings.filter((f) => f.code === 'LINT_INTERNAL')).toEqual([]);
    for (const f of result.findings) {
      expect(f.range?.file).toBe(path);
      expect(f.range!.start).toBeGreaterThanOrEqual(0);
      expect(f.range!.end).toBeLessThanOrEqual(src.text.length);
      const { line } = lines.linePos(f.range!.start);
      const content = textLines[line - 1]!.trim();
      expect(content === '' || content.startsWith('#'), `${path}:${line} ${f.code}: "${content}"`).toBe(false);
    }
  });
  it('the whole corpus in one call checks every VM-like object', () => {
    const result = lintSources(sources, profile);
    expect(result.objects).toBeGreaterThan(30);
  });
});
