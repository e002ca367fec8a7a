// Which cluster the previews describe: the live cluster (trusted workspaces only), an offline
// profile file, or core's embedded profile. Always has an answer; refreshes in the background so
// the editor never waits on the network.

import * as vscode from 'vscode';
import {
  builtinObjects, buildProfile, EMBEDDED_PROFILE_NAME, EMBEDDED_PROFILE_YAML, FEATURE_GATES, isGateEnabled, loadObjects,
  type ClusterProfile, type ManifestObject, type Semantics,
} from '@l1vh/core';
import type { Config } from '../config.js';
import { loadKubeConfig, message } from './kubeconfig.js';
import { readCluster } from './read-cluster.js';

export type TargetSource = 'cluster' | 'offline-file' | 'embedded';

export interface TargetState {
  source: TargetSource;
  /** Context name, profile file name or "embedded profile". */
  label: string;
  profile: ClusterProfile;
  /** The profile's own objects, so documents can add theirs (instancetypes, PVCs …). */
  objects: readonly ManifestObject[];
  kubevirtVersion: string;
  semantics: Semantics;
  nodes: number;
  l1vhNodes: number;
  trusted: boolean;
  /** Why this source was used (fallback reasons, warnings). */
  notes: string[];
  contexts: string[];
}

const CLUSTER_TIMEOUT_MS = 10_000;
const MSHV_RESOURCE = 'devices.kubevirt.io/mshv';

export class TargetCluster implements vscode.Disposable {
  private state: TargetState;
  private readonly emitter = new vscode.EventEmitter<TargetState>();
  readonly onDidChange = this.emitter.event;
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private firstRefresh: Promise<void> | undefined;

  constructor(private readonly config: Config) {
    this.state = describe('embedded', 'embedded profile', EMBEDDED_PROFILE_NAME, EMBEDDED_PROFILE_YAML, vscode.workspace.isTrusted, ['not loaded yet'], []);
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
      return embedded(false, ['untrusted workspace: working offline on the embedded profile; kubeconfig is not read and no cluster is contacted'], []);
    }
    if (s.profile) {
      const uri = resolveUri(s.profile);
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        return describe('offline-file', uri.path.split('/').pop() ?? s.profile, uri.fsPath, text, true, [`offline profile ${uri.fsPath} (l1vh.profile)`], []);
      } catch (e) {
        return embedded(true, [`cannot read offline profile ${uri.fsPath}: ${message(e)}; using the embedded profile`], []);
      }
    }
    const kc = await loadKubeConfig(s.kubeconfig, s.context);
    if ('error' in kc) return embedded(true, [`no cluster: ${kc.error}; using the embedded profile`], []);
    const read = await readCluster(kc.kc, CLUSTER_TIMEOUT_MS).catch((e: unknown) => ({ error: message(e) }));
    if ('error' in read) return embedded(true, [`cluster "${kc.context}" unreachable: ${read.error}; using the embedded profile`], kc.contexts);
    return describe('cluster', kc.context, `cluster ${kc.context}`, read.text, true, read.warnings, kc.contexts);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.generation++;
    this.emitter.dispose();
  }
}

function embedded(trusted: boolean, notes: string[], contexts: string[]): TargetState {
  return describe('embedded', 'embedded profile', EMBEDDED_PROFILE_NAME, EMBEDDED_PROFILE_YAML, trusted, notes, contexts);
}

function describe(source: TargetSource, label: string, origin: string, text: string, trusted: boolean, notes: string[], contexts: string[]): TargetState {
  const loaded = loadObjects([{ path: origin, text }]);
  const profile = buildProfile({ origin, objects: loaded.objects, builtins: builtinObjects });
  const problems = loaded.findings.filter((f) => f.severity === 'error').map((f) => `${origin}: ${f.message}`);
  const l1vhNodes = profile.nodes.filter((n) => Number(n.value.status?.allocatable?.[MSHV_RESOURCE] ?? 0) > 0).length;
  return {
    source,
    label,
    profile,
    objects: loaded.objects,
    kubevirtVersion: profile.observedVersion ?? `unknown (assuming ${profile.version})`,
    semantics: isGateEnabled(profile.config, FEATURE_GATES.hyperVL1VH) ? 'hypervl1vh-proposal' : 'kubevirt',
    nodes: profile.nodes.length,
    l1vhNodes,
    trusted,
    notes: [...notes, ...problems.slice(0, 3)],
    contexts,
  };
}

function resolveUri(p: string): vscode.Uri {
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) return vscode.Uri.file(p);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, p) : vscode.Uri.file(p);
}
