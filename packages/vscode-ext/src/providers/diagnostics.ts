// Workspace lint: core's lintSources per YAML file of the workspace index, findings in the
// Problems panel, against the target plus the workspace's context objects (so an instancetype in
// another file resolves). Only files that changed, or whose VMs may depend on a changed context
// object, are re-checked; open documents are checked from their (unsaved) text, with the explain
// results the CodeLens and hover show, so all of them agree.

import * as vscode from 'vscode';
import { readText } from '../workspace/read-text.js';
import { LineIndex, lintParsed, lintSources, type ClusterProfile, type Explained, type Finding, type LintConfig } from '@l1vh/core';
import { pathOf, type AnalysisCache } from '../analysis/document-analysis.js';
import type { Config } from '../config.js';
import { LINT_CONFIG_FILE, readLintConfig } from '../lint/lint-config-file.js';
import type { WorkspaceIndex } from '../workspace/workspace-index.js';

export const DIAGNOSTIC_SOURCE = 'l1vh';

const SEVERITY: Readonly<Record<Finding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function isYaml(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled' || document.uri.scheme === 'vscode-remote');
}

/** The finding behind each diagnostic, for quick fixes (VS Code hands providers the same instances). */
const FINDING_OF = new WeakMap<vscode.Diagnostic, Finding>();

export function findingOf(d: vscode.Diagnostic): Finding | undefined {
  return FINDING_OF.get(d);
}

export function toDiagnostics(lines: LineIndex, text: string, findings: readonly Finding[]): vscode.Diagnostic[] {
  const pos = (offset: number): vscode.Position => {
    const lp = lines.linePos(Math.max(0, Math.min(offset, text.length)));
    return new vscode.Position(lp.line - 1, lp.col - 1);
  };
  return findings.map((f) => {
    const range = f.range ? new vscode.Range(pos(f.range.start), pos(Math.max(f.range.end, f.range.start))) : new vscode.Range(0, 0, 0, 0);
    const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = f.ruleId ?? f.code;
    FINDING_OF.set(d, f);
    return d;
  });
}

export class WorkspaceDiagnostics {
  /** `.l1vh.yaml` per workspace folder, read once per workspace check. */
  private readonly lintConfigs = new Map<string, Promise<LintConfig>>();

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    /** The target's profile plus the workspace's context objects. */
    private readonly profile: () => ClusterProfile,
    private readonly config: Config,
    private readonly cache: AnalysisCache,
    private readonly index: WorkspaceIndex,
  ) {}

  private async effectiveConfig(uri: vscode.Uri): Promise<LintConfig> {
    const folder = (vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0])?.uri.toString() ?? '';
    let fileConfig = this.lintConfigs.get(folder);
    if (!fileConfig) this.lintConfigs.set(folder, (fileConfig = readLintConfig(uri)));
    return this.config.lintConfig(await fileConfig);
  }

  /** Checks one file: an open document from its (incremental) parse, else the file on disk. */
  async check(uri: vscode.Uri): Promise<void> {
    if (!this.config.settings.lintEnabled) return;
    if (uri.path.endsWith(`/${LINT_CONFIG_FILE}`)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      const config = await this.effectiveConfig(uri);
      // Read after the await: the document may have changed meanwhile.
      const analysis = this.cache.get(open);
      // The explain results CodeLens, hover and preview show: Problems cannot disagree with them.
      const explained = new Map<unknown, Explained>(analysis.vms.map((vm) => [vm.object.value, vm.explain(false)]));
      this.collection.set(uri, toDiagnostics(analysis.parse.file.lines, analysis.parse.text, lintParsed([analysis.parse], this.profile(), { config, explained }).findings));
      return;
    }
    const text = await readText(uri);
    if (text === undefined) {
      this.collection.delete(uri);
      return;
    }
    const config = await this.effectiveConfig(uri);
    const result = lintSources([{ path: pathOf(uri), text }], this.profile(), { config });
    this.collection.set(uri, toDiagnostics(new LineIndex(text), text, result.findings));
  }

  private lastWorkspaceCheck: Promise<number> = Promise.resolve(0);

  /** Checks every YAML file of the workspace (on start, target or settings changes). */
  checkWorkspace(): Promise<number> {
    this.lastWorkspaceCheck = this.lastWorkspaceCheck.then(() => this.checkAll(), () => this.checkAll());
    return this.lastWorkspaceCheck;
  }

  /** Resolves when the latest workspace check has finished. */
  settled(): Promise<number> {
    return this.lastWorkspaceCheck;
  }

  private async checkAll(): Promise<number> {
    this.collection.clear();
    this.lintConfigs.clear();
    if (!this.config.settings.lintEnabled) return 0;
    await this.index.ready();
    const files = this.index.filesAndOpen(isYaml);
    for (const uri of files) await this.check(uri);
    return files.length;
  }

  /** `.l1vh.yaml` changed: every file's severities may change. */
  async configFileChanged(): Promise<void> {
    await this.checkWorkspace();
  }

  /** A closed document's problems come from its saved text again (or go, outside the index). */
  async closed(uri: vscode.Uri): Promise<void> {
    if (this.index.isIndexed(uri)) await this.check(uri);
    else this.collection.delete(uri);
  }

  /** Re-checks some files (those whose VMs may depend on a changed context object). */
  async checkFiles(uris: readonly vscode.Uri[]): Promise<void> {
    for (const uri of uris) await this.check(uri);
  }

  delete(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }
}
