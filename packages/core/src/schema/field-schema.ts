// KubeVirt's field table (generated from its OpenAPI definitions, see scripts/gen-field-schema.mjs),
// compiled once per KubeVirt version into linked nodes that a value is walked against.
//
// Table format (field-schema.generated.ts): { base, roots: kind → definition, defs, diffs:
// version → { changed: definition → row, removed: [definition] } }. A row is [Go struct name,
// JSON text of { json name → entry }] (parsed on first use), an entry either a type code or [type code, Go type, embedded structs
// ("A.B"), "open" | "open1"]. Type codes: `s:`/`b:`/`n:` + Go type (string, bool, float),
// `i:` + Go type + `:` + integer kind, `q` Quantity, `ios` IntOrString, `time`, `dur`, `any`,
// `@Definition`, `[` + element (list), `{` + element (map). "open": the CRD keeps unknown fields
// in this subtree (nested ObjectMeta); "open1": only at this level (domain.clock).

import type { KnownKind } from '../parse/kinds.js';
import type { VersionKey } from '../profile/versions.js';
import { FIELD_SCHEMA_JSON } from './field-schema.generated.js';

export type IntKind = 'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

export type TypeKind = 'struct' | 'list' | 'map' | 'string' | 'bool' | 'float' | 'int' | 'quantity' | 'intOrString' | 'time' | 'duration' | 'any';

/**
 * One type. Every node has every property (null where it does not apply): one object shape keeps
 * the walk's property reads monomorphic, which is most of its speed.
 */
export interface TypeNode {
  k: TypeKind;
  /** struct: its fields. */
  def: StructNode | null;
  /** list, map: the element type. */
  elem: TypeNode | null;
  /** The Go type as encoding/json prints it (`uint32`, `v1.DiskBus`, `[]v1.Disk`); '' when unknown. */
  go: string;
  /** int: the Go integer kind whose range applies. */
  int: IntKind | null;
}

export interface FieldNode {
  name: string;
  type: TypeNode;
  /** This field as encoding/json's error context names it: embedded structs, then the name. */
  goSegment: string;
  /** The CRD keeps unknown fields below ('deep') or directly in this field's object ('shallow'). */
  open: 'deep' | 'shallow' | null;
}

function typeNode(k: TypeKind, go = '', def: StructNode | null = null, elem: TypeNode | null = null, int: IntKind | null = null): TypeNode {
  return { k, def, elem, go, int };
}

export interface StructNode {
  /** Go struct name (encoding/json's `Go struct field <Struct>.…`). */
  go: string;
  /** Filled on first use ({@link structFields}): a run compiles only the definitions it meets. */
  fields: Map<string, FieldNode>;
  pending: { row: Row; structs: Map<string, StructNode> } | null;
}

/** The fields of a struct, compiled from its table row on first use. */
export function structFields(node: StructNode): Map<string, FieldNode> {
  if (node.pending) {
    const { row, structs } = node.pending;
    node.pending = null;
    const fields = JSON.parse(row[1]) as Record<string, Entry>;
    for (const field in fields) {
      const entry = fields[field]!;
      const [code, go = '', embeds = '', open = ''] = typeof entry === 'string' ? [entry] : entry;
      node.fields.set(field, {
        name: field,
        type: typeOf(code, go, structs),
        goSegment: embeds ? `${embeds}.${field}` : field,
        open: open === 'open' ? 'deep' : open === 'open1' ? 'shallow' : null,
      });
    }
  }
  return node.fields;
}

