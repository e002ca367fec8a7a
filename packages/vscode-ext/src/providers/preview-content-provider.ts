// Read-only `l1vh-domain:` documents: the domain XML of one VM of a manifest, re-rendered when
// the manifest or the target changes.

import * as vscode from 'vscode';
import { findVm, type AnalysisCache, type VmKey } from '../analysis/document-analysis.js';
import { previewText } from '../render/preview-text.js';

export const PREVIEW_SCHEME = 'l1vh-domain';

interface PreviewQuery {
  source: string;
  vm: VmKey;
}

/** Preview URI of a VM: the path gives the tab title and the .xml language, the query the source. */
export function previewUri(source: vscode.Uri, vm: VmKey): vscode.Uri {
  const query: PreviewQuery = { source: source.toString(), vm };
  const name = `${vm.name || vm.kind}.domain.xml`.replace(/[/\\]/g, '_');
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}`, query: JSON.stringify(query) });
}

function parseQuery(uri: vscode.Uri): PreviewQuery | undefined {
  try {
    return JSON.parse(uri.query) as PreviewQuery;
  } catch {
    return undefined;
  }
}

export class PreviewContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly cache: AnalysisCache) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = parseQuery(uri);
    if (!q) return previewText(undefined, `bad preview address ${uri.toString()}`);
    const source = await vscode.workspace.openTextDocument(vscode.Uri.parse(q.source));
    const vm = findVm(this.cache.get(source), q.vm);
    return previewText(vm?.item, `${q.vm.kind} ${q.vm.namespace}/${q.vm.name} is no longer in ${source.uri.path.split('/').pop()}`);
  }

  /** Re-renders open previews of a source (all sources when none is given). */
  update(source?: vscode.Uri): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== PREVIEW_SCHEME) continue;
      if (source && parseQuery(doc.uri)?.source !== source.toString()) continue;
      this.emitter.fire(doc.uri);
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
