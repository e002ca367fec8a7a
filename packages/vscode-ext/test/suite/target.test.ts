import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EMBEDDED_PROFILE_NAME, loadObjects } from '@l1vh/core';
import { parse } from 'yaml';
import { startFakeCluster, writeExecAuthSetup } from './fake-cluster.js';
import { statusText } from '../../src/providers/status-bar.js';
import { api, coreExplain, fixture, hoverText, lensStart, open, positionOf, profileText, readText, waitFor } from './helpers.js';

/** Nodes advertising /dev/mshv, counted from the profile text independently of the extension. */
function l1vhNodeCount(text: string): number {
  const nodes = loadObjects([{ path: 'p', text }]).objects.filter((o) => o.kind === 'Node');
  return nodes.filter((n) => Number(((n.value.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {})['devices.kubevirt.io/mshv'] ?? 0) > 0).length;
}

export function offlineProfileTests(): void {
  describe('target: offline profile', () => {
    it('uses l1vh.profile and reports version, semantics and L1VH nodes', async () => {
      const state = (await api()).target();
      const p = await profileText();
      assert.equal(vscode.workspace.isTrusted, true);
      assert.equal(state.source, 'offline-file');
      assert.equal(state.profile.origin, p.path);
      assert.equal(state.summary.nodeCounts.mshv, l1vhNodeCount(p.text));
      assert.ok(state.summary.nodeCounts.mshv > 0);
      console.log(`l1vh activation: ${(await api()).activationMs} ms`);
      assert.match(statusText(state), new RegExp(`mshv-amd64\\.yaml · KubeVirt v1\\.10\\.0-alpha\\.0 · kubevirt · ${state.summary.nodeCounts.mshv}/${state.summary.nodeCounts.total} L1VH nodes`));
    });
  });
}

export function untrustedTests(): void {
  describe('untrusted workspace', () => {
    it('works offline on the embedded profile and ignores l1vh.profile and kubeconfig', async () => {
      assert.equal(vscode.workspace.isTrusted, false, 'this suite must run in an untrusted workspace');
      const state = (await api()).target();
      assert.equal(state.source, 'embedded');
      assert.equal(state.trusted, false);
      assert.equal(state.profile.origin, EMBEDDED_PROFILE_NAME);
      assert.ok(state.notes.some((n) => n.includes('untrusted workspace')), state.notes.join('\n'));
      // the folder's settings name a kubeconfig and a profile file: reading either would leave a note
      assert.ok(!state.notes.some((n) => /nonexistent|does-not-matter/.test(n)), state.notes.join('\n'));
    });

    it('still explains VMs, with the embedded profile', async () => {
      const uri = fixture('vm-12000.yaml');
      const editor = await open(uri);
      const [item] = coreExplain(uri.fsPath, await readText(uri));
      assert.ok(item);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'kind:')));
      assert.ok(text.includes('embedded profile'), text);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      assert.ok(lenses.some((l) => l.command?.title.startsWith(lensStart(item))), lenses.map((l) => l.command?.title).join(' | '));
    });
  });
}

async function withSettings(values: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
  const c = vscode.workspace.getConfiguration('l1vh');
  const old = Object.fromEntries(Object.keys(values).map((k) => [k, c.inspect(k)?.workspaceValue]));
  try {
    for (const [k, v] of Object.entries(values)) await c.update(k, v, vscode.ConfigurationTarget.Workspace);
    await body();
  } finally {
    for (const [k, v] of Object.entries(old)) await vscode.workspace.getConfiguration('l1vh').update(k, v, vscode.ConfigurationTarget.Workspace);
  }
}

export function clusterFallbackTests(): void {
  describe('target: cluster fallbacks', () => {
    it('names the exec-auth plugin it cannot find and falls back to the embedded profile', async () => {
      const l1vh = await api();
      await withSettings({ profile: '', kubeconfig: fixture('kubeconfigs', 'exec-missing-plugin.yaml').fsPath, context: '' }, async () => {
        const state = await waitFor('the exec-auth failure', () => (l1vh.target().notes.some((n) => n.includes('l1vh-test-missing-auth-plugin')) ? l1vh.target() : undefined));
        assert.equal(state.source, 'embedded');
        assert.equal(state.profile.origin, EMBEDDED_PROFILE_NAME);
        assert.match(state.notes.join('\n'), /exec-auth plugin "l1vh-test-missing-auth-plugin" of user "exec-user" is not on the PATH/);
      });
      await waitFor('the offline profile again', () => (l1vh.target().source === 'offline-file' ? true : undefined));
    });

    it('says the cluster is unreachable and works on the embedded profile', async () => {
      const l1vh = await api();
      await withSettings({ profile: '', kubeconfig: fixture('kubeconfigs', 'unreachable.yaml').fsPath, context: 'down-ctx' }, async () => {
        const state = await waitFor('the unreachable note', () => (l1vh.target().notes.some((n) => n.includes('unreachable')) ? l1vh.target() : undefined), 30000);
        assert.equal(state.source, 'embedded');
        assert.match(state.notes[0] ?? '', /^cluster "down-ctx" unreachable: .+; using the embedded profile$/);
        assert.deepEqual(state.contexts, ['down-ctx']);
      });
      await waitFor('the offline profile again', () => (l1vh.target().source === 'offline-file' ? true : undefined));
    });

    it('reads a live cluster through an exec-auth plugin found only on the login shell PATH', async function () {
      this.timeout(60000);
      const l1vh = await api();
      const p = await profileText();
      const items = (parse(p.text) as { items: Record<string, unknown>[] }).items;
      const cluster = await startFakeCluster(items);
      const setup = writeExecAuthSetup(cluster.url);
      assert.ok(!(process.env.PATH ?? '').split(':').includes(setup.pluginDir), 'the editor PATH must not have the plugin');
      const shell = process.env.SHELL;
      process.env.SHELL = setup.shell;
      try {
        await withSettings({ profile: '', kubeconfig: setup.kubeconfig, context: '' }, async () => {
          const state = await waitFor('the cluster target', () => (l1vh.target().source === 'cluster' ? l1vh.target() : undefined), 25000, () => `${l1vh.target().source}: ${l1vh.target().notes.join(' / ')}; requests: ${cluster.requests.join(', ')}`);
          assert.equal(state.label, 'fake-ctx');
          assert.equal(state.profile.origin, `<cluster ${cluster.url}>`);
          assert.equal(state.summary.kubevirtVersion, 'v1.10.0-alpha.0');
          assert.equal(state.summary.nodeCounts.mshv, l1vhNodeCount(p.text));
          assert.ok(cluster.requests.includes('/api/v1/nodes'), cluster.requests.join(', '));
          assert.ok(cluster.requests.includes('/apis/instancetype.kubevirt.io/v1beta1/virtualmachineclusterinstancetypes'), 'the optional lists are read too (a 404 lists nothing)');
          const uri = fixture('vms', 'vm-12000.yaml');
          const editor = await open(uri);
          const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'kind:')));
          assert.ok(text.includes('fake-ctx'), text);
        });
      } finally {
        if (shell === undefined) delete process.env.SHELL;
        else process.env.SHELL = shell;
        await cluster.close();
      }
      await waitFor('the offline profile again', () => (l1vh.target().source === 'offline-file' ? true : undefined));
    });
  });
}