function typeOf(code: string, go: string, structs: Map<string, StructNode>): TypeNode {
  switch (code[0]) {
    case '@': {
      const def = structs.get(code.slice(1));
      return def ? typeNode('struct', go, def) : typeNode('any');
    }
    case '[':
      return typeNode('list', go, null, typeOf(code.slice(1), go.startsWith('[]') ? go.slice(2) : '', structs));
    case '{':
      return typeNode('map', go, null, typeOf(code.slice(1), go.startsWith('map[') ? go.slice(go.indexOf(']') + 1) : '', structs));
  }
  if (code === 'q') return typeNode('quantity');
  if (code === 'ios') return typeNode('intOrString');
  if (code === 'time') return typeNode('time');
  if (code === 'dur') return typeNode('duration');
  const [t, goType, intKind] = code.split(':') as [string, string, string | undefined];
  if (t === 's') return typeNode('string', goType);
  if (t === 'b') return typeNode('bool', goType);
  if (t === 'n') return typeNode('float', goType);
  if (t === 'i') return typeNode('int', goType, null, null, (intKind ?? 'int64') as IntKind);
  return typeNode('any');
}

type Entry = string | string[];
/** Go struct name, and the JSON text of its fields (json name → entry). */
type Row = [string, string];
interface Table {
  base: VersionKey;
  roots: Record<string, string>;
  defs: Record<string, Row>;
  diffs: Record<string, { changed: Record<string, Row>; removed: string[] }>;
}

let table: Table | undefined;
const compiled = new Map<VersionKey, Map<string, StructNode>>();

function rowsFor(version: VersionKey): Record<string, Row> {
  table ??= JSON.parse(FIELD_SCHEMA_JSON) as Table;
  if (version === table.base) return table.defs;
  const diff = table.diffs[version];
  if (!diff) return table.defs;
  const rows: Record<string, Row> = { ...table.defs, ...diff.changed };
  for (const r of diff.removed) delete rows[r];
  return rows;
}

function compileVersion(version: VersionKey): Map<string, StructNode> {
  const rows = rowsFor(version);
  const structs = new Map<string, StructNode>();
  // Nodes first (definitions refer to each other); their fields when first walked into.
  for (const name in rows) {
    const row = rows[name]!;
    structs.set(name, { go: row[0], fields: new Map(), pending: { row, structs } });
  }
  return structs;
}

/** apiVersions whose schema the table is (other versions of these kinds are not checked). */
const SCHEMA_API_VERSIONS: Readonly<Partial<Record<KnownKind, readonly string[]>>> = {
  VirtualMachine: ['kubevirt.io/v1', 'kubevirt.io/v1alpha3'],
  VirtualMachineInstance: ['kubevirt.io/v1', 'kubevirt.io/v1alpha3'],
  VirtualMachineInstanceReplicaSet: ['kubevirt.io/v1', 'kubevirt.io/v1alpha3'],
  KubeVirt: ['kubevirt.io/v1', 'kubevirt.io/v1alpha3'],
  VirtualMachinePool: ['pool.kubevirt.io/v1beta1'],
  VirtualMachineInstancetype: ['instancetype.kubevirt.io/v1beta1'],
  VirtualMachineClusterInstancetype: ['instancetype.kubevirt.io/v1beta1'],
  VirtualMachinePreference: ['instancetype.kubevirt.io/v1beta1'],
  VirtualMachineClusterPreference: ['instancetype.kubevirt.io/v1beta1'],
};

/** kind → apiVersion → root struct, per KubeVirt version (null: not modelled). */
const roots = new Map<VersionKey, Map<string, Map<string, StructNode | null>>>();

/** The root struct of `kind` at `apiVersion` for a KubeVirt version, or undefined when not modelled. */
export function rootSchema(kind: KnownKind, apiVersion: string, version: VersionKey): StructNode | undefined {
  let byKind = roots.get(version);
  if (!byKind) roots.set(version, (byKind = new Map()));
  let byApi = byKind.get(kind);
  if (!byApi) byKind.set(kind, (byApi = new Map()));
  let root = byApi.get(apiVersion);
  if (root === undefined) {
    root = null;
    if (SCHEMA_API_VERSIONS[kind]?.includes(apiVersion)) {
      let structs = compiled.get(version);
      if (!structs) compiled.set(version, (structs = compileVersion(version)));
      const def = table!.roots[kind];
      root = (def && structs.get(def)) || null;
    }
    byApi.set(apiVersion, root);
  }
  return root ?? undefined;
}
