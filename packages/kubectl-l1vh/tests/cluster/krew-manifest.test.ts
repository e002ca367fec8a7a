// plugins/l1vh.yaml is a krew v1alpha2 Plugin whose release fields are visibly placeholders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const manifestPath = join(__dirname, '../../../../plugins/l1vh.yaml');

interface Platform {
  selector: { matchLabels: Record<string, string> };
  uri: string;
  sha256: string;
  bin: string;
  files: { from: string; to: string }[];
}

describe('krew manifest', () => {
  const m = parse(readFileSync(manifestPath, 'utf8')) as { apiVersion: string; kind: string; metadata: { name: string }; spec: { version: string; shortDescription: string; description: string; platforms: Platform[] } };

  it('has the krew Plugin shape', () => {
    expect(m.apiVersion).toBe('krew.googlecontainertools.github.com/v1alpha2');
    expect(m.kind).toBe('Plugin');
    expect(m.metadata.name).toBe('l1vh');
    expect(m.spec.version).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(m.spec.shortDescription.length).toBeLessThanOrEqual(80);
    expect(m.spec.description.length).toBeGreaterThan(m.spec.shortDescription.length);
  });

  it('ships the executable and the lazily loaded cluster chunk on every platform', () => {
    expect(m.spec.platforms.length).toBeGreaterThan(0);
    for (const p of m.spec.platforms) {
      expect(p.bin).toBe('kubectl-l1vh');
      expect(p.files.map((f) => f.from)).toEqual(expect.arrayContaining(['kubectl-l1vh', 'cluster-client.cjs']));
      // Placeholders until the release process fills them in; a real sha256 is 64 hex digits.
      expect(p.uri).toContain('RELEASE-PLACEHOLDER');
      expect(p.sha256).toContain('RELEASE-PLACEHOLDER');
      expect(p.sha256).not.toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
