// The workspace is the context, and every surface shows the one verdict. Expected values here are
// written from KubeVirt's behaviour (its examples, its admission and its overhead arithmetic on
// the offline profile profiles/mshv-amd64.yaml: KubeVirt main, ConfigurableHypervisor with
// hyperv-direct, one node with /dev/mshv), not computed by calling core.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LENS_VERDICT_CHARS } from '../../src/providers/codelens-provider.js';
import { profileSetting, targetPicks } from '../../src/target-picker.js';
import { Config } from '../../src/config.js';
import type { TargetCluster } from '../../src/cluster/target-cluster.js';
import { api, fixture, hoverText, open, positionOf, restore, waitFor } from './helpers.js';

const lensTitles = async (uri: vscode.Uri): Promise<string[]> =>
  (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)).map((l) => l.command?.title ?? '');
const lensTooltips = async (uri: vscode.Uri): Promise<string[]> =>
  (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)).map((l) => l.command?.tooltip ?? '');
const codes = (uri: vscode.Uri): string[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'l1vh').map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

async function withSetting(key: string, value: unknown, body: () => Promise<void>): Promise<void> {
  const c = vscode.workspace.getConfiguration('l1vh');
  const old = c.inspect(key)?.workspaceValue;
  try {
    await c.update(key, value, vscode.ConfigurationTarget.Workspace);
    await body();
  } finally {
    await vscode.workspace.getConfiguration('l1vh').update(key, old, vscode.ConfigurationTarget.Workspace);
  }
}

/*
 * vm-cirros-csmall names VirtualMachineInstancetype csmall (KubeVirt's examples/csmall.yaml: 1 vCPU,
 * 128Mi), kept in instancetypes/csmall.yaml. GetMemoryOverhead on KubeVirt main for this VM:
 * virt-launcher 100Mi + virt-launcher-monitor 25Mi + virtlogd 25Mi + virtqemud 40Mi + QEMU 50Mi
 * + 1 vCPU × 8Mi + 1 IOThread 8Mi + video RAM 32Mi (autoattachGraphicsDevice unset) = 288Mi;
 * no requests.memory, so no page-table term. The pod requests guest + overhead.
 */
const CSMALL_OVERHEAD = '288Mi';

