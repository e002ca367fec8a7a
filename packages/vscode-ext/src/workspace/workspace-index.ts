// The workspace's YAML files: which ones there are (minus excluded folders) and the context
// objects they hold. Built in the background in time slices; afterwards a created, changed or
// deleted file (or an edited open document) re-indexes only itself, and the files whose VMs may
// depend on what changed are reported so their diagnostics follow.

import * as vscode from 'vscode';
import { pathOf } from '../analysis/document-analysis.js';
import type { Config } from '../config.js';
import { ContextIndex, inSlices, type ContextChange } from './context-index.js';
import { readText } from './read-text.js';
import { ALWAYS_EXCLUDED, enabledPatterns, excludeMatcher } from './exclude.js';

export const YAML_GLOB = '**/*.{yaml,yml}';
const MAX_FILES = 20_000;

export interface IndexChange {
  /** Files to re-check (dependents of changed context objects, and the changed file). */
  files: vscode.Uri[];
  /** The set of context objects changed (the profile documents use is new). */
  context: boolean;
  /** The whole index was rebuilt. */
  all: boolean;
}

export class WorkspaceIndex implements vscode.Disposable {
  readonly context = new ContextIndex();
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly emitter = new vscode.EventEmitter<IndexChange>();
  readonly onDidChange = this.emitter.event;
  private excluded: (rel: string) => boolean = () => false;
  private building: Promise<void> | undefined;
  private generation = 0;
  /** Last full build: files and milliseconds (shown in the output channel). */
  lastBuild = { files: 0, ms: 0, longestSliceMs: 0 };

  constructor(private readonly config: Config) {}

  /** Lists and indexes the workspace (again). Resolves when done; a newer rebuild supersedes it. */
  rebuild(): Promise<void> {
    const generation = ++this.generation;
    this.building = this.build(generation);
    return this.building;
  }

  ready(): Promise<void> {
    return this.building ?? this.rebuild();
  }

  /** The indexed files. */
  files(): vscode.Uri[] {
    return [...this.uris.values()];
  }

  /** The indexed files, then the open documents `accept` takes that are not among them. */
  filesAndOpen(accept: (document: vscode.TextDocument) => boolean): vscode.Uri[] {
    return withOpenDocuments(this.files(), accept);
  }

  isIndexed(uri: vscode.Uri): boolean {
    return this.uris.has(uri.toString());
  }

  /** Whether a path is in a workspace folder and not excluded. */
  includes(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !/\.ya?ml$/i.test(uri.path)) return false;
    return !this.excluded(vscode.workspace.asRelativePath(uri, false));
  }

  /** A file was created or changed on disk (open documents are indexed from their text instead). */
  async fileChanged(uri: vscode.Uri): Promise<void> {
    if (!this.includes(uri) || isOpen(uri)) return;
    const text = await readText(uri);
    if (text === undefined) this.fileDeleted(uri);
    else this.put(uri, text);
  }

  /**
   * An open document's text changed (or it was opened/closed with unsaved changes). Returns whether
   * the workspace's context objects changed (onDidChange then said so).
   */
  documentChanged(document: vscode.TextDocument): boolean {
    return this.includes(document.uri) && this.put(document.uri, document.getText());
  }

  /** A file, or a folder with indexed files below it, was deleted; returns the files dropped. */
  fileDeleted(uri: vscode.Uri): vscode.Uri[] {
    const key = uri.toString();
    const gone = [...this.uris].filter(([k]) => k === key || k.startsWith(`${key}/`));
    if (gone.length === 0) return [];
    const merged: ContextChange = { changed: false, names: new Set(), kubevirt: false };
    for (const [k] of gone) {
      this.uris.delete(k);
      const c = this.context.delete(k);
      merged.changed ||= c.changed;
      merged.kubevirt ||= c.kubevirt;
      for (const n of c.names) merged.names.add(n);
    }
    this.report(merged, []);
    return gone.map(([, u]) => u);
  }

  /** Indexes a file's text; returns whether the context objects changed. */
  private put(uri: vscode.Uri, text: string): boolean {
    const key = uri.toString();
    this.uris.set(key, uri);
    const change = this.context.set(key, pathOf(uri), text);
    this.report(change, [uri]);
    return change.changed;
  }

  private report(change: ContextChange, extra: vscode.Uri[]): void {
    if (!change.changed && extra.length === 0) return;
    const files = change.changed ? this.context.dependents(change).map((k) => this.uris.get(k)).filter((u): u is vscode.Uri => u !== undefined) : [];
    const keys = new Set(files.map((u) => u.toString()));
    this.emitter.fire({ files: [...files, ...extra.filter((u) => !keys.has(u.toString()))], context: change.changed, all: false });
  }

  private async build(generation: number): Promise<void> {
    const t0 = performance.now();
    const patterns = [...ALWAYS_EXCLUDED, ...this.patterns()];
    this.excluded = excludeMatcher(patterns);
    // findFiles skips nothing itself when given an exclude glob: brace-free patterns go to it
    // (so big excluded trees are never listed), and every result is checked by the matcher.
    const simple = patterns.filter((p) => !/[{}]/.test(p));
    const listed = await vscode.workspace.findFiles(YAML_GLOB, simple.length > 0 ? `{${simple.join(',')}}` : null, MAX_FILES);
    if (generation !== this.generation) return;
    const uris = withOpenDocuments(listed.filter((u) => !this.excluded(vscode.workspace.asRelativePath(u, false))), (doc) => doc.languageId === 'yaml' && this.includes(doc.uri));
    const keys = new Set(uris.map((u) => u.toString()));
    for (const key of [...this.uris.keys()]) if (!keys.has(key)) this.context.delete(key);
    this.uris.clear();
    let longest = 0;
    await inSlices(uris, async (uri) => {
      if (generation !== this.generation) return;
      const text = await readText(uri);
      if (text === undefined) return;
      this.uris.set(uri.toString(), uri);
      this.context.set(uri.toString(), pathOf(uri), text);
    }, 8, (ms) => (longest = Math.max(longest, ms)));
    if (generation !== this.generation) return;
    this.lastBuild = { files: this.uris.size, ms: Math.round(performance.now() - t0), longestSliceMs: Math.round(longest) };
    this.emitter.fire({ files: this.files(), context: true, all: true });
  }

  private patterns(): string[] {
    const files = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude');
    const search = vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude');
    return [...enabledPatterns(files), ...enabledPatterns(search), ...this.config.settings.exclude];
  }

  dispose(): void {
    this.generation++;
    this.emitter.dispose();
  }
}

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
}

/** `uris`, then the open documents `accept` takes that are not among them. */
function withOpenDocuments(uris: vscode.Uri[], accept: (document: vscode.TextDocument) => boolean): vscode.Uri[] {
  const out = [...uris];
  const keys = new Set(uris.map((u) => u.toString()));
  for (const doc of vscode.workspace.textDocuments) if (accept(doc) && !keys.has(doc.uri.toString())) out.push(doc.uri);
  return out;
}
