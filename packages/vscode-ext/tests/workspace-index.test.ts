// The extension's workspace index without VS Code: VS Code's exclude globs, the per-file context
// index and the merged target profile (as the CLI merges --profile and its input paths).
import { describe, expect, it } from 'vitest';
import { loadObjects, loadProfile } from '@l1vh/core';
import { ContextIndex, indexText, inSlices } from '../src/workspace/context-index.js';
import { enabledPatterns, excludeMatcher, globToRegExp } from '../src/workspace/exclude.js';
import { combine } from '../src/workspace/workspace-target.js';

const INSTANCETYPE = (name: string, guest: string): string =>
  `apiVersion: instancetype.kubevirt.io/v1beta1\nkind: VirtualMachineInstancetype\nmetadata:\n  name: ${name}\nspec:\n  cpu:\n    guest: 1\n  memory:\n    guest: ${guest}\n`;
const VM = (instancetype: string): string =>
  `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  instancetype:\n    kind: VirtualMachineInstancetype\n    name: ${instancetype}\n  template:\n    spec:\n      domain:\n        devices: {}\n`;

describe('exclude globs (VS Code syntax)', () => {
  it('matches folders anywhere and everything below them', () => {
    const excluded = excludeMatcher(['**/node_modules', 'charts/**', '**/*.{tmp,bak}.yaml', 'build']);
    expect(excluded('node_modules/a.yaml')).toBe(true);
    expect(excluded('deep/x/node_modules/pkg/b.yaml')).toBe(true);
    expect(excluded('charts/app/templates/vm.yaml')).toBe(true);
    expect(excluded('build/out.yaml')).toBe(true);
    expect(excluded('a/b.tmp.yaml')).toBe(true);
    expect(excluded('vms/vm.yaml')).toBe(false);
    expect(excluded('mycharts/vm.yaml')).toBe(false);
    expect(excluded('rebuild/vm.yaml')).toBe(false);
  });

  it('reads only switched-on patterns of files.exclude/search.exclude', () => {
    expect(enabledPatterns({ '**/.git': true, '**/dist': false, '**/*.js': { when: '$(basename).ts' } })).toEqual(['**/.git']);
    expect(globToRegExp('**/[ab]?.yaml').test('x/ac.yaml')).toBe(true);
  });
});

describe('context index', () => {
  it('keeps the context kinds of a file, and which names a VM file mentions', () => {
    const f = indexText('/w/it.yaml', `${INSTANCETYPE('csmall', '128Mi')}---\n${VM('other')}`);
    expect(f.objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['VirtualMachineInstancetype/csmall']);
    expect(f.hasVms).toBe(true);
    expect(f.mentions.has('other')).toBe(true);
    expect(indexText('/w/vm.yaml', VM('csmall')).objects).toEqual([]);
  });

  it('reports a change only when context objects change, and the files depending on them', () => {
    const index = new ContextIndex();
    index.set('vm', '/w/vm.yaml', VM('csmall'));
    index.set('other', '/w/other.yaml', VM('clarge'));
    const first = index.set('it', '/w/it.yaml', INSTANCETYPE('csmall', '128Mi'));
    expect(first.changed).toBe(true);
    expect(index.dependents(first)).toEqual(['vm']);
    const v = index.version;
    expect(index.set('it', '/w/it.yaml', `# comment\n${INSTANCETYPE('csmall', '128Mi')}`).changed).toBe(false);
    expect(index.version).toBe(v);
    expect(index.set('vm', '/w/vm.yaml', `${VM('csmall')}# edited\n`).changed).toBe(false);
    const edited = index.set('it', '/w/it.yaml', INSTANCETYPE('csmall', '1Gi'));
    expect(edited.changed).toBe(true);
    expect(index.version).toBe(v + 1);
    expect(index.dependents(edited)).toEqual(['vm']);
    const gone = index.delete('it');
    expect(gone.changed).toBe(true);
    expect(index.objects()).toEqual([]);
  });

  it('a KubeVirt CR change makes every VM file a dependent', () => {
    const index = new ContextIndex();
    index.set('vm', '/w/vm.yaml', VM('x'));
    const c = index.set('kv', '/w/kv.yaml', 'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata:\n  name: kubevirt\n  namespace: kubevirt\nspec: {}\n');
    expect(c.kubevirt).toBe(true);
    expect(index.dependents(c)).toEqual(['vm']);
  });

  it('works through a list in slices, yielding between them', async () => {
    const seen: number[] = [];
    let slices = 0;
    await inSlices([1, 2, 3, 4, 5], (n) => void seen.push(n), 0, () => slices++);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(slices).toBe(5);
  });
});

describe('merged target profile', () => {
  const target = (): { profile: ReturnType<typeof loadProfile>['profile']; objects: ReturnType<typeof loadObjects>['objects'] } => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: kubevirt.io/v1\n  kind: KubeVirt\n  metadata: {name: kubevirt, namespace: kubevirt}\n  spec: {}\n- apiVersion: v1\n  kind: Node\n  metadata: {name: n1}\n';
    const objects = loadObjects([{ path: '/w/profile.yaml', text }]).objects;
    return { profile: loadProfile([{ path: '/w/profile.yaml', text }]).profile, objects };
  };

  it('adds workspace instancetypes; a workspace KubeVirt CR only when the target has none; never nodes', () => {
    const base = target();
    const ws = loadObjects([
      { path: '/w/it.yaml', text: INSTANCETYPE('csmall', '128Mi') },
      { path: '/w/kv.yaml', text: 'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata:\n  name: other\n  namespace: kubevirt\nspec: {}\n' },
    ]).objects.filter((o) => o.kind !== 'Node');
    const merged = combine(base, ws);
    expect([...merged.profile.instancetypes.keys()]).toEqual(['default/csmall']);
    expect(merged.profile.kubevirt?.object?.name).toBe('kubevirt');
    expect(merged.profile.nodes.map((n) => n.value.metadata.name)).toEqual(['n1']);
  });

  it('skips the objects of the profile file itself and returns the target untouched without extras', () => {
    const base = target();
    expect(combine(base, base.objects.filter((o) => o.kind !== 'Node'))).toBe(base);
    expect(combine(base, [])).toBe(base);
  });
});
