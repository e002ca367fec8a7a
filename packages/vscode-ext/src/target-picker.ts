// The status-bar click: pick a kubeconfig context (only contexts the kubeconfig files define), an
// offline profile file (stored relative to the workspace folder when it is inside it), or refresh.

import * as vscode from 'vscode';
import { kubeContexts } from './cluster/read-target.js';
import type { TargetCluster } from './cluster/target-cluster.js';
import type { Config } from './config.js';

export interface TargetPick extends vscode.QuickPickItem {
  run: () => Promise<void>;
}

/** The picker's items (exported for the tests). */
export async function targetPicks(config: Config, target: TargetCluster): Promise<TargetPick[]> {
  const picks: TargetPick[] = [];
  const kc = await kubeContexts(config.settings);
  if ('error' in kc) picks.push({ label: '$(warning) No kubeconfig contexts', detail: kc.error, run: async () => undefined });
  else if (kc.contexts.length === 0) picks.push({ label: '$(warning) No kubeconfig contexts', detail: 'the kubeconfig defines no context', run: async () => undefined });
  else {
    for (const ctx of kc.contexts) {
      const active = target.current.source === 'cluster' && target.current.label === ctx;
      picks.push({
        label: `${active ? '$(check)' : '$(cloud)'} ${ctx}`,
        description: [ctx === kc.current ? 'current context' : '', active ? 'in use' : ''].filter(Boolean).join(' · '),
        run: async () => {
          await config.update('profile', '');
          await config.update('context', ctx);
        },
      });
    }
  }
  picks.push({
    label: '$(file) Choose offline profile file…',
    detail: 'A YAML file of cluster objects (kubectl l1vh snapshot, or kubectl get kubevirt,nodes -A -o yaml)',
    run: async () => {
      const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { YAML: ['yaml', 'yml', 'json'] }, title: 'l1vh offline profile', defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
      if (chosen?.[0]) await config.update('profile', profileSetting(chosen[0]));
    },
  });
  if (config.settings.profile) picks.push({ label: '$(close) Stop using the offline profile', detail: config.settings.profile, run: async () => config.update('profile', '') });
  picks.push({ label: '$(refresh) Refresh cluster data', run: () => target.refresh() });
  return picks;
}

export async function pickTarget(config: Config, target: TargetCluster): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('l1vh: this workspace is not trusted, so l1vh works offline on its embedded profile and reads no kubeconfig. Trust the workspace to use a cluster or a profile file.');
    return;
  }
  const picks = await targetPicks(config, target);
  const choice = await vscode.window.showQuickPick(picks, { title: 'l1vh target cluster', placeHolder: target.current.notes[0] ?? target.current.label });
  await choice?.run();
}

/** The `l1vh.profile` value for a file: relative to the first workspace folder when inside it. */
export function profileSetting(file: vscode.Uri): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && file.scheme === folder.uri.scheme) {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (file.path.startsWith(base)) return file.path.slice(base.length);
  }
  return file.fsPath;
}
