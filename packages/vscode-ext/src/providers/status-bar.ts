// Status-bar item: which cluster the previews describe, its KubeVirt version, semantics and
// L1VH-capable node count. Clicking it picks another context or an offline profile.

import * as vscode from 'vscode';
import type { TargetState } from '../cluster/target-cluster.js';
import { COMMANDS } from '../commands.js';
import { md } from '../render/format.js';

const ICON: Readonly<Record<TargetState['source'], string>> = { cluster: '$(cloud)', 'offline-file': '$(file)', embedded: '$(circle-slash)' };

export function statusText(s: TargetState): string {
  const sum = s.summary;
  return `${ICON[s.source]} ${s.label} · KubeVirt ${sum.kubevirtVersion ?? sum.versionKey} · ${sum.semantics} · ${sum.nodeCounts.mshv}/${sum.nodeCounts.total} L1VH nodes`;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('l1vh.target', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'l1vh target cluster';
    this.item.command = COMMANDS.selectTarget;
  }

  show(s: TargetState): void {
    this.item.text = statusText(s);
    const sum = s.summary;
    const tip = new vscode.MarkdownString(
      [
        `**l1vh target**: ${md(s.source === 'cluster' ? `context ${s.label}` : s.label)}`,
        `KubeVirt ${md(sum.kubevirtVersion ?? `unknown (assuming ${sum.versionKey})`)} (${sum.versionKey} behaviour), semantics \`${sum.semantics}\``,
        `${sum.nodeCounts.mshv} of ${sum.nodeCounts.total} nodes expose /dev/mshv; a new VM ${sum.newVm.runs ? 'runs' : 'cannot run'}${sum.ready ? ' (ready for L1VH)' : ''}`,
        ...(s.trusted ? [] : ['Untrusted workspace: offline on the embedded profile.']),
        ...s.notes.map((n) => `- ${md(n)}`),
        'Click to switch context or choose an offline profile.',
      ].join('\n\n'),
      true,
    );
    this.item.tooltip = tip;
    this.item.backgroundColor = s.source === 'embedded' && s.notes.some((n) => /unreachable|no cluster|cannot/.test(n)) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
