// Hover on a VM-like object (kind, metadata.name, or anything under spec): outcome, trace,
// overhead and launcher resources, plus what the hovered field itself changes.

import * as vscode from 'vscode';
import type { SourcePosition } from '@l1vh/core';
import { keyOf, pathOf, vmAt, type AnalysisCache } from '../analysis/document-analysis.js';
import { fieldAtOffset } from '../analysis/path-at-offset.js';
import type { TargetCluster } from '../cluster/target-cluster.js';
import { hoverMarkdown, type FieldFocus } from '../render/hover-markdown.js';
import { COMMANDS, commandUri } from '../commands.js';

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly target: TargetCluster,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const vm = vmAt(this.cache.get(document), offset);
    if (!vm || offset < vm.start || offset > vm.end) return undefined;
    const field = fieldAtOffset(document.getText(), offset);
    if (!field) return undefined;
    const rel = field.path.slice(vm.object.source.path.length);
    const head = rel[0];
    const onObject = head === 'kind' || head === 'spec' || (head === 'metadata' && rel[1] === 'name' && rel.length === 2);
    if (!onObject) return undefined;
    const focus: FieldFocus | undefined = head === 'spec' && rel.length > 1
      ? { label: rel.join('.'), contains: (pos) => contains(document, pos, field.keyStart, field.end) }
      : undefined;
    const args = [document.uri.toString(), keyOf(vm)];
    const markdown = new vscode.MarkdownString(
      hoverMarkdown(vm.item, this.target.current.label, focus, { preview: commandUri(COMMANDS.preview, args), explain: commandUri(COMMANDS.explain, args) }),
      true,
    );
    markdown.isTrusted = { enabledCommands: [COMMANDS.preview, COMMANDS.explain] };
    const range = new vscode.Range(document.positionAt(field.keyStart), document.positionAt(field.keyEnd));
    return new vscode.Hover(markdown, range);
  }
}

/** Whether a core source position (1-based, in some file) lies inside [start, end] of this document. */
function contains(document: vscode.TextDocument, pos: SourcePosition, start: number, end: number): boolean {
  if (pos.file !== pathOf(document.uri)) return false;
  const offset = document.offsetAt(new vscode.Position(pos.line - 1, pos.col - 1));
  return offset >= start && offset <= end;
}