export function workspaceTests(): void {
  describe('workspace index: other files are the context', () => {
    before(api);

    it('resolves an instancetype kept in another file (the VM file not even open)', async () => {
      const l1vh = await api();
      assert.ok(l1vh.workspaceObjects().includes('VirtualMachineInstancetype /csmall'), l1vh.workspaceObjects().join(', '));
      assert.ok(l1vh.index().files >= 10, `indexed ${l1vh.index().files} files`);
      const vm = fixture('vms', 'vm-cirros-csmall.yaml');
      // 128Mi guest < 288Mi overhead: memory-too-small, and no unknown-instancetype
      await waitFor('memory-too-small on the unopened VM file', () => (codes(vm).includes('memory-too-small') ? true : undefined), 15000, () => codes(vm).join(', '));
      assert.ok(!codes(vm).includes('unknown-instancetype'), codes(vm).join(', '));
      await open(vm);
      const titles = await lensTitles(vm);
      assert.ok(titles.includes(`MSHV (L1VH) · overhead ${CSMALL_OVERHEAD} · pod 416Mi`), JSON.stringify(titles));
      const preview = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.previewDomainXml', vm.toString());
      assert.ok(preview);
      assert.match(preview.getText(), /<memory unit="b">134217728<\/memory>/); // 128Mi
      // 1 vCPU from csmall; KubeVirt main allows CPU hotplug up to maxSockets = 4 × sockets: 4 slots, 1 enabled
      assert.match(preview.getText(), /<vcpu placement="static">4<\/vcpu>/);
      assert.equal(preview.getText().match(/<vcpu id="\d+" enabled="yes"/g)?.length, 1);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('follows an edit of the instancetype file in the VM\'s CodeLens, preview and Problems', async () => {
      const l1vh = await api();
      const vm = fixture('vms', 'vm-cirros-csmall.yaml');
      const it = fixture('instancetypes', 'csmall.yaml');
      await vscode.workspace.openTextDocument(vm); // loaded (for its CodeLenses), not shown
      const editor = await open(it);
      const at = positionOf(editor.document, 'guest: 128Mi');
      const original = editor.document.getText();
      try {
        assert.ok(await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 'guest: 128Mi'.length)), 'guest: 1Gi')));
        // 1Gi ≥ 288Mi: the warning goes; the pod requests 1024Mi + 288Mi
        await waitFor('memory-too-small gone after the instancetype edit', () => (codes(vm).includes('memory-too-small') ? undefined : true), 15000, () => codes(vm).join(', '));
        const titles = await lensTitles(vm);
        assert.ok(titles.includes(`MSHV (L1VH) · overhead ${CSMALL_OVERHEAD} · pod 1312Mi`), JSON.stringify(titles));
        const preview = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.previewDomainXml', vm.toString(), { kind: 'VirtualMachine', namespace: 'default', name: 'vm-cirros-csmall', index: 0 });
        assert.ok(preview);
        await waitFor('the preview with 1Gi', () => (preview.getText().includes('<memory unit="b">1073741824</memory>') ? true : undefined), 10000, () => preview.getText().slice(0, 200));
      } finally {
        await restore(editor.document, original);
      }
      await waitFor('memory-too-small back after the revert', () => (codes(vm).includes('memory-too-small') ? true : undefined), 15000, () => `${codes(vm).join(', ')}; instancetype file ${editor.document.isDirty ? 'dirty' : 'clean'}: ${JSON.stringify(editor.document.getText().slice(-30))}; ${l1vh.indexLog().join(' / ')}`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('leaves out folders named in l1vh.exclude: the instancetype is then unknown, as KubeVirt would find it', async () => {
      const l1vh = await api();
      const vm = fixture('vms', 'vm-cirros-csmall.yaml');
      await withSetting('exclude', ['instancetypes/**'], async () => {
        // VM admission: the instancetype matcher names an object that does not exist
        await waitFor('unknown-instancetype with the folder excluded', () => (codes(vm).includes('unknown-instancetype') ? true : undefined), 15000, () => codes(vm).join(', '));
        assert.ok(!l1vh.workspaceObjects().includes('VirtualMachineInstancetype /csmall'));
      });
      await waitFor('the instancetype back', () => (codes(vm).includes('unknown-instancetype') ? undefined : true), 15000, () => codes(vm).join(', '));
    });

    it('leaves out folders search.exclude names too', async () => {
      const vm = fixture('vms', 'vm-cirros-csmall.yaml');
      const search = vscode.workspace.getConfiguration('search');
      const old = search.inspect('exclude')?.workspaceValue;
      try {
        await search.update('exclude', { '**/instancetypes': true }, vscode.ConfigurationTarget.Workspace);
        await waitFor('unknown-instancetype with search.exclude', () => (codes(vm).includes('unknown-instancetype') ? true : undefined), 15000, () => codes(vm).join(', '));
      } finally {
        await vscode.workspace.getConfiguration('search').update('exclude', old, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor('the instancetype back', () => (codes(vm).includes('unknown-instancetype') ? undefined : true), 15000, () => codes(vm).join(', '));
    });

    it('indexes a file created on disk, and forgets it when deleted', async () => {
      const l1vh = await api();
      const uri = fixture('instancetypes', 'cmedium.yaml');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('apiVersion: instancetype.kubevirt.io/v1beta1\nkind: VirtualMachineClusterInstancetype\nmetadata:\n  name: cmedium-local\nspec:\n  cpu:\n    guest: 2\n  memory:\n    guest: 2Gi\n'));
      try {
        await waitFor('the new instancetype indexed', () => (l1vh.workspaceObjects().includes('VirtualMachineClusterInstancetype /cmedium-local') ? true : undefined));
      } finally {
        await vscode.workspace.fs.delete(uri);
      }
      await waitFor('the deleted instancetype gone', () => (l1vh.workspaceObjects().includes('VirtualMachineClusterInstancetype /cmedium-local') ? undefined : true));
    });
  });

  describe('one verdict on every surface', () => {
    before(api);

    it('the editor-title button (Uri, { groupId }) opens the preview of the file it sits on', async () => {
      const uri = fixture('vms', 'vm-12000.yaml');
      await open(uri);
      // VS Code calls editor/title commands with the editor's resource and an editor-group context
      const preview = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.previewDomainXml', uri, { groupId: 0 });
      assert.ok(preview, 'no preview from the editor-title call');
      assert.equal(preview.uri.scheme, 'l1vh-domain');
      // (an earlier test's profile switch may still be re-rendering an open preview of this VM)
      await waitFor('the hyperv domain of vm-12000', () => (/^<domain type="hyperv"/.test(preview.getText()) ? true : undefined), 10000, () => preview.getText().slice(0, 200));
      assert.match(preview.getText(), /<name>prod_vm-12000<\/name>/);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('keeps a VM whose memory.guest does not decode, and shows it rejected everywhere', async () => {
      const l1vh = await api();
      const uri = fixture('vms', 'vm-invalid-memory.yaml');
      const editor = await open(uri);
      // the API server cannot decode "banana" as a resource.Quantity: the VM is refused with
      // "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
      const titles = await lensTitles(uri);
      const verdict = titles.find((t) => t.startsWith('$(error) rejected: '));
      assert.ok(verdict, JSON.stringify(titles));
      assert.ok(verdict.length <= '$(error) '.length + LENS_VERDICT_CHARS, `CodeLens too long: ${verdict}`);
      assert.ok(titles.includes('Preview XML'));
      const tips = await lensTooltips(uri);
      assert.ok(tips.some((t) => t.includes('spec.template.spec.domain.memory.guest') && t.includes('quantities must match the regular expression')), JSON.stringify(tips));
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'kind:')));
      assert.match(hover, /\*\*Rejected\*\*/);
      assert.ok(hover.includes('quantities must match the regular expression'), hover);
      const preview = await vscode.commands.executeCommand<vscode.TextDocument>('l1vh.previewDomainXml');
      assert.ok(preview);
      assert.ok(!preview.getText().includes('no longer in'), preview.getText());
      assert.ok(preview.getText().includes('Verdict: rejected (rejected).'), preview.getText());
      assert.ok(preview.getText().includes('line 12'), preview.getText());
      editor.selection = new vscode.Selection(positionOf(editor.document, 'guest:'), positionOf(editor.document, 'guest:'));
      await waitFor('the status-bar verdict', () => (l1vh.verdictStatus().startsWith('$(error) vm-invalid-memory: rejected') ? true : undefined), 5000, () => l1vh.verdictStatus());
      const diag = await waitFor('the decoding problem in Problems', () => vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === 11));
      assert.ok(diag.message.includes('memory.guest'), diag.message);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('field hovers are short and about the field: memory request → <memory> and the pod request', async () => {
      const uri = fixture('vms', 'vm-12000.yaml');
      const editor = await open(uri);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'memory: 1536M')));
      // KubeVirt copies requests.memory to memory.guest: 1536M = 1536000000 bytes of guest RAM
      assert.ok(text.includes('<memory unit="b">1536000000</memory>'), text);
      assert.ok(text.includes('pod memory request'), text);
      assert.ok(!text.includes('Launcher pod: requests'), `the full card on a field: ${text}`);
      assert.ok(text.split('\n').filter(Boolean).length <= 6, text);
      const card = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(editor.document, 'name: vm-12000')));
      assert.ok(card.includes('Launcher pod: requests'), card);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('offers the did-you-mean fix for an unknown field, and the field is then known', async () => {
      const uri = fixture('vms', 'vm-typo.yaml');
      const editor = await open(uri);
      const doc = editor.document;
      const before = doc.getText();
      // strict field validation: unknown field "spec.template.spec.domain.devcies"
      const diag = await waitFor('the unknown-field diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'unknown-field' && d.message.includes('unknown field "spec.template.spec.domain.devcies"')), 15000, () => vscode.languages.getDiagnostics(uri).map((d) => d.message).join(' | '));
      assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.match(fix.title, /devices/);
      try {
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.equal(doc.getText(), before.replace('        devcies:', '        devices:'));
        await waitFor('the unknown field gone', () => (vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('devcies')) ? undefined : true));
        const titles = await lensTitles(uri);
        assert.ok(titles.some((t) => t.startsWith('MSHV (L1VH)')), JSON.stringify(titles));
      } finally {
        await restore(doc, before);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });

  describe('target picker', () => {
    const fakeTarget = { current: { source: 'offline-file', label: 'mshv-amd64.yaml', notes: [] } } as unknown as TargetCluster;

    it('lists only contexts the kubeconfig files define', async () => {
      await withSetting('kubeconfig', fixture('kubeconfigs', 'unreachable.yaml').fsPath, async () => {
        const config = new Config();
        try {
          const labels = (await targetPicks(config, fakeTarget)).map((p) => p.label);
          assert.deepEqual(labels.filter((l) => l.startsWith('$(cloud)') || l.startsWith('$(check)')), ['$(cloud) down-ctx']);
        } finally {
          config.dispose();
        }
      });
    });

    it('offers no phantom context when there is no kubeconfig file', async () => {
      const saved = process.env.KUBECONFIG;
      process.env.KUBECONFIG = '/nonexistent/l1vh-a.yaml:/nonexistent/l1vh-b.yaml';
      const config = new Config();
      try {
        const picks = await targetPicks(config, fakeTarget);
        const labels = picks.map((p) => p.label);
        assert.ok(!labels.some((l) => /loaded-context/.test(l)), labels.join(', '));
        assert.equal(labels[0], '$(warning) No kubeconfig contexts');
        assert.match(picks[0]!.detail ?? '', /KUBECONFIG/);
      } finally {
        config.dispose();
        if (saved === undefined) delete process.env.KUBECONFIG;
        else process.env.KUBECONFIG = saved;
      }
    });

    it('stores a profile inside the workspace relative to its folder', () => {
      assert.equal(profileSetting(fixture('profiles', 'mshv-amd64.yaml')), 'profiles/mshv-amd64.yaml');
      assert.equal(profileSetting(vscode.Uri.file('/elsewhere/p.yaml')), '/elsewhere/p.yaml');
    });
  });
}
