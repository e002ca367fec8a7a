// Commands that act on "the VM under the cursor" (or the one a hover/CodeLens names): open its
// domain XML preview or its full explanation beside the manifest. They are called from the
// palette (no arguments), from hovers and CodeLenses (source URI string + VmKey) and from the
// editor-title button, which passes the file's Uri and `{ groupId }`: arguments are checked,
// never trusted.

import * as vscode from 'vscode';
import { findVm, keyOf, vmAt, type AnalysisCache, type VmAnalysis, type VmKey } from './analysis/document-analysis.js';
import { vmDocumentUri, type VmContentProvider } from './providers/preview-content-provider.js';

/** A source document from a command argument: a Uri (editor title/explorer) or a URI string. */
export function sourceArg(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.length > 0) return arg;
  if (arg instanceof vscode.Uri) return arg.toString();
  return undefined;
}

/** A VmKey from a command argument, or undefined for anything else (e.g. `{ groupId }`). */
export function vmKeyArg(arg: unknown): VmKey | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const k = arg as Record<string, unknown>;
  if (typeof k.kind !== 'string' || typeof k.name !== 'string' || typeof k.namespace !== 'string' || typeof k.index !== 'number') return undefined;
  return { kind: k.kind, name: k.name, namespace: k.namespace, index: k.index };
}

/** Backslash escapes of our markdown renderer (format.ts `md`), undone for a plain-text view. */
const MD_ESCAPE = /\\([\\`*_{}[\]()#+!|<>])/g;

export class VmCommands {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly preview: VmContentProvider,
    private readonly explanation: VmContentProvider,
  ) {}

  /** Opens the read-only domain XML beside the manifest; returns the preview document. */
  async previewDomainXml(source?: unknown, key?: unknown): Promise<vscode.TextDocument | undefined> {
    const found = await this.resolve(sourceArg(source), vmKeyArg(key));
    if (!found) return undefined;
    const doc = await this.open(this.preview, 'xml', found);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    return doc;
  }

  /**
   * Opens the full explanation rendered (VS Code's markdown preview, beside the manifest); where
   * the markdown preview is unavailable, as plain text. Returns the markdown source document.
   */
  async explain(source?: unknown, key?: unknown): Promise<vscode.TextDocument | undefined> {
    const found = await this.resolve(sourceArg(source), vmKeyArg(key));
    if (!found) return undefined;
    const doc = await this.open(this.explanation, 'markdown', found);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);
    } catch {
      const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: doc.getText().replace(MD_ESCAPE, '$1') });
      await vscode.window.showTextDocument(plain, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    }
    return doc;
  }

  private async open(provider: VmContentProvider, language: string, found: { document: vscode.TextDocument; vm: VmAnalysis }): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(vmDocumentUri(provider.kind, found.document.uri, keyOf(found.vm)));
    return doc.languageId === language ? doc : vscode.languages.setTextDocumentLanguage(doc, language).then((d) => d, () => doc);
  }

  private async resolve(source?: string, key?: VmKey): Promise<{ document: vscode.TextDocument; vm: VmAnalysis } | undefined> {
    const editor = vscode.window.activeTextEditor;
    const document = source ? await vscode.workspace.openTextDocument(vscode.Uri.parse(source)) : editor?.document;
    if (!document || document.languageId !== 'yaml') {
      void vscode.window.showWarningMessage('l1vh: open a YAML manifest with a VirtualMachine first.');
      return undefined;
    }
    const analysis = this.cache.get(document);
    // Without a key: the VM at the cursor of an editor showing the document, else the first one.
    const shown = editor?.document === document ? editor : vscode.window.visibleTextEditors.find((e) => e.document === document);
    const vm = key
      ? findVm(analysis, key)
      : (vmAt(analysis, shown ? document.offsetAt(shown.selection.active) : 0) ?? analysis.vms[0]);
    if (!vm) {
      void vscode.window.showWarningMessage(`l1vh: no VirtualMachine-like object in ${document.uri.path.split('/').pop()}.`);
      return undefined;
    }
    return { document, vm };
  }
}
