// A VM whose fields do not decode (`memory.guest: banana`, `cores: "two"`) is dropped by core's
// object reader. The API server refuses such a VM at decoding, so the editor keeps it as a
// `rejected` VM with the decoding problems as its causes: CodeLens, hover and preview stay, and
// say why, instead of the VM vanishing mid-edit.

import { isVmLike, readObjects, type Explained, type ExplainItem, type Finding, type ManifestObject, type ParsedDocument, type PathSegment, type VmLikeKind } from '@l1vh/core';

/** A kubevirt.io VM-like object the reader left out, with the problems that made it do so. */
export interface UndecodedVm {
  object: ManifestObject;
  problems: Finding[];
}

const VM_GROUPS = /^(?:kubevirt\.io|pool\.kubevirt\.io)\//;

/** VM-like objects of a document that core's reader dropped for type errors. */
export function undecodedVms(doc: ParsedDocument, read: ReturnType<typeof readObjects>): UndecodedVm[] {
  if (read.findings.length === 0) return [];
  const out: UndecodedVm[] = [];
  const kept = new Set(read.objects.map((o) => o.value));
  const candidates: { value: unknown; path: PathSegment[] }[] = [{ value: doc.value, path: [] }];
  const top = doc.value as { kind?: unknown; items?: unknown } | null;
  if (top && top.kind === 'List' && Array.isArray(top.items)) top.items.forEach((v, i) => candidates.push({ value: v, path: ['items', i] }));
  const positions = doc.positions();
  for (const c of candidates) {
    const v = c.value as Record<string, unknown> | null;
    if (!v || typeof v !== 'object' || kept.has(v)) continue;
    const kind = v.kind;
    if (typeof kind !== 'string' || typeof v.apiVersion !== 'string' || !VM_GROUPS.test(v.apiVersion) || !isVmLike(kind as VmLikeKind)) continue;
    const span = positions.nearest(c.path);
    const start = span ? (span.keyStart ?? span.start) : doc.start;
    const end = span?.end ?? doc.end;
    const problems = read.findings.filter((f) => f.severity === 'error' && f.range && f.range.start >= start && f.range.start <= end);
    if (problems.length === 0) continue;
    const meta = (v.metadata ?? {}) as Record<string, unknown>;
    out.push({
      object: {
        kind: kind as VmLikeKind,
        apiVersion: v.apiVersion,
        name: typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? meta.generateName : '',
        namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
        value: v,
        source: { doc, path: c.path },
      },
      problems,
    });
  }
  return out;
}

/** The explain result of a VM that does not decode: rejected, nothing computed, causes at the fields. */
export function undecodedExplained(vm: UndecodedVm, version: ExplainItem['kubevirtVersion']): Explained {
  const { object, problems } = vm;
  const lines = object.source.doc.file.lines;
  const at = (offset: number): { file: string; line: number; col: number } => ({ file: object.source.doc.file.path, ...lines.linePos(offset) });
  const span = object.source.doc.positions().nearest(object.source.path);
  const causes = problems.map((f) => ({
    type: 'FieldValueInvalid',
    field: (f.path ?? []).join('.'),
    message: f.message,
    source: at(f.range!.start),
  }));
  const summary = `rejected at decoding: ${problems[0]!.message}`;
  const item: ExplainItem & { verdict: 'rejected'; causes: typeof causes } = {
    source: at(span ? (span.keyStart ?? span.start) : object.source.doc.start),
    kind: object.kind as VmLikeKind,
    namespace: object.namespace ?? 'default',
    name: object.name,
    kubevirtVersion: version,
    semantics: 'kubevirt',
    hypervisor: null,
    domainType: null,
    error: problems[0]!.message,
    decision: { semantics: 'kubevirt', summary, steps: [] },
    nodes: [],
    vmi: null,
    domainXml: null,
    overheadBytes: null,
    controllerOverheadBytes: null,
    overheadTerms: [],
    launcherResources: null,
    schemaQuirks: [],
    notes: [],
    verdict: 'rejected',
    causes,
  };
  return { item, object, selection: null };
}
