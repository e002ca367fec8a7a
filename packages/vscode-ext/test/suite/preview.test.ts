import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { previewText } from '../../src/render/preview-text.js';
import { api, coreExplain, filesOf, fixture, open, positionOf, profileText, readText, restore, waitFor } from './helpers.js';
import { LENS_VERDICT_CHARS } from '../../src/providers/codelens-provider.js';
import { shorten, verdictOf } from '../../src/render/verdict.js';

export function previewTests(): void {
  describe('domain XML preview', () => {
    before(api);

    it('shows core\'s domain XML (or why the VM cannot launch) and follows edits', async () => {
      const uri = fixture('vms', 'vm-12012.yaml');
      const editor = await open(uri);
      const original = editor.document.getText();
      editor.selection = new vscode.Selection(positionOf(editor.document, 'domain:'), positionOf(editor.document, 'domain:'));
      const profile = await profileText();
      const preview = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.previewDomainXml');
      assert.ok(preview, 'no preview document');
      assert.equal(preview.uri.scheme, 'l1vh-domain');
      assert.equal(preview.languageId, 'xml');
      const [before] = coreExplain(uri.fsPath, editor.document.getText(), profile);
      assert.ok(before);
      if (before.domainXml !== null && !before.error) assert.equal(preview.getText(), before.domainXml);
      assert.equal(preview.getText(), previewText(before, undefined, filesOf(uri.fsPath, editor.document.getText())));

      const at = positionOf(editor.document, 'name: vm-12012');
      await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 'name: vm-12012'.length)), 'name: vm-12012-renamed'));
      const [after] = coreExplain(uri.fsPath, editor.document.getText(), profile);
      assert.ok(after);
      const expected = after.domainXml !== null && !after.error ? after.domainXml : previewText(after, undefined, filesOf(uri.fsPath, editor.document.getText()));
      assert.notEqual(expected, preview.getText(), 'the edit should change the preview');
      await waitFor('the preview to re-render', () => (preview.getText() === expected ? true : undefined));
      await restore(editor.document, original);
    });

    it('says why a VM cannot launch on a cluster without /dev/mshv', async () => {
      const l1vh = await api();
      const uri = fixture('vms', 'vm-12000.yaml');
      const profileUri = fixture('profiles', 'mshv-missing-noemulation.yaml');
      const [item] = coreExplain(uri.fsPath, await readText(uri), { path: profileUri.fsPath, text: await readText(profileUri) });
      assert.ok(item?.error, 'core should find no way to launch this VM on that profile');
      const settings = vscode.workspace.getConfiguration('l1vh');
      await settings.update('profile', 'profiles/mshv-missing-noemulation.yaml', vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor('the second profile', () => (l1vh.target().profile.origin === profileUri.fsPath ? true : undefined));
        await open(uri);
        const preview = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.previewDomainXml', uri.toString(), { kind: item.kind, namespace: item.namespace, name: item.name, index: 0 });
        assert.ok(preview);
        const expected = previewText(item, undefined, filesOf(uri.fsPath, await readText(uri)));
        await waitFor('the failure preview', () => (preview.getText() === expected ? true : undefined), 10000, () => preview.getText());
        // useEmulation off: the launcher pod requests devices.kubevirt.io/mshv, which no node
        // allocates, so it stays Pending
        assert.ok(preview.getText().includes('Verdict: unschedulable (unschedulable).'), preview.getText());
        assert.ok(preview.getText().includes('no allocatable devices.kubevirt.io/mshv'), preview.getText());
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
        assert.ok(lenses.some((l) => l.command?.title.startsWith(`$(error) ${shorten(verdictOf(item).headline, LENS_VERDICT_CHARS)}`) && l.command.title.startsWith('$(error) unschedulable: ')), lenses.map((l) => l.command?.title).join(' | '));
      } finally {
        await vscode.workspace.getConfiguration('l1vh').update('profile', 'profiles/mshv-amd64.yaml', vscode.ConfigurationTarget.Workspace);
      }
      await waitFor('the first profile again', () => (l1vh.target().profile.origin.endsWith('mshv-amd64.yaml') ? true : undefined));
    });
  });
}

export function explainTests(): void {
  describe('explain in full', () => {
    before(api);

    it('opens a markdown report with core\'s decision summary for the VM', async () => {
      const uri = fixture('vms', 'vm-12001.yaml');
      await open(uri);
      const [item] = coreExplain(uri.fsPath, await readText(uri), await profileText());
      assert.ok(item);
      const report = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.explain', uri.toString(), { kind: item.kind, namespace: item.namespace, name: item.name, index: 0 });
      assert.ok(report);
      assert.equal(report.languageId, 'markdown');
      assert.ok(report.getText().startsWith(`# ${item.kind} ${item.namespace}/${item.name}`), report.getText().slice(0, 200));
      assert.ok(report.getText().includes(item.decision.summary.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`)), 'summary missing');
      assert.equal(report.uri.scheme, 'l1vh-explain');
      if (item.domainXml) assert.ok(report.getText().includes(item.domainXml.trimEnd()), 'domain XML missing');
      // rendered, not escaped: VS Code's markdown preview shows it
      const previews = await waitFor('the markdown preview', () => {
        const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType));
        return tabs.length > 0 ? tabs : undefined;
      });
      assert.ok(previews.some((t) => t.label.includes(item.name)), previews.map((t) => t.label).join(', '));
      await vscode.window.tabGroups.close(previews);
    });
  });
}
