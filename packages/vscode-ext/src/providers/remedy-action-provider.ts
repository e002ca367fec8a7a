// Quick fixes that repair a finding (rename a misspelled key, add a feature gate, …): core's
// remedyFor computes the edits; this only turns them into a preferred CodeAction.

import * as vscode from 'vscode';
import { remedyFor } from '@l1vh/core';
import { DIAGNOSTIC_SOURCE, findingOf } from './diagnostics.js';

export class RemedyActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    let text: string | undefined;
    for (const d of context.diagnostics) {
      const finding = d.source === DIAGNOSTIC_SOURCE ? findingOf(d) : undefined;
      if (!finding?.range) continue;
      // The diagnostic's range in the current text; remedyFor checks the text there still fits.
      const range = { ...finding.range, start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) };
      const remedy = remedyFor({ ...finding, range }, (text ??= document.getText()));
      if (!remedy) continue;
      const action = new vscode.CodeAction(remedy.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const e of remedy.edits) action.edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
      action.diagnostics = [d];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
