// A CodeLens above each VM: the verdict (hypervisor when it runs, else why not) · overhead · pod
// memory, and a link to the XML preview. Long reasons are shortened; the tooltip has them whole.

import * as vscode from 'vscode';
import { keyOf, type AnalysisCache } from '../analysis/document-analysis.js';
import { COMMANDS } from '../commands.js';
import { mebibytes, quantity } from '../render/format.js';
import { causeText, shorten, verdictOf } from '../render/verdict.js';

/** Characters of the verdict line in a CodeLens (the rest is in its tooltip). */
export const LENS_VERDICT_CHARS = 72;

export class CodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly cache: AnalysisCache) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    const analysis = this.cache.get(document);
    for (const vm of analysis.vms) {
      const at = document.positionAt(vm.start);
      const range = new vscode.Range(at, at);
      const item = vm.item;
      const v = verdictOf(item, analysis.files);
      const parts = [`${v.verdict === 'runs' ? '' : '$(error) '}${shorten(v.headline, LENS_VERDICT_CHARS)}`];
      if (v.verdict === 'runs' || v.verdict === 'unschedulable') {
        if (item.overheadBytes !== null) parts.push(`overhead ${mebibytes(item.overheadBytes)}`);
        const pod = quantity(item.launcherResources?.requests.memory);
        if (pod) parts.push(`pod ${pod}`);
      }
      const tooltip = [v.headline, ...v.causes.slice(1).map((c) => causeText(c, { field: false })), item.decision.summary].filter((t, i, all) => all.indexOf(t) === i).join('\n');
      const args = [document.uri.toString(), keyOf(vm)];
      lenses.push(new vscode.CodeLens(range, { title: parts.join(' · '), command: COMMANDS.explain, arguments: args, tooltip }));
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
