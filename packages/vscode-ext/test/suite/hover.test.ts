import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { md, mebibytes, SHORT_HYPERVISOR, vmTitle } from '../../src/render/format.js';
import { verdictOf } from '../../src/render/verdict.js';
import { api, coreExplain, fixture, hoverText, lensStart, open, positionOf, profileText, readText } from './helpers.js';

export function hoverTests(): void {
  describe('hover', () => {
    before(api);

    it('explains the VM on its kind, as core does on the offline profile', async () => {
      const uri = fixture('vms', 'vm-12000.yaml');
      const editor = await open(uri);
      const [item] = coreExplain(uri.fsPath, await readText(uri), await profileText());
      assert.ok(item);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'kind:')));
      assert.match(text, /\*\*l1vh\*\*/);
      assert.ok(text.includes(md(vmTitle(item))), `title missing in ${text}`);
      if (item.error) assert.ok(text.includes('Cannot launch'), text);
      else if (item.hypervisor) assert.ok(text.includes(item.hypervisor === 'mshv' ? 'MSHV' : item.hypervisor.toUpperCase()), text);
      if (item.overheadBytes !== null) assert.ok(text.includes(mebibytes(item.overheadBytes)), `overhead ${mebibytes(item.overheadBytes)} not in ${text}`);
      else assert.ok(text.includes('Overhead: not computed'), text);
      for (const node of item.nodes) {
        assert.ok(text.includes(`\`${node.node}\``), `node ${node.node} missing`);
        if (node.hypervisor) assert.ok(text.includes(md(SHORT_HYPERVISOR[node.hypervisor])), `${node.node}'s hypervisor missing`);
      }
      assert.ok(text.includes('Open domain XML preview') && text.includes('command:l1vh.previewDomainXml'), text);
      assert.ok(text.includes('Explain in full') && text.includes('command:l1vh.explain'), text);
      assert.ok(verdictOf(item).headline.length > 0);
    });

    it('says what a hovered field adds: the video term of autoattachGraphicsDevice', async () => {
      const uri = fixture('vms', 'vm-12000-video.yaml');
      const editor = await open(uri);
      const at = positionOf(editor.document, 'autoattachGraphicsDevice');
      const [item] = coreExplain(uri.fsPath, await readText(uri), await profileText());
      assert.ok(item);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at));
      assert.ok(text.includes('autoattachGraphicsDevice'), text);
      const terms = item.overheadTerms.filter((t) => t.source && editor.document.positionAt(t.source.offset).line === at.line);
      if (terms.length > 0) for (const t of terms) assert.ok(text.includes(`adds **${mebibytes(t.bytes)}** overhead`), `term ${t.id} missing in ${text}`);
      else assert.ok(text.includes('No effect on the domain XML'), text);
    });

    it('stays silent outside the VM fields it explains (metadata.namespace)', async () => {
      const uri = fixture('vms', 'vm-12000.yaml');
      const editor = await open(uri);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'namespace:'));
      assert.ok(!hoverText(hovers).includes('**l1vh**'));
    });

    it('puts a CodeLens with outcome, overhead and Preview XML above each VM', async () => {
      const uri = fixture('vms', 'vm-12012.yaml');
      await open(uri);
      const [item] = coreExplain(uri.fsPath, await readText(uri), await profileText());
      assert.ok(item);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      const titles = lenses.map((l) => l.command?.title ?? '');
      assert.ok(titles.some((t) => t.startsWith(lensStart(item))), `${lensStart(item)} not in ${JSON.stringify(titles)}`);
      assert.ok(titles.includes('Preview XML'), JSON.stringify(titles));
    });
  });
}
