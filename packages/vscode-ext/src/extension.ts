// Assembles the extension: builds the providers, wires events, registers everything once and
// hands every Disposable to the context. No cluster I/O here: the target loads and the workspace
// is indexed in the background.

import * as vscode from 'vscode';
import { AnalysisCache } from './analysis/document-analysis.js';
import { TargetCluster, type TargetState } from './cluster/target-cluster.js';
import { COMMANDS } from './commands.js';
import { Config, type Settings } from './config.js';
import { Debouncer, documentLength } from './document-events.js';
import { LINT_CONFIG_FILE } from './lint/lint-config-file.js';
import { CodeLensProvider } from './providers/codelens-provider.js';
import { isYaml, WorkspaceDiagnostics } from './providers/diagnostics.js';
import { HoverProvider } from './providers/hover-provider.js';
import { EXPLAIN_SCHEME, PREVIEW_SCHEME, VmContentProvider } from './providers/preview-content-provider.js';
import { RemedyActionProvider } from './providers/remedy-action-provider.js';
import { StatusBar, statusText } from './providers/status-bar.js';
import { SuppressActionProvider } from './providers/suppress-action-provider.js';
import { explainMarkdown } from './render/explain-markdown.js';
import { previewText } from './render/preview-text.js';
import { VmStatus } from './providers/vm-status.js';
import { pickTarget } from './target-picker.js';
import { VmCommands } from './vm-commands.js';
import { WorkspaceIndex, YAML_GLOB } from './workspace/workspace-index.js';
import { WorkspaceTarget } from './workspace/workspace-target.js';
import { WHATIF_SCHEME, WhatIfCommands } from './whatif-command.js';

const YAML: vscode.DocumentSelector = [{ language: 'yaml' }];
const DEBOUNCE_MS = 250;
/** Settings that change which cluster profile is used. */
const TARGET_KEYS = ['profile', 'kubeconfig', 'context'] as const;

/** What the extension returns from activate (used by its tests). */
export interface L1vhApi {
  target(): TargetState;
  /** Milliseconds from the bundle starting to load to activate() returning. */
  activationMs: number;
  /** Resolves when the first target load, workspace index and workspace lint have finished. */
  ready(): Promise<void>;
  /** The workspace's context objects that join the target profile (`Kind ns/name`). */
  workspaceObjects(): string[];
  /** Files indexed, and the last full index build (milliseconds, longest slice). */
  index(): { files: number; ms: number; longestSliceMs: number };
  /** The status-bar verdict of the VM at the cursor ('' when hidden). */
  verdictStatus(): string;
  /** The last index updates, newest last (for test failure messages). */
  indexLog(): string[];
}

