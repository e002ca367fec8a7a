// "What if this cluster used hyperv-direct?" and "What if the cluster changed…": core's whatIf on
// the target cluster, with the VMs of the workspace's YAML files as the fleet, opened as a
// markdown document beside the editor.

import * as vscode from 'vscode';
import {
  FEATURE_GATES, isGateEnabled, isVmLike, loadObjects, locateWhatIf, sourceFiles, VERSION_KEYS, whatIf,
  type Change, type ClusterProfile, type ParseResult,
} from '@l1vh/core';
import type { TargetCluster } from './cluster/target-cluster.js';
import { whatIfMarkdown } from './render/whatif-markdown.js';
import { readText } from './workspace/read-text.js';

/** What the comparison reads from the editor: the profile documents are explained against (the
 * target plus the workspace's context objects) and the workspace index's YAML files plus the
 * open YAML documents. */
export interface WhatIfWorkspace {
  profile(): ClusterProfile;
  files(): Promise<vscode.Uri[]>;
}
/** Beyond this many nodes the quick pick offers only "all nodes". */
const MAX_NODE_PICKS = 20;

/** The changes that make a cluster use hyperv-direct as KubeVirt ships it. */
export function hyperVDirectChanges(profile: ClusterProfile): Change[] {
  const changes: Change[] = [];
  if (isGateEnabled(profile.config, FEATURE_GATES.hyperVL1VH)) changes.push({ kind: 'feature-gate', gate: FEATURE_GATES.hyperVL1VH, enabled: false });
  changes.push({ kind: 'feature-gate', gate: FEATURE_GATES.configurableHypervisor, enabled: true }, { kind: 'hypervisor', name: 'hyperv-direct' });
  return changes;
}

interface ChangePick extends vscode.QuickPickItem {
  change: Change;
}

function changePicks(profile: ClusterProfile): ChangePick[] {
  const gates = profile.config.developerConfiguration.featureGates;
  const picks: ChangePick[] = [
    { label: 'hypervisor: hyperv-direct', description: 'spec.configuration.hypervisors[0].name', change: { kind: 'hypervisor', name: 'hyperv-direct' } },
    { label: 'hypervisor: kvm', description: 'spec.configuration.hypervisors[0].name', change: { kind: 'hypervisor', name: 'kvm' } },
  ];
  for (const gate of [FEATURE_GATES.configurableHypervisor, FEATURE_GATES.hyperVL1VH]) {
    const on = gates.includes(gate);
    picks.push({ label: `feature gate ${gate}: ${on ? 'off' : 'on'}`, description: `now ${on ? 'on' : 'off'}`, change: { kind: 'feature-gate', gate, enabled: !on } });
  }
  const emulation = profile.config.developerConfiguration.useEmulation === true;
  picks.push({ label: `useEmulation: ${emulation ? 'off' : 'on'}`, description: `now ${emulation ? 'on' : 'off'}`, change: { kind: 'use-emulation', enabled: !emulation } });
  for (const version of VERSION_KEYS.filter((v) => v !== profile.version)) {
    picks.push({ label: `KubeVirt ${version}`, description: `now ${profile.version} (${version === 'main' || (version === 'v1.9' && profile.version === 'v1.8') ? 'upgrade' : 'rollback'})`, change: { kind: 'kubevirt-version', version } });
  }
  const devices = ['mshv', 'kvm', 'none'] as const;
  for (const device of devices) picks.push({ label: `all nodes: ${device === 'none' ? 'no hypervisor device' : `/dev/${device}`}`, change: { kind: 'node-device', node: null, device } });
  if (profile.nodes.length <= MAX_NODE_PICKS) {
    for (const n of profile.nodes) {
      const name = n.value.metadata.name ?? '';
      for (const device of devices) picks.push({ label: `node ${name}: ${device === 'none' ? 'no hypervisor device' : `/dev/${device}`}`, change: { kind: 'node-device', node: name, device } });
    }
  }
  return picks;
}

/** Read-only documents (closing one asks nothing): `l1vh-whatif:/what-if-N.md`. */
export const WHATIF_SCHEME = 'l1vh-whatif';

export class WhatIfCommands implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly documents = new Map<string, string>();
  private count = 0;

  constructor(
    private readonly target: TargetCluster,
    private readonly workspace: WhatIfWorkspace,
  ) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.path) ?? 'l1vh: this comparison is no longer available; run the command again.\n';
  }

  dispose(): void {
    this.documents.clear();
  }

  /** "What if this cluster used hyperv-direct?" */
  hyperVDirect(): Promise<vscode.TextDocument | undefined> {
    return this.compare(hyperVDirectChanges(this.workspace.profile()), `What if ${this.target.current.label} used hyperv-direct?`);
  }

  /** A quick pick of changes (several may be combined), then the comparison. */
  async pick(): Promise<vscode.TextDocument | undefined> {
    const picks = await vscode.window.showQuickPick(changePicks(this.workspace.profile()), {
      canPickMany: true,
      title: `l1vh: what if ${this.target.current.label} changed…`,
      placeHolder: 'Pick one or more changes (applied in this order)',
    });
    if (!picks || picks.length === 0) return undefined;
    return this.compare(picks.map((p) => p.change), `What if ${this.target.current.label} changed: ${picks.map((p) => p.label).join('; ')}`);
  }

  /** Runs the comparison and opens it beside the editor. */
  async compare(changes: readonly Change[], title: string): Promise<vscode.TextDocument | undefined> {
    const profile = this.workspace.profile();
    const { objects, files } = await workspaceObjects(await this.workspace.files());
    const fleet = objects.filter((o) => isVmLike(o.kind));
    const out = whatIf({ profile, objects: fleet, changes });
    if (!out.ok) {
      void vscode.window.showErrorMessage(`l1vh: ${out.message}`);
      return undefined;
    }
    const uri = vscode.Uri.from({ scheme: WHATIF_SCHEME, path: `/what-if-${++this.count}.md` });
    this.documents.set(uri.path, whatIfMarkdown(locateWhatIf(out.result, sourceFiles(files, profile)), title));
    const doc = await vscode.workspace.openTextDocument(uri);
    const typed = doc.languageId === 'markdown' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'markdown').then((d) => d, () => doc);
    await vscode.window.showTextDocument(typed, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return typed;
  }
}

/** Every object of the workspace's YAML files (open documents as edited). */
async function workspaceObjects(files: vscode.Uri[]): Promise<{ objects: ReturnType<typeof loadObjects>['objects']; files: ParseResult[] }> {
  const uris = [...files].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const sources: { path: string; text: string }[] = [];
  for (const uri of uris) {
    const text = await readText(uri); // an unreadable file is not part of the fleet
    if (text !== undefined) sources.push({ path: vscode.workspace.asRelativePath(uri), text });
  }
  const loaded = loadObjects(sources);
  return { objects: loaded.objects, files: loaded.files };
}
