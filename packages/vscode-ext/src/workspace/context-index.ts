// The workspace's context objects (instancetypes, preferences, PVCs, DataVolumes, Namespaces,
// KubeVirt CRs) per file, so a VM in one file resolves an instancetype in another, as the CLI
// does when both paths are given. One file changes: only that file is read again. No `vscode`
// import: the benchmark drives it over a generated workspace.

import { parseSource, readObjects, type ManifestObject } from '@l1vh/core';

/** Kinds a workspace file contributes to the target profile. Nodes and quotas stay the target's. */
export const CONTEXT_KINDS: ReadonlySet<string> = new Set([
  'VirtualMachineInstancetype',
  'VirtualMachineClusterInstancetype',
  'VirtualMachinePreference',
  'VirtualMachineClusterPreference',
  'PersistentVolumeClaim',
  'DataVolume',
  'Namespace',
  'KubeVirt',
]);

/** Cheap test before parsing: does the text name a context kind (or a List that may hold one)? */
const CONTEXT_KIND_LINE = /^[ \t-]*["']?kind["']?[ \t]*:[ \t]*["']?(?:VirtualMachine(?:Cluster)?(?:Instancetype|Preference)|PersistentVolumeClaim|DataVolume|Namespace|KubeVirt|List)["']?[ \t]*(?:#.*)?$/m;
/** Whether a file may hold VM-like objects (their diagnostics can depend on other files). */
const VM_KIND_LINE = /^[ \t-]*["']?kind["']?[ \t]*:[ \t]*["']?(?:VirtualMachine|VirtualMachineInstance|VirtualMachinePool|VirtualMachineInstanceReplicaSet|List)["']?[ \t]*(?:#.*)?$/m;
/** Values a VM can refer to another object by: names, claim names, namespaces. */
const MENTION = /\b(?:name|claimName|namespace)["']?[ \t]*:[ \t]*["']?([A-Za-z0-9][\w.-]*)/g;

export interface IndexedFile {
  /** Context objects of the file, in file order. */
  objects: ManifestObject[];
  /** The file may hold VMs (so its diagnostics follow context changes). */
  hasVms: boolean;
  /** Names the file mentions (a superset of what its VMs refer to). */
  mentions: ReadonlySet<string>;
}

/** Which context objects changed with an update, by name (kind-agnostic: a superset is fine). */
export interface ContextChange {
  /** True when the file's context objects differ from before. */
  changed: boolean;
  names: Set<string>;
  /** A KubeVirt CR came, went or changed: every VM may change. */
  kubevirt: boolean;
}

const EMPTY: IndexedFile = { objects: [], hasVms: false, mentions: new Set() };

export function indexText(path: string, text: string): IndexedFile {
  const hasVms = VM_KIND_LINE.test(text);
  const mentions = new Set<string>();
  if (hasVms) for (const m of text.matchAll(MENTION)) mentions.add(m[1]!);
  if (!CONTEXT_KIND_LINE.test(text)) return hasVms ? { objects: [], hasVms, mentions } : EMPTY;
  const objects = readObjects(parseSource(path, text).docs).objects.filter((o) => CONTEXT_KINDS.has(o.kind));
  return { objects, hasVms, mentions };
}

export class ContextIndex {
  private readonly files = new Map<string, IndexedFile>();
  private all: ManifestObject[] | undefined;
  private generation = 0;

  /** Bumped whenever the set of context objects changes (not on VM-only edits). */
  get version(): number {
    return this.generation;
  }

  /** Indexes (or re-indexes) one file from its text. */
  set(key: string, path: string, text: string): ContextChange {
    return this.replace(key, indexText(path, text));
  }

  delete(key: string): ContextChange {
    const change = this.replace(key, undefined);
    this.files.delete(key);
    return change;
  }

  /** Every context object of the workspace (files in index order). */
  objects(): readonly ManifestObject[] {
    this.all ??= [...this.files.values()].flatMap((f) => f.objects);
    return this.all;
  }

  /** Files whose VMs may depend on the changed objects. */
  dependents(change: ContextChange): string[] {
    const out: string[] = [];
    for (const [key, f] of this.files) {
      if (!f.hasVms) continue;
      if (change.kubevirt || [...change.names].some((n) => f.mentions.has(n))) out.push(key);
    }
    return out;
  }

  private replace(key: string, next: IndexedFile | undefined): ContextChange {
    const before = this.files.get(key)?.objects ?? [];
    const after = next?.objects ?? [];
    if (next) this.files.set(key, next);
    const change: ContextChange = { changed: false, names: new Set(), kubevirt: false };
    if (sameObjects(before, after)) return change;
    change.changed = true;
    for (const o of [...before, ...after]) {
      change.names.add(o.name);
      if (o.kind === 'KubeVirt') change.kubevirt = true;
    }
    this.all = undefined;
    this.generation++;
    return change;
  }
}

/** Same kinds, names and values (by JSON: context objects are small). */
function sameObjects(a: readonly ManifestObject[], b: readonly ManifestObject[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((o, i) => o.kind === b[i]!.kind && o.name === b[i]!.name && o.namespace === b[i]!.namespace && JSON.stringify(o.value) === JSON.stringify(b[i]!.value));
}

/**
 * Runs `work` over `items` in slices of about `budgetMs`, yielding to the event loop between
 * slices so hovers and edits are served while a large workspace is indexed.
 */
export async function inSlices<T>(items: readonly T[], work: (item: T) => void | Promise<void>, budgetMs = 8, onSlice?: (ms: number) => void): Promise<void> {
  let i = 0;
  while (i < items.length) {
    const start = performance.now();
    do {
      await work(items[i++]!);
    } while (i < items.length && performance.now() - start < budgetMs);
    onSlice?.(performance.now() - start);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
