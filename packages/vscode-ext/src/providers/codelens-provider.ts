// A CodeLens above each VM: hypervisor · overhead · pod memory, and a link to the XML preview.

import * as vscode from 'vscode';
import { keyOf, type AnalysisCache } from '../analysis/document-analysis.js';
import { COMMANDS } from '../commands.js';
import { mebibytes, outcome, quantity } from '../render/format.js';

export class CodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly cache: AnalysisCache) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const vm of this.cache.get(document).vms) {
      const at = document.positionAt(vm.start);
      const range = new vscode.Range(at, at);
      const parts = [outcome(vm.item)];
      if (vm.item.overheadBytes !== null) parts.push(`overhead ${mebibytes(vm.item.overheadBytes)}`);
      const pod = quantity(vm.item.launcherResources?.requests.memory);
      if (pod) parts.push(`pod ${pod}`);
      const args = [document.uri.toString(), keyOf(vm)];
      lenses.push(new vscode.CodeLens(range, { title: parts.join(' · '), command: COMMANDS.explain, arguments: args, tooltip: vm.item.decision.summary }));
      lenses.push(new vscode.CodeLens(range, { title: 'Preview XML', command: COMMANDS.preview, arguments: args }));
    }
    return lenses;
  }

  refresh(): void {
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