export function activate(context: vscode.ExtensionContext): L1vhApi {
  const activateStart = performance.now();
  const config = new Config();
  const target = new TargetCluster(config);
  const index = new WorkspaceIndex(config);
  const combined = new WorkspaceTarget(() => target.current, () => ({ version: index.context.version, objects: index.context.objects() }));
  const cache = new AnalysisCache(() => combined.current());
  const collection = vscode.languages.createDiagnosticCollection('l1vh');
  const diagnostics = new WorkspaceDiagnostics(collection, () => combined.current().profile, config, cache, index);
  const preview = new VmContentProvider({ scheme: PREVIEW_SCHEME, suffix: '.domain.xml', render: previewText }, cache);
  const explanation = new VmContentProvider(
    { scheme: EXPLAIN_SCHEME, suffix: '.explain.md', render: (item, missing, files) => (item ? explainMarkdown(item, files, target.current.label, target.current.notes) : `l1vh: ${missing}\n`) },
    cache,
  );
  const codeLens = new CodeLensProvider(cache);
  const statusBar = new StatusBar();
  const vmStatus = new VmStatus(cache);
  const log = vscode.window.createOutputChannel('l1vh', { log: true });
  const commands = new VmCommands(cache, preview, explanation);
  const whatIf = new WhatIfCommands(target, { profile: () => combined.current().profile, files: () => index.ready().then(() => index.filesAndOpen((d) => d.languageId === 'yaml')) });

  const documentChanged = new Debouncer(DEBOUNCE_MS, (doc) => {
    // An indexed file re-indexes itself; the index then re-checks it and the files depending on it,
    // and when a context object changed its listener has refreshed every view already.
    if (index.includes(doc.uri)) {
      if (index.documentChanged(doc)) return;
    } else void diagnostics.check(doc.uri);
    preview.update(doc.uri);
    explanation.update(doc.uri);
    codeLens.refresh();
    vmStatus.update();
  });
  const refreshViews = (): void => {
    preview.update();
    explanation.update();
    codeLens.refresh();
    vmStatus.update();
  };
  const retarget = (): void => {
    cache.clear();
    refreshViews();
    void diagnostics.checkWorkspace();
  };
  let targetSettings: Settings = { ...config.settings };
  const watcher = vscode.workspace.createFileSystemWatcher(YAML_GLOB);
  const onDisk = (uri: vscode.Uri): void => {
    if (uri.path.endsWith(`/${LINT_CONFIG_FILE}`)) void diagnostics.configFileChanged();
    else void index.fileChanged(uri); // open documents are indexed from their text instead
  };
  const indexLog: string[] = [];
  const reindex = (): void => void index.rebuild().then(() => diagnostics.checkWorkspace());

  context.subscriptions.push(
    config, target, index, collection, preview, explanation, codeLens, statusBar, vmStatus, log, documentChanged, watcher,
    vscode.languages.registerHoverProvider(YAML, new HoverProvider(cache, () => target.current.label)),
    vscode.languages.registerCodeLensProvider(YAML, codeLens),
    vscode.languages.registerCodeActionsProvider(YAML, new RemedyActionProvider(), { providedCodeActionKinds: RemedyActionProvider.kinds }),
    vscode.languages.registerCodeActionsProvider(YAML, new SuppressActionProvider(), { providedCodeActionKinds: SuppressActionProvider.kinds }),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanation),
    whatIf,
    vscode.workspace.registerTextDocumentContentProvider(WHATIF_SCHEME, whatIf),
    // Arguments vary by caller (palette: none; hover/CodeLens: URI string + VmKey; editor title: Uri + { groupId }).
    vscode.commands.registerCommand(COMMANDS.preview, (source?: unknown, key?: unknown) => commands.previewDomainXml(source, key)),
    vscode.commands.registerCommand(COMMANDS.explain, (source?: unknown, key?: unknown) => commands.explain(source, key)),
    vscode.commands.registerCommand(COMMANDS.selectTarget, () => pickTarget(config, target)),
    vscode.commands.registerCommand(COMMANDS.refreshCluster, () => target.refresh()),
    vscode.commands.registerCommand(COMMANDS.whatIfHyperVDirect, () => whatIf.hyperVDirect()),
    vscode.commands.registerCommand(COMMANDS.whatIf, () => whatIf.pick()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      cache.update(e.document, e.contentChanges, documentLength(e.document)); // re-parses only the edited YAML document
      if (isYaml(e.document)) documentChanged.schedule(e.document);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isYaml(doc)) void diagnostics.check(doc.uri);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.uri.path.endsWith(`/${LINT_CONFIG_FILE}`)) void diagnostics.configFileChanged();
      else if (isYaml(doc)) void diagnostics.check(doc.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      cache.invalidate(doc.uri);
      if (!isYaml(doc)) return;
      if (!index.includes(doc.uri)) {
        void diagnostics.closed(doc.uri);
        return;
      }
      // Unsaved edits are gone: the file on disk counts again, and the index's change re-checks it
      // (a file gone from disk leaves the index: its problems go).
      void index.fileChanged(doc.uri).then(() => {
        if (!index.isIndexed(doc.uri)) diagnostics.delete(doc.uri);
      });
    }),
    watcher.onDidCreate(onDisk),
    watcher.onDidChange(onDisk),
    watcher.onDidDelete((uri) => {
      diagnostics.delete(uri);
      for (const file of index.fileDeleted(uri)) diagnostics.delete(file);
    }),
    index.onDidChange((change) => {
      const line = `index ${change.all ? 'rebuilt' : 'updated'}, context ${change.context ? 'changed' : 'same'}, re-checking ${change.all ? `${change.files.length} files` : change.files.map((f) => vscode.workspace.asRelativePath(f)).join(', ')}`;
      log.trace(line);
      indexLog.push(line);
      if (indexLog.length > 20) indexLog.shift();
      if (change.context) refreshViews();
      if (!change.all) void diagnostics.checkFiles(change.files);
      if (change.all) log.info(`workspace index: ${index.lastBuild.files} YAML files, ${index.context.objects().length} context objects, ${index.lastBuild.ms} ms (longest slice ${index.lastBuild.longestSliceMs} ms)`);
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => vmStatus.update(e)),
    vscode.window.onDidChangeTextEditorSelection((e) => vmStatus.schedule(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('search.exclude')) reindex();
    }),
    target.onDidChange((state) => {
      log.info(`target: ${statusText(state)}`);
      for (const note of state.notes) log.warn(note);
      statusBar.show(state);
      retarget();
    }),
    config.onDidChange((now) => {
      target.schedule();
      const excludeChanged = JSON.stringify(now.exclude) !== JSON.stringify(targetSettings.exclude);
      const targetChanged = TARGET_KEYS.some((k) => now[k] !== targetSettings[k]);
      if (excludeChanged) reindex();
      if (targetChanged) void target.refresh(); // re-lints on change
      if (!excludeChanged && !targetChanged) retarget(); // lint switches and severities
      targetSettings = { ...now };
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void target.refresh()),
  );

  statusBar.show(target.current);
  // Everything that reads files or the network starts after activation has returned.
  let started: Promise<void> | undefined;
  const start = (): Promise<void> => {
    started ??= new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      target.schedule();
      void index.ready(); // lists and indexes the workspace in time slices
      await target.whenReady(); // fires target.onDidChange, which re-lints the workspace (after the index)
      await index.ready();
      await diagnostics.settled();
    });
    return started;
  };
  void start();
  const loadStart = (globalThis as { __l1vhLoadStart?: number }).__l1vhLoadStart ?? activateStart;
  const activationMs = Math.round(performance.now() - loadStart);
  log.info(`activated in ${activationMs} ms (bundle load + activate; cluster data loads in the background)`);
  return {
    target: () => target.current,
    ready: start,
    activationMs,
    workspaceObjects: () => index.context.objects().map((o) => `${o.kind} ${o.namespace ?? ''}/${o.name}`),
    index: () => ({ ...index.lastBuild, files: index.files().length }),
    verdictStatus: () => vmStatus.text,
    indexLog: () => [...indexLog],
  };
}
