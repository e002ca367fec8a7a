// The CLI and the editor read a cluster through the same code and give the same answers: the same
// cluster objects → the same profile summary and the same explain items through both paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { inputObject, type KubeObject } from '@l1vh/core';
import { AnalysisCache } from '../../../vscode-ext/src/analysis/document-analysis.js';
import { describeTarget, readLiveTarget } from '../../../vscode-ext/src/cluster/read-target.js';
import { startTestCluster, type TestCluster } from './helpers/test-cluster.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => t.close());

/** The editor's path: its own reader, then core (what TargetCluster does outside `vscode`). */
async function editorTarget() {
  const read = await readLiveTarget({ kubeconfig: t.kubeconfig, context: '' }, { PATH: process.env.PATH, HOME: '/nonexistent-home' });
  if ('error' in read) throw new Error(read.error);
  return describeTarget('cluster', read.context, { live: read.live }, true, [], read.contexts);
}

/** An item without its source positions (a file in the editor, vm/NAME on the command line). */
function withoutSources(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSources);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'source' && k !== 'findings').map(([k, x]) => [k, withoutSources(x)]));
  return v;
}

describe('the same cluster through the CLI and through the editor', () => {
  it('gives the same profile summary', async () => {
    const cli = await t.cli(['cluster', '-o', 'json', '--kubeconfig', t.kubeconfig]);
    expect(cli.stderr).toBe('');
    const editor = await editorTarget();
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(editor.summary)));
    // The editor used to read 5 kinds and the CLI 10: both now read the table's namespaces and quotas.
    expect(editor.profile.quotas.length).toBeGreaterThan(0);
    expect(editor.profile.namespaces.size).toBeGreaterThan(0);
  });

  it('gives the same explain items', async () => {
    const cli = await t.cli(['explain', 'vm/vm-12003', '-o', 'json', '--kubeconfig', t.kubeconfig]);
    expect(cli.code).toBe(0);
    const cliItems = (JSON.parse(cli.stdout) as { items: unknown[] }).items;
    const editor = await editorTarget();
    const vm = t.api.objects.find((o) => o.kind === 'VirtualMachine' && o.metadata.name === 'vm-12003')!;
    const text = stringify(inputObject(vm as KubeObject));
    const cache = new AnalysisCache(() => editor);
    const doc = { uri: { scheme: 'file', fsPath: '/ws/vm-12003.yaml', toString: () => 'file:///ws/vm-12003.yaml' }, version: 1, getText: () => text };
    const items = cache.get(doc).vms.map((v) => JSON.parse(JSON.stringify(v.explain(true).item)) as unknown);
    expect(items).toHaveLength(1);
    expect(cliItems).toHaveLength(1);
    expect(withoutSources(items)).toEqual(withoutSources(cliItems));
  });
});
