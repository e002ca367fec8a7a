// Status-bar item for the VM at the cursor: its verdict, the same line the CodeLens shows.
// Clicking it opens the full explanation.

import * as vscode from 'vscode';
import { keyOf, vmAt, type AnalysisCache } from '../analysis/document-analysis.js';
import { COMMANDS } from '../commands.js';
import { md, vmTitle } from '../render/format.js';
import { isYaml } from './diagnostics.js';
import { causeText, shorten, verdictOf } from '../render/verdict.js';

const STATUS_CHARS = 60;
/** Cursor moves while typing: the item follows once they pause. */
const SETTLE_MS = 150;

export class VmStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('l1vh.verdict', vscode.StatusBarAlignment.Left, 9);

  constructor(private readonly cache: AnalysisCache) {
    this.item.name = 'l1vh verdict of the VM at the cursor';
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Updates after the cursor settles. */
  schedule(editor: vscode.TextEditor | undefined): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(editor), SETTLE_MS);
  }

  /** The item's text (for the tests), '' when hidden. */
  get text(): string {
    return this.item.text;
  }

  update(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): void {
    const doc = editor?.document;
    const analysis = doc && isYaml(doc) ? this.cache.get(doc) : undefined;
    const vm = analysis && editor ? vmAt(analysis, doc!.offsetAt(editor.selection.active)) ?? analysis.vms[0] : undefined;
    if (!vm || !doc) {
      this.item.hide();
      this.item.text = '';
      return;
    }
    const v = verdictOf(vm.item, analysis!.files);
    this.item.text = `${v.verdict === 'runs' ? '$(pass)' : '$(error)'} ${vm.item.name || vm.item.kind}: ${shorten(v.headline, STATUS_CHARS)}`;
    this.item.tooltip = new vscode.MarkdownString([`**${md(vmTitle(vm.item))}**: ${md(v.headline)}`, ...v.causes.map((c) => `- ${causeText(c, { markdown: true, field: false })}`), '', 'Click for the full explanation.'].join('\n'), true);
    this.item.command = { title: 'Explain', command: COMMANDS.explain, arguments: [doc.uri.toString(), keyOf(vm)] };
    this.item.backgroundColor = v.verdict === 'runs' ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }
}
