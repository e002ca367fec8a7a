// Per-document analysis shared by hover, CodeLens, previews and diagnostics. An edit re-parses
// only the YAML document it touches (core's parseIncremental/applyEdit); objects and explain
// results are cached per parsed value, which untouched documents keep across edits, so typing in
// one VM never re-explains the others. No `vscode` import: the editor benchmark runs this module.

import {
  applyEdit, explainObject, isVmLike, parseIncremental, readObjects, sourceFiles, withInputs,
  type ClusterProfile, type Explained, type ExplainItem, type SourceFiles, type SourceSpot, type IncrementalParse, type ManifestObject, type ParsedDocument,
} from '@l1vh/core';

/** The cluster the document is explained against (the extension's TargetState). */
export interface AnalysisTarget {
  profile: ClusterProfile;
}

/** What of a vscode.Uri / vscode.TextDocument the analysis reads. */
export interface DocumentUri {
  scheme: string;
  fsPath: string;
  toString(): string;
}

export interface SourceDocument {
  readonly uri: DocumentUri;
  readonly version: number;
  getText(): string;
}

/** One replacement, as vscode.TextDocumentContentChangeEvent gives it. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** What identifies a VM across edits: kind, namespace and name (index as a tie-breaker). */
export interface VmKey {
  kind: string;
  namespace: string;
  name: string;
  index: number;
}

/** Objects of one parsed document, with their spans relative to the document's start. */
interface ReadDocument {
  objects: ManifestObject[];
  spans: { start: number; end: number }[];
}

/** An explain result and the offset its document started at when it was computed. */
interface ExplainEntry {
  explained: Explained;
  docStart: number;
}

/** Per object value: the result without domain XML and the one with it (either may be absent). */
interface ExplainSlot {
  lean?: ExplainEntry;
  full?: ExplainEntry;
}

export class VmAnalysis {
  constructor(
    /** Position of the object among the file's VM-like objects. */
    readonly index: number,
    readonly object: ManifestObject,
    /** Offsets of the object in the file. */
    readonly start: number,
    readonly end: number,
    private readonly explainer: (object: ManifestObject, withXml: boolean) => Explained,
  ) {}

  /** Explains the VM (cached); the domain XML only when asked for. */
  explain(withXml = false): Explained {
    return this.explainer(this.object, withXml);
  }

  get item(): ExplainItem {
    return this.explain(false).item;
  }
}

export interface DocumentAnalysis {
  version: number;
  parse: IncrementalParse;
  profile: ClusterProfile;
  vms: VmAnalysis[];
  /**
   * The files places point into, for line/col: this document's own at once (causes point only
   * there); the profile's are listed on the first place in another file, once per analysis.
   */
  files: SourceFiles;
}

/** A profile built from the target plus a file's context objects (compared by value identity). */
interface ContextProfile {
  base: ClusterProfile;
  context: readonly object[];
  profile: ClusterProfile;
}

interface FileState {
  version: number;
  parse: IncrementalParse;
  analysis?: DocumentAnalysis;
  /** The target profile the analysis was made on. */
  base?: ClusterProfile;
  /** Kept across edits: reused while the file's context objects are untouched. */
  context?: ContextProfile;
}

export class AnalysisCache {
  private readonly files = new Map<string, FileState>();
  /** Objects per parsed document value: profile-independent. */
  private readonly reads = new WeakMap<object, ReadDocument>();
  /** Explain results per profile, then per object value. A new profile starts empty. */
  private explains = new WeakMap<ClusterProfile, WeakMap<object, ExplainSlot>>();

  constructor(private readonly target: () => AnalysisTarget) {}

  /**
   * Applies one change event (the document already has the new version). Without the previous
   * version, or when the result's length is not `length`, the next get() parses in full.
   */
  update(document: SourceDocument, changes: readonly TextChange[], length?: number): void {
    const key = document.uri.toString();
    const state = this.files.get(key);
    if (!state || state.version >= document.version) {
      this.files.delete(key);
      return;
    }
    let parse = state.parse;
    // Each change's offsets are in the text the previous ones produced (VS Code's order).
    for (const c of changes) parse = applyEdit(parse, { start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text });
    if (length !== undefined && parse.text.length !== length) this.files.delete(key);
    else this.files.set(key, { version: document.version, parse, context: state.context });
  }

  /** The parse of the document's current version. */
  parsed(document: SourceDocument): IncrementalParse {
    return this.state(document).parse;
  }

  get(document: SourceDocument): DocumentAnalysis {
    const state = this.state(document);
    // The target profile changes with the workspace's context objects too: re-analyse then
    // (explain results stay cached per profile and object value).
    const base = this.target().profile;
    if (!state.analysis || state.base !== base) {
      state.analysis = this.analyse(state);
      state.base = base;
    }
    return state.analysis;
  }

  invalidate(uri: DocumentUri): void {
    this.files.delete(uri.toString());
  }

  /** The target or settings changed: every explain result is stale. */
  clear(): void {
    this.files.clear();
    this.explains = new WeakMap();
  }

