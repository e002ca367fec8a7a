// Hover on a VM-like object (kind, metadata.name, or anything under spec): outcome, trace,
// overhead and launcher resources, plus what the hovered field itself changes.

import * as vscode from 'vscode';
import { keyOf, type AnalysisCache, type VmAnalysis } from '../analysis/document-analysis.js';
import { hoverContent } from '../analysis/hover-content.js';
import type { TargetCluster } from '../cluster/target-cluster.js';
import { COMMANDS, commandUri } from '../commands.js';
import type { CommandLinks } from '../render/hover-markdown.js';

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly target: TargetCluster,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const links = (vm: VmAnalysis): CommandLinks => {
      const args = [document.uri.toString(), keyOf(vm)];
      return { preview: commandUri(COMMANDS.preview, args), explain: commandUri(COMMANDS.explain, args) };
    };
    const hover = hoverContent(this.cache.get(document), document.offsetAt(position), this.target.current.label, links);
    if (!hover) return undefined;
    const markdown = new vscode.MarkdownString(hover.markdown, true);
    markdown.isTrusted = { enabledCommands: [COMMANDS.preview, COMMANDS.explain] };
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(hover.start), document.positionAt(hover.end)));
  }
}
