// From parsed documents to Kubernetes objects: unwraps v1/List, classifies kinds, keeps a
// back-reference (document + path) so any field can be located later.

import type { Finding } from '../findings.js';
import { classify, type KnownKind } from './kinds.js';
import { describe, finding, isRecord, type SourceRef } from './object-ref.js';
import type { ParsedDocument } from './parse-source.js';
import type { NodeSpan, PathSegment } from './position-index.js';
import { checkTypes } from './validate-types.js';

export type { SourceRef };

export interface ManifestObject {
  kind: KnownKind;
  apiVersion: string;
  name: string;
  namespace: string | undefined;
  /** The object as parsed (never mutated by later stages). */
  value: Record<string, unknown>;
  source: SourceRef;
}

export interface ReadResult {
  objects: ManifestObject[];
  findings: Finding[];
}

export interface ReadOptions {
  /**
   * `-n NS`, as kubectl applies it to files: a namespaced object without metadata.namespace is read
   * as if it had NS; one whose namespace differs is refused (kubectl: "the namespace from the
   * provided object … does not match the namespace …").
   */
  namespace?: string | undefined;
}

export function readObjects(docs: readonly ParsedDocument[], opts: ReadOptions = {}): ReadResult {
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  for (const doc of docs) visitObject(doc.value, { doc, path: [] }, objects, findings, 0);
  if (opts.namespace === undefined) return { objects, findings };
  const ns = opts.namespace;
  const kept: ManifestObject[] = [];
  for (const o of objects) {
    if (CLUSTER_SCOPED.has(o.kind)) kept.push(o);
    else if (o.namespace === undefined) kept.push({ ...o, namespace: ns, value: withNamespace(o.value, ns) });
    else if (o.namespace === ns) kept.push(o);
    else findings.push(finding(o.source, ['metadata', 'namespace'], 'NAMESPACE_MISMATCH', `the namespace from the provided object "${o.namespace}" does not match the namespace "${ns}" given with -n (as kubectl refuses it); pass -n ${o.namespace}, or remove metadata.namespace`));
  }
  return { objects: kept, findings };
}

/** Kinds without a namespace (-n does not apply to them). */
const CLUSTER_SCOPED = new Set<KnownKind>(['VirtualMachineClusterInstancetype', 'VirtualMachineClusterPreference', 'Node', 'Namespace', 'List']);

/** One copy per parsed object and namespace, so every reader of the same parse sees the same value
 * (lint matches explain results to objects by their value). */
const namespaced = new WeakMap<object, Map<string, Record<string, unknown>>>();
function withNamespace(value: Record<string, unknown>, ns: string): Record<string, unknown> {
  let byNs = namespaced.get(value);
  if (!byNs) namespaced.set(value, (byNs = new Map()));
  let copy = byNs.get(ns);
  if (!copy) {
    const meta = isRecord(value.metadata) ? value.metadata : {};
    copy = { ...value, metadata: { ...meta, namespace: ns } };
    byNs.set(ns, copy);
  }
  return copy;
}

function visitObject(value: unknown, ref: SourceRef, out: ManifestObject[], findings: Finding[], depth: number): void {
  if (!isRecord(value)) {
    findings.push(finding(ref, [], 'NOT_AN_OBJECT', `expected a Kubernetes object, found ${describe(value)}`));
    return;
  }
  const { apiVersion, kind } = value;
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') {
    const missing = typeof kind !== 'string' ? 'kind' : 'apiVersion';
    if (value[missing] !== undefined) findings.push(finding(ref, [missing], 'WRONG_TYPE', `${missing} must be a string, found ${describe(value[missing])}`));
    else findings.push(finding(ref, [], 'MISSING_KIND', `object has no ${missing}`));
    return;
  }
  const c = classify(apiVersion, kind);
  if (c.status === 'skip') return;
  if (c.status === 'unknown-kind') {
    findings.push(finding(ref, ['kind'], 'UNKNOWN_KIND', c.message));
    return;
  }
  if (c.status === 'unknown-version') {
    findings.push(finding(ref, ['apiVersion'], 'UNKNOWN_API_VERSION', c.message));
    return;
  }
  if (c.kind === 'List') {
    const items = value.items;
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) {
      findings.push(finding(ref, ['items'], 'WRONG_TYPE', `List items must be a sequence, found ${describe(items)}`));
      return;
    }
    if (depth > 4) return;
    items.forEach((item, i) => visitObject(item, { doc: ref.doc, path: [...ref.path, 'items', i] }, out, findings, depth + 1));
    return;
  }
  const meta = value.metadata;
  if (meta !== undefined && !isRecord(meta)) {
    findings.push(finding(ref, ['metadata'], 'WRONG_TYPE', `metadata must be a mapping, found ${describe(meta)}`));
    return;
  }
  const name = meta && typeof meta.name === 'string' ? meta.name : meta && typeof meta.generateName === 'string' ? meta.generateName : '';
  const namespace = meta && typeof meta.namespace === 'string' ? meta.namespace : undefined;
  // A wrongly typed field is reported; the object is left out unless admission refuses it itself
  // (a VM-like object KubeVirt cannot decode: explain shows that rejection).
  const types = checkTypes(c.kind, apiVersion, value, ref);
  if (types.findings.length > 0) {
    findings.push(...types.findings);
    if (types.drop) return;
  }
  out.push({ kind: c.kind, apiVersion, name, namespace, value, source: ref });
}

/** Source span of a field of an object (or its nearest existing ancestor). */
export function locate(obj: { source: SourceRef }, path: readonly PathSegment[] = []): NodeSpan | undefined {
  const index = obj.source.doc.positions();
  return index.nearest([...obj.source.path, ...path]);
}