  private state(document: SourceDocument): FileState {
    const key = document.uri.toString();
    const hit = this.files.get(key);
    if (hit && hit.version === document.version) return hit;
    const state: FileState = { version: document.version, parse: parseIncremental(pathOf(document.uri), document.getText()) };
    this.files.set(key, state);
    return state;
  }

  private analyse(state: FileState): DocumentAnalysis {
    const read = state.parse.docs.map((doc) => ({ doc, read: this.read(doc) }));
    const profile = this.profileFor(state, read.flatMap((r) => r.read.objects));
    const slots = this.explains.get(profile) ?? new WeakMap<object, ExplainSlot>();
    this.explains.set(profile, slots);
    const vms: VmAnalysis[] = [];
    for (const { doc, read: r } of read) {
      r.objects.forEach((o, i) => {
        if (!isVmLike(o.kind)) return;
        // Cached objects point at the document record they were read from; offsets move with edits.
        const object = o.source.doc === doc ? o : { ...o, source: { ...o.source, doc } };
        const span = r.spans[i]!;
        vms.push(new VmAnalysis(vms.length, object, doc.start + span.start, doc.start + span.end, (obj, withXml) => explainCached(slots, obj, profile, withXml)));
      });
    }
    return { version: state.version, parse: state.parse, profile, vms, files: documentFiles(state.parse, profile) };
  }

  private read(doc: ParsedDocument): ReadDocument {
    const key = typeof doc.value === 'object' && doc.value !== null ? doc.value : undefined;
    const hit = key && this.reads.get(key);
    if (hit) return hit;
    // A VM whose values do not decode is kept by core (verdict `rejected`, stage decode).
    const objects = readObjects([doc]).objects;
    const spans = objects.map((o) => {
      const span = o.source.doc.positions().nearest(o.source.path);
      return span ? { start: (span.keyStart ?? span.start) - doc.start, end: span.end - doc.start } : { start: 0, end: doc.end - doc.start };
    });
    const read = { objects, spans };
    if (key) this.reads.set(key, read);
    return read;
  }

  /** The target's profile plus the file's own context objects (instancetypes, PVCs …). */
  private profileFor(state: FileState, objects: readonly ManifestObject[]): ClusterProfile {
    const target = this.target();
    const contextual = objects.filter((o) => !isVmLike(o.kind));
    if (contextual.length === 0) return target.profile;
    const values = contextual.map((o) => o.value);
    const last = state.context;
    if (last && last.base === target.profile && sameValues(last.context, values)) return last.profile;
    const profile = withInputs(target.profile, contextual);
    state.context = { base: target.profile, context: values, profile };
    return profile;
  }
}

/** core's sourceFiles([parse], profile), without walking the profile for the document's own path. */
function documentFiles(parse: IncrementalParse, profile: ClusterProfile): SourceFiles {
  let all: SourceFiles | undefined;
  return (path) => (path === parse.file.path ? parse.file : (all ??= sourceFiles([parse], profile))(path));
}

function sameValues(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The object's explain result, computed once per object value and profile (XML only when asked). */
function explainCached(slots: WeakMap<object, ExplainSlot>, obj: ManifestObject, profile: ClusterProfile, withXml: boolean): Explained {
  let slot = slots.get(obj.value);
  if (!slot) slots.set(obj.value, (slot = {}));
  const docStart = obj.source.doc.start;
  const entry = withXml ? slot.full : (slot.lean ?? slot.full);
  if (entry) {
    if (entry.docStart === docStart) return entry.explained;
    // The document moved (an edit above it): its own offsets moved with it, nothing else changed.
    const moved = { explained: movedBy(entry.explained, obj, docStart - entry.docStart), docStart };
    if (entry === slot.full) slot.full = moved;
    else slot.lean = moved;
    return moved.explained;
  }
  const fresh = { explained: explainObject(obj, profile, withXml ? {} : { domainXml: false }), docStart };
  if (withXml) slot.full = fresh;
  else slot.lean = fresh;
  return fresh.explained;
}

/** An explain result whose places in this document moved by `delta` (places in other files stay). */
function movedBy(e: Explained, object: ManifestObject, delta: number): Explained {
  const item = e.item;
  const file = object.source.doc.file.path;
  const at = (p: SourceSpot): SourceSpot => (p.file === file ? { file, offset: p.offset + delta } : p);
  return {
    ...e,
    object,
    item: {
      ...item,
      source: at(item.source),
      decision: { ...item.decision, steps: item.decision.steps.map((s) => (s.source ? { ...s, source: at(s.source) } : s)) },
      overheadTerms: item.overheadTerms.map((t) => (t.source ? { ...t, source: at(t.source) } : t)),
    },
  };
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
  const same = analysis.vms.filter((v) => v.object.kind === key.kind && v.object.name === key.name && v.item.namespace === key.namespace);
  return same.find((v) => v.index === key.index) ?? same[0] ?? analysis.vms[key.index];
}

export function pathOf(uri: DocumentUri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
