// Read-only virtual documents about one VM of a manifest, re-rendered when the manifest or the
// target changes: `l1vh-domain:` (the domain XML) and `l1vh-explain:` (the full explanation).

import * as vscode from 'vscode';
import type { AnalysisCache, VmKey } from '../analysis/document-analysis.js';
import { vmDocumentText, type VmRender } from '../analysis/vm-document.js';

export const PREVIEW_SCHEME = 'l1vh-domain';
export const EXPLAIN_SCHEME = 'l1vh-explain';

interface VmQuery {
  source: string;
  vm: VmKey;
}

export interface VmDocumentKind {
  scheme: string;
  /** File suffix: gives the tab title and the language (.xml, .md). */
  suffix: string;
  render: VmRender;
}

/** URI of a VM's document: the path gives the tab title and language, the query the source. */
export function vmDocumentUri(kind: VmDocumentKind, source: vscode.Uri, vm: VmKey): vscode.Uri {
  const query: VmQuery = { source: source.toString(), vm };
  const name = `${vm.name || vm.kind}${kind.suffix}`.replace(/[/\\]/g, '_');
  return vscode.Uri.from({ scheme: kind.scheme, path: `/${name}`, query: JSON.stringify(query) });
}

function parseQuery(uri: vscode.Uri): VmQuery | undefined {
  try {
    return JSON.parse(uri.query) as VmQuery;
  } catch {
    return undefined;
  }
}

export class VmContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(
    readonly kind: VmDocumentKind,
    private readonly cache: AnalysisCache,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = parseQuery(uri);
    if (!q) return this.kind.render(undefined, `bad address ${uri.toString()}`, () => undefined);
    const source = await vscode.workspace.openTextDocument(vscode.Uri.parse(q.source));
    return vmDocumentText(this.cache.get(source), q.vm, source.uri.path.split('/').pop() ?? '', this.kind.render);
  }

  /** Re-renders open documents of a source (of all sources when none is given). */
  update(source?: vscode.Uri): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== this.kind.scheme) continue;
      if (source && parseQuery(doc.uri)?.source !== source.toString()) continue;
      this.emitter.fire(doc.uri);
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
