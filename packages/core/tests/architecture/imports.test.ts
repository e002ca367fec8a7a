// Architecture checks over every package: no import cycles, and core stays pure (nothing from
// node:, so it runs in a browser and in the editor's web worker).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, moduleGraph, ROOT, sourceFiles, specifiers } from './module-graph.js';

describe('module graph', () => {
  it('reads imports, re-exports and dynamic imports (the check itself can see a cycle)', () => {
    expect(specifiers(`import a from './a.js';\nexport { b } from "../b.js";\nimport type { C } from './c.js';\nconst m = await import('@l1vh/cluster-client/open');\n// import x from './commented.js'`)).toEqual(['./a.js', '../b.js', './c.js', '@l1vh/cluster-client/open']);
    const g = { files: ['a', 'b', 'c'], edges: new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]) };
    expect(cycles(g)).toHaveLength(1);
  });

  it('has no import cycle in any package', () => {
    const g = moduleGraph();
    expect(g.files.length).toBeGreaterThan(200);
    expect(cycles(g)).toEqual([]);
  });

  it('core imports nothing from node: (and no Node built-in by bare name)', () => {
    const core = join(ROOT, 'packages', 'core', 'src');
    const offenders = sourceFiles(core).flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter((s) => s.startsWith('node:') || /^(fs|path|os|crypto|http|https|child_process|worker_threads|url|util|buffer|stream)(\/|$)/.test(s))
        .map((s) => `${relative(ROOT, f)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
