// Quick fix for an l1vh rule finding: `# l1vh-disable-next-line RULE` above its line.

import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';

export const SUPPRESS_PREFIX = '# l1vh-disable-next-line';

/** Input problems (YAML_SYNTAX …) cannot be suppressed; rule ids are kebab-case. */
const RULE_ID = /^[a-z][a-z0-9-]*$/;

export class SuppressActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const rule = typeof d.code === 'string' ? d.code : typeof d.code === 'object' ? String(d.code.value) : '';
      if (d.source !== DIAGNOSTIC_SOURCE || !RULE_ID.test(rule)) continue;
      const line = document.lineAt(d.range.start.line);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const action = new vscode.CodeAction(`Suppress ${rule} on this line`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, line.range.start, `${indent}${SUPPRESS_PREFIX} ${rule}\n`);
      action.diagnostics = [d];
      actions.push(action);
    }
    return actions;
  }
}
