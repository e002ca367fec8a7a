// Hover on a VM-like object: the full card on `kind`/`metadata.name`, a short field hover on
// anything under `spec` (with the Problems reported on that field).

import * as vscode from 'vscode';
import { keyOf, type AnalysisCache, type VmAnalysis } from '../analysis/document-analysis.js';
import { hoverContent } from '../analysis/hover-content.js';
import { COMMANDS, commandUri } from '../commands.js';
import type { CommandLinks, FieldProblem } from '../render/hover-markdown.js';
import { DIAGNOSTIC_SOURCE, findingOf } from './diagnostics.js';

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly targetLabel: () => string,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const links = (vm: VmAnalysis): CommandLinks => {
      const args = [document.uri.toString(), keyOf(vm)];
      return { preview: commandUri(COMMANDS.preview, args), explain: commandUri(COMMANDS.explain, args) };
    };
    const problems = (start: number, end: number): FieldProblem[] => {
      const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
      return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && range.contains(d.range.start)).map((d) => {
        const code = d.code ? String(typeof d.code === 'object' ? d.code.value : d.code) : undefined;
        const finding = findingOf(d);
        // The code is the finding's rule id (or input code) too, for a diagnostic VS Code copied.
        return { text: `${d.message}${code ? ` (${code})` : ''}`, rule: finding ? (finding.ruleId ?? finding.code) : code };
      });
    };
    const hover = hoverContent(this.cache.get(document), document.offsetAt(position), this.targetLabel(), links, problems);
    if (!hover) return undefined;
    const markdown = new vscode.MarkdownString(hover.markdown, true);
    markdown.isTrusted = { enabledCommands: [COMMANDS.preview, COMMANDS.explain] };
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(hover.start), document.positionAt(hover.end)));
  }
}
