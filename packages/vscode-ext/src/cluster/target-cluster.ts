// Which cluster the previews describe: the live cluster (trusted workspaces only), an offline
// profile file, or core's embedded profile. Always has an answer; refreshes in the background so
// the editor never waits on the network.

import * as vscode from 'vscode';
import type { Config } from '../config.js';
import { embeddedTarget, message, offlineTarget, readLiveTarget, describeTarget, type TargetState } from './read-target.js';

export type { TargetSource, TargetState } from './read-target.js';

export class TargetCluster implements vscode.Disposable {
  private state: TargetState;
  private readonly emitter = new vscode.EventEmitter<TargetState>();
  readonly onDidChange = this.emitter.event;
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private firstRefresh: Promise<void> | undefined;

  constructor(private readonly config: Config) {
    this.state = embeddedTarget(vscode.workspace.isTrusted, ['not loaded yet'], []);
  }

  get current(): TargetState {
    return this.state;
  }

  /** Resolves once the first background refresh has finished. */
  whenReady(): Promise<void> {
    this.firstRefresh ??= this.refresh();
    return this.firstRefresh;
  }

  /** (Re)starts the background refresh timer from the settings. */
  schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = this.config.settings.refreshIntervalSeconds;
    if (seconds > 0) this.timer = setInterval(() => void this.refresh(), seconds * 1000);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const next = await this.load();
    if (generation !== this.generation) return; // a newer refresh started meanwhile
    this.state = next;
    this.emitter.fire(next);
  }

  private async load(): Promise<TargetState> {
    const s = this.config.settings;
    const trusted = vscode.workspace.isTrusted;
    if (!trusted) {
      return embeddedTarget(false, ['untrusted workspace: working offline on the embedded profile; kubeconfig is not read and no cluster is contacted'], []);
    }
    if (s.profile) {
      const uri = resolveUri(s.profile);
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        return offlineTarget(uri.path.split('/').pop() ?? s.profile, { path: uri.fsPath, text }, [`offline profile ${uri.fsPath} (l1vh.profile)`]);
      } catch (e) {
        return embeddedTarget(true, [`cannot read offline profile ${uri.fsPath}: ${message(e)}; using the embedded profile`], []);
      }
    }
    const read = await readLiveTarget(s).catch((e: unknown) => ({ error: message(e), contexts: [] }));
    if ('error' in read) return embeddedTarget(true, [`${read.error}; using the embedded profile`], read.contexts);
    return describeTarget('cluster', read.context, { live: read.live }, true, [], read.contexts);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.generation++;
    this.emitter.dispose();
  }
}

function resolveUri(p: string): vscode.Uri {
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) return vscode.Uri.file(p);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, p) : vscode.Uri.file(p);
}
