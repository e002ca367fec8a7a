// Explains every VM-like object of a YAML document with the current target profile, cached by
// document version, so hover, CodeLens and preview share one run of core's pipeline.

import type * as vscode from 'vscode';
import { explainObject, isVmLike, loadObjects, locate, type Explained, type ExplainItem, type ManifestObject } from '@l1vh/core';
import { profileFor, type TargetState } from '../cluster/target-cluster.js';

export interface VmAnalysis {
  /** Position of the object among the document's VM-like objects. */
  index: number;
  object: ManifestObject;
  item: ExplainItem;
  explained: Explained;
  /** Offsets of the object in the document. */
  start: number;
  end: number;
}

export interface DocumentAnalysis {
  version: number;
  vms: VmAnalysis[];
}

/** What identifies a VM across edits: kind, namespace and name (index as a tie-breaker). */
export interface VmKey {
  kind: string;
  namespace: string;
  name: string;
  index: number;
}

export function analyseText(path: string, text: string, target: TargetState): VmAnalysis[] {
  const loaded = loadObjects([{ path, text }]);
  const profile = profileFor(target, loaded.objects);
  return loaded.objects.filter((o) => isVmLike(o.kind)).map((object, index) => {
    const explained = explainObject(object, profile);
    const span = locate(object);
    return {
      index,
      object,
      item: explained.item,
      explained,
      start: span ? (span.keyStart ?? span.start) : object.source.doc.start,
      end: span ? span.end : object.source.doc.end,
    };
  });
}

export class AnalysisCache {
  private readonly entries = new Map<string, DocumentAnalysis>();

  constructor(private readonly target: () => TargetState) {}

  get(document: vscode.TextDocument): DocumentAnalysis {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version) return hit;
    const analysis = { version: document.version, vms: analyseText(pathOf(document.uri), document.getText(), this.target()) };
    this.entries.set(key, analysis);
    return analysis;
  }

  invalidate(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The innermost VM whose object span contains the offset (or the only VM of the file). */
export function vmAt(analysis: DocumentAnalysis, offset: number): VmAnalysis | undefined {
  const containing = analysis.vms.filter((v) => v.start <= offset && offset <= v.end);
  if (containing.length > 0) return containing.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
  return analysis.vms.length === 1 ? analysis.vms[0] : undefined;
}

export function keyOf(vm: VmAnalysis): VmKey {
  return { kind: vm.item.kind, namespace: vm.item.namespace, name: vm.item.name, index: vm.index };
}

export function findVm(analysis: DocumentAnalysis, key: VmKey): VmAnalysis | undefined {
  const same = analysis.vms.filter((v) => v.item.kind === key.kind && v.item.name === key.name && v.item.namespace === key.namespace);
  return same.find((v) => v.index === key.index) ?? same[0] ?? analysis.vms[key.index];
}

export function pathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
