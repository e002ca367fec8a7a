// The status-bar click: pick a kubeconfig context, an offline profile file, or refresh.

import * as vscode from 'vscode';
import { kubeContexts } from './cluster/read-target.js';
import type { TargetCluster } from './cluster/target-cluster.js';
import type { Config } from './config.js';

interface Pick extends vscode.QuickPickItem {
  run: () => Promise<void>;
}

export async function pickTarget(config: Config, target: TargetCluster): Promise<void> {
  const picks: Pick[] = [];
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('l1vh: this workspace is not trusted, so l1vh works offline on its embedded profile and reads no kubeconfig. Trust the workspace to use a cluster or a profile file.');
    return;
  }
  const kc = await kubeContexts(config.settings);
  if ('error' in kc) picks.push({ label: '$(warning) No kubeconfig contexts', detail: kc.error, run: async () => undefined });
  else {
    for (const ctx of kc.contexts) {
      const active = target.current.source === 'cluster' && target.current.label === ctx;
      picks.push({
        label: `${active ? '$(check)' : '$(cloud)'} ${ctx}`,
        description: ctx === kc.current ? 'current context' : '',
        run: async () => {
          await config.update('profile', '');
          await config.update('context', ctx);
        },
      });
    }
  }
  picks.push({
    label: '$(file) Choose offline profile file…',
    detail: 'A YAML file of cluster objects (kubectl get kubevirt,nodes -A -o yaml)',
    run: async () => {
      const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { YAML: ['yaml', 'yml', 'json'] }, title: 'l1vh offline profile' });
      if (chosen?.[0]) await config.update('profile', chosen[0].fsPath);
    },
  });
  if (config.settings.profile) picks.push({ label: '$(close) Stop using the offline profile', run: async () => config.update('profile', '') });
  picks.push({ label: '$(refresh) Refresh cluster data', run: () => target.refresh() });
  const choice = await vscode.window.showQuickPick(picks, { title: 'l1vh target cluster', placeHolder: target.current.notes[0] ?? target.current.label });
  await choice?.run();
}
