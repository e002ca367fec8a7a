import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { mebibytes } from '../../src/render/format.js';
import { api, coreExplain, fixture, hoverText, lensStart, profileText, readText } from './helpers.js';

/** Edits re-parse only the edited document; what is shown must still equal core on the new text. */
export function incrementalTests(): void {
  describe('editing a multi-document file', () => {
    before(api);

    it('keeps hover positions and CodeLenses equal to a fresh explain after edits', async () => {
      const content = `${await readText(fixture('vms', 'vm-12012.yaml'))}---\n${await readText(fixture('vms', 'vm-12000-video.yaml'))}`;
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
      const profile = await profileText();
      const path = doc.uri.toString();
      const lenses = async (): Promise<string[]> => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10)).map((l) => l.command?.title ?? '');
      const assertLensesMatchCore = async (): Promise<void> => {
        const titles = await lenses();
        const items = coreExplain(path, doc.getText(), profile);
        assert.equal(items.length, 2);
        for (const item of items) {
          const expected = lensStart(item);
          assert.ok(titles.some((t) => t.startsWith(expected)), `${expected} not in ${JSON.stringify(titles)}`);
        }
      };
      await assertLensesMatchCore(); // both VMs explained and cached

      // A line above the second document: it is not re-parsed, only moved down one line.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# moved\n')));
      const at = doc.positionAt(doc.getText().lastIndexOf('autoattachGraphicsDevice'));
      const [, second] = coreExplain(path, doc.getText(), profile);
      assert.ok(second);
      const terms = second.overheadTerms.filter((t) => t.source && doc.positionAt(t.source.offset).line === at.line);
      assert.ok(terms.length > 0, 'core gives the video term a source on the hovered line');
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
      for (const t of terms) assert.ok(text.includes(`adds **${mebibytes(t.bytes)}** overhead`), `term ${t.id} missing in ${text}`);

      // A value inside the second document: its VM is explained again, the first one is not needed.
      const memory = doc.getText().indexOf('memory: 1536M');
      assert.ok(memory >= 0);
      const value = new vscode.Range(doc.positionAt(memory + 'memory: '.length), doc.positionAt(memory + 'memory: 1536M'.length));
      assert.ok(await editor.edit((b) => b.replace(value, '3Gi')));
      await assertLensesMatchCore();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
}
