import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, coreExplain, fixture, profileText, readText } from './helpers.js';

export function whatIfTests(): void {
  describe('what if', () => {
    before(api);

    it('"What if this cluster used hyperv-direct?" opens the comparison of the workspace VMs as markdown', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.whatIfHyperVDirect');
      assert.ok(doc, 'no document');
      assert.equal(doc.uri.scheme, 'l1vh-whatif');
      assert.equal(doc.languageId, 'markdown');
      const text = doc.getText();
      assert.ok(text.startsWith('# What if '), text.slice(0, 300));
      assert.ok(text.includes('`--hypervisor hyperv-direct`'), text.slice(0, 600));
      // The fixture profile already uses hyperv-direct: nothing to edit, every VM keeps its verdict.
      assert.ok(text.includes('the profile already says so'), text.slice(0, 600));
      const uri = fixture('vms', 'vm-12000.yaml');
      const [item] = coreExplain(uri.fsPath, await readText(uri), await profileText());
      assert.ok(item);
      assert.ok(text.includes(`| ${item.namespace}/${item.name} | ${item.verdict} |`), text);
    });
  });
}
