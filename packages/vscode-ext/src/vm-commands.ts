// Commands that act on "the VM under the cursor" (or the one a hover/CodeLens names): open its
// domain XML preview or its full explanation beside the manifest.

import * as vscode from 'vscode';
import { findVm, keyOf, vmAt, type AnalysisCache, type VmAnalysis, type VmKey } from './analysis/document-analysis.js';
import { vmDocumentUri, type VmContentProvider } from './providers/preview-content-provider.js';

export class VmCommands {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly preview: VmContentProvider,
    private readonly explanation: VmContentProvider,
  ) {}

  /** Opens the read-only domain XML beside the manifest; returns the preview document. */
  previewDomainXml(source?: string, key?: VmKey): Promise<vscode.TextDocument | undefined> {
    return this.openBeside(this.preview, 'xml', source, key);
  }

  explain(source?: string, key?: VmKey): Promise<vscode.TextDocument | undefined> {
    return this.openBeside(this.explanation, 'markdown', source, key);
  }

  private async openBeside(provider: VmContentProvider, language: string, source?: string, key?: VmKey): Promise<vscode.TextDocument | undefined> {
    const found = await this.resolve(source, key);
    if (!found) return undefined;
    const doc = await vscode.workspace.openTextDocument(vmDocumentUri(provider.kind, found.document.uri, keyOf(found.vm)));
    const typed = doc.languageId === language ? doc : await vscode.languages.setTextDocumentLanguage(doc, language).then((d) => d, () => doc);
    await vscode.window.showTextDocument(typed, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    return typed;
  }

  private async resolve(source?: string, key?: VmKey): Promise<{ document: vscode.TextDocument; vm: VmAnalysis } | undefined> {
    const editor = vscode.window.activeTextEditor;
    const document = source ? await vscode.workspace.openTextDocument(vscode.Uri.parse(source)) : editor?.document;
    if (!document || document.languageId !== 'yaml') {
      void vscode.window.showWarningMessage('l1vh: open a YAML manifest with a VirtualMachine first.');
      return undefined;
    }
    const analysis = this.cache.get(document);
    const vm = key
      ? findVm(analysis, key)
      : (vmAt(analysis, editor && editor.document === document ? document.offsetAt(editor.selection.active) : 0) ?? analysis.vms[0]);
    if (!vm) {
      void vscode.window.showWarningMessage(`l1vh: no VirtualMachine-like object in ${document.uri.path.split('/').pop()}.`);
      return undefined;
    }
    return { document, vm };
  }
}
