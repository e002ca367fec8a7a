// Generates src/schema/field-schema.generated.ts: the fields of KubeVirt's objects (VM, VMI, VMIRS,
// pool, instancetypes, preferences, KubeVirt CR) for each KubeVirt version l1vh models.
//
// Sources, all published by KubeVirt (read from a git mirror, nothing is copied):
// - api/openapi-spec/swagger.json: which fields exist, their JSON types and the definitions they
//   refer to (embedded k8s types included);
// - the CRDs' openAPIV3Schema (pkg/virt-operator/resource/generate/components/validations_generated.go):
//   where the API server keeps unknown fields (x-kubernetes-preserve-unknown-fields: nested
//   ObjectMeta, domain.clock), which its strict field validation therefore does not report;
// - the API's Go type declarations (staging/src/kubevirt.io/api, vendored k8s/CDI API types): the Go
//   type of each field, which OpenAPI folds (uint32 and int64 are both "integer/int64") but
//   encoding/json reports (`… of type uint32`), and the embedded structs a field is promoted through.
//
// Usage: node scripts/gen-field-schema.mjs [--mirror DIR]
// The output is committed (core has no build step); it is a data table, regenerate it when a new
// KubeVirt version is added.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mirror = args.includes('--mirror') ? args[args.indexOf('--mirror') + 1] : '/work/.mirror/kubevirt+kubevirt/repo';

/** l1vh version key → git ref. The first is the base; the others are stored as differences. */
const VERSIONS = [
  ['main', 'HEAD'],
  ['v1.9', 'v1.9.0'],
  ['v1.8', 'v1.8.4'],
];

/** Root definition of each kind l1vh checks, and the CRD (validations_generated.go key) serving it. */
const ROOTS = {
  VirtualMachine: ['v1.VirtualMachine', 'virtualmachine'],
  VirtualMachineInstance: ['v1.VirtualMachineInstance', 'virtualmachineinstance'],
  VirtualMachineInstanceReplicaSet: ['v1.VirtualMachineInstanceReplicaSet', 'virtualmachineinstancereplicaset'],
  VirtualMachinePool: ['v1beta1.VirtualMachinePool', 'virtualmachinepool'],
  VirtualMachineInstancetype: ['v1beta1.VirtualMachineInstancetype', 'virtualmachineinstancetype'],
  VirtualMachineClusterInstancetype: ['v1beta1.VirtualMachineClusterInstancetype', 'virtualmachineclusterinstancetype'],
  VirtualMachinePreference: ['v1beta1.VirtualMachinePreference', 'virtualmachinepreference'],
  VirtualMachineClusterPreference: ['v1beta1.VirtualMachineClusterPreference', 'virtualmachineclusterpreference'],
  KubeVirt: ['v1.KubeVirt', 'kubevirt'],
};

const git = (...a) => execFileSync('git', ['-C', mirror, ...a], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
const show = (ref, path) => git('show', `${ref}:${path}`);
const lsDir = (ref, dir) => {
  try {
    return git('ls-tree', '--name-only', `${ref}:${dir}`).split('\n').filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('zz_') && !f.includes('deepcopy') && !f.includes('swagger_generated'));
  } catch {
    return [];
  }
};

// ---------------------------------------------------------------- Go declarations

/** Where the source of an import path lives in the mirror. */
function sourceDir(importPath) {
  if (importPath.startsWith('kubevirt.io/api/')) return `staging/src/${importPath}`;
  return `vendor/${importPath}`;
}

const GO_BUILTINS = new Set(['string', 'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64', 'byte', 'any', 'interface{}']);

/** One Go package: its struct fields and named types, parsed from declarations only. */
function loadPackage(ref, importPath, cache) {
  const key = `${ref} ${importPath}`;
  if (cache.has(key)) return cache.get(key);
  const pkg = { importPath, name: importPath.split('/').pop(), structs: new Map(), named: new Map(), imports: new Map() };
  cache.set(key, pkg);
  const dir = sourceDir(importPath);
  for (const file of lsDir(ref, dir)) {
    const src = show(ref, `${dir}/${file}`).replace(/\/\/[^\n]*/g, '');
    const imports = new Map();
    const block = /^import\s*\(([\s\S]*?)\)/m.exec(src);
    const lines = block ? block[1].split('\n') : [...src.matchAll(/^import\s+(.*)$/gm)].map((m) => m[1]);
    for (const line of lines) {
      const m = /^\s*(?:(\w+)\s+)?"([^"]+)"/.exec(line);
      if (m) imports.set(m[1] ?? m[2].split('/').pop(), m[2]);
    }
    for (const m of src.matchAll(/^type\s+(\w+)\s+struct\s*\{\n([\s\S]*?)^\}/gm)) {
      const fields = [];
      for (const raw of m[2].split('\n')) {
        const line = raw.trim();
        if (!line) continue;
        const tag = /`[^`]*json:"([^"]*)"[^`]*`/.exec(line);
        const jsonName = tag ? tag[1].split(',')[0] : undefined;
        if (jsonName === '-') continue;
        const decl = line.replace(/`.*$/, '').trim();
        const parts = decl.split(/\s+/);
        if (parts.length === 1) {
          // Embedded: promoted fields unless the json tag names it.
          fields.push({ embedded: true, goType: parts[0], jsonName: jsonName || undefined, imports });
        } else if (parts.length >= 2 && /^[A-Z]/.test(parts[0])) {
          fields.push({ embedded: false, goName: parts[0], goType: parts.slice(1).join(''), jsonName: jsonName ?? parts[0], imports });
        }
      }
      pkg.structs.set(m[1], fields);
    }
    for (const m of src.matchAll(/^type\s+(\w+)\s+(?:=\s*)?([\w.[\]*]+)\s*$/gm)) pkg.named.set(m[1], { goType: m[2], imports });
    for (const m of src.matchAll(/^type\s*\(\n([\s\S]*?)^\)/gm)) {
      for (const l of m[1].split('\n')) {
        const t = /^\s*(\w+)\s+(?:=\s*)?([\w.[\]*]+)\s*$/.exec(l);
        if (t) pkg.named.set(t[1], { goType: t[2], imports });
      }
    }
  }
  return pkg;
}

/** Resolves a type expression to { pkg, name } for a named type, or null for builtins/composites. */
function resolveNamed(ref, pkg, expr, imports, cache) {
  const e = expr.replace(/^\*/, '');
  if (GO_BUILTINS.has(e) || e.startsWith('[]') || e.startsWith('map[')) return null;
  const dot = e.indexOf('.');
  if (dot < 0) return { pkg, name: e };
  const path = imports.get(e.slice(0, dot));
  if (!path) return null;
  return { pkg: loadPackage(ref, path, cache), name: e.slice(dot + 1) };
}

/** reflect.Type.String() of a Go type expression written in `pkg` (package names, not aliases). */
function goTypeString(ref, pkg, expr, imports, cache) {
  if (expr.startsWith('*')) return '*' + goTypeString(ref, pkg, expr.slice(1), imports, cache);
  if (expr.startsWith('[]')) return '[]' + goTypeString(ref, pkg, expr.slice(2), imports, cache);
  if (expr.startsWith('map[')) {
    const close = expr.indexOf(']');
    return `map[${goTypeString(ref, pkg, expr.slice(4, close), imports, cache)}]${goTypeString(ref, pkg, expr.slice(close + 1), imports, cache)}`;
  }
  if (expr === 'byte') return 'uint8';
  if (expr === 'any') return 'interface {}';
  if (GO_BUILTINS.has(expr)) return expr;
  const named = resolveNamed(ref, pkg, expr, imports, cache);
  return named ? `${named.pkg.name}.${named.name}` : expr;
}

/** The builtin a named type stands for (DiskBus → string, Port → int32), or the expression itself. */
function underlying(ref, pkg, expr, imports, cache, depth = 0) {
  const e = expr.replace(/^\*/, '');
  if (GO_BUILTINS.has(e) || depth > 5) return e === 'byte' ? 'uint8' : e;
  const named = resolveNamed(ref, pkg, e, imports, cache);
  if (!named) return e;
  const decl = named.pkg.named.get(named.name);
  if (!decl) return e;
  return underlying(ref, named.pkg, decl.goType, decl.imports, cache, depth + 1);
}

/**
 * The JSON-visible fields of a struct: json name → { goType (as written), pkg, imports, embeds
 * (Go names of the embedded structs it is promoted through) }.
 */
function jsonFields(ref, pkg, structName, cache, depth = 0) {
  const out = new Map();
  const fields = pkg.structs.get(structName);
  if (!fields || depth > 5) return out;
  for (const f of fields) {
    if (f.embedded && !f.jsonName) {
      const named = resolveNamed(ref, pkg, f.goType, f.imports, cache);
      if (!named) continue;
      for (const [name, inner] of jsonFields(ref, named.pkg, named.name, cache, depth + 1)) {
        if (!out.has(name)) out.set(name, { ...inner, embeds: [named.name, ...inner.embeds] });
      }
    } else {
      out.set(f.jsonName, { goType: f.goType, pkg, imports: f.imports, embeds: [] });
    }
  }
  return out;
}

/** Swagger definition name → Go package import path and struct name. */
function goHome(def) {
  const dot = def.lastIndexOf('.');
  const prefix = def.slice(0, dot);
  const name = def.slice(dot + 1);
  const candidates = {
    v1: ['kubevirt.io/api/core/v1'],
    v1beta1: ['kubevirt.io/api/instancetype/v1beta1', 'kubevirt.io/api/pool/v1beta1', 'kubevirt.io/containerized-data-importer-api/pkg/apis/core/v1beta1'],
    v1alpha1: ['kubevirt.io/api/pool/v1alpha1'],
  }[prefix] ?? ['k8s.io/' + prefix.replace(/^k8s\.io\./, '').replaceAll('.', '/')];
  return { candidates, name };
}

// ---------------------------------------------------------------- CRD preserve-unknown markers

/** The CRDs' preserve-unknown nodes, as (swagger definition, property) → 'deep' | 'shallow'. */
function preserveMarkers(ref, swagger) {
  const markers = new Map();
  let src;
  try {
    src = show(ref, 'pkg/virt-operator/resource/generate/components/validations_generated.go');
  } catch {
    return markers;
  }
  const crds = new Map();
  for (const m of src.matchAll(/\t"(\w+)": `([\s\S]*?)`,?\n/g)) crds.set(m[1], m[2]);
  for (const [rootDef, crdName] of Object.values(ROOTS)) {
    const text = crds.get(crdName);
    if (!text) continue;
    const schema = parseYaml(text.replaceAll('` + "`" + `', '`')).openAPIV3Schema;
    const walk = (crd, def, depth) => {
      if (!crd || depth > 40) return;
      const d = swagger.definitions[def];
      if (!d?.properties) return;
      for (const [prop, sub] of Object.entries(crd.properties ?? {})) {
        const sw = d.properties[prop];
        if (!sw) continue;
        if (sub['x-kubernetes-preserve-unknown-fields']) markers.set(`${def}#${prop}`, sub.properties ? 'shallow' : 'deep');
        let target = sw;
        let node = sub;
        while (target.type === 'array' || (target.type === 'object' && target.additionalProperties)) {
          if (target.type === 'array') {
            target = target.items ?? {};
            node = node.items ?? {};
          } else {
            target = target.additionalProperties;
            node = node.additionalProperties ?? {};
          }
        }
        const refName = target.$ref?.replace('#/definitions/', '');
        if (refName) walk(node, refName, depth + 1);
      }
    };
    walk(schema, rootDef, 0);
  }
  return markers;
}

// ---------------------------------------------------------------- the table

const SPECIAL = {
  'k8s.io.apimachinery.pkg.api.resource.Quantity': 'q',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': 'ios',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'k8s.io.apimachinery.pkg.apis.meta.v1.Duration': 'dur',
  'k8s.io.apimachinery.pkg.runtime.RawExtension': 'any',
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
};

const INT_KINDS = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64']);

/**
 * The type of one swagger property, with the Go type the field has:
 *   s|b|n:<go type>  string, bool, float; i:<go type>:<int kind> integer;
 *   q, ios, time, dur, any  special types; @Def  a struct; [<elem> a list; {<elem> a map.
 * The Go type string is what encoding/json prints; `*` is dropped (it decodes into the element).
 */
function typeOf(sw, goType, ctx) {
  const refName = sw.$ref?.replace('#/definitions/', '') ?? (sw.allOf?.[0]?.$ref?.replace('#/definitions/', ''));
  if (refName) {
    if (SPECIAL[refName]) return SPECIAL[refName];
    ctx.queue.push(refName);
    return '@' + refName;
  }
  const t = Array.isArray(sw.type) ? 'mixed' : sw.type;
  switch (t) {
    case 'string':
      return `s:${ctx.go(goType) ?? 'string'}`;
    case 'boolean':
      return `b:${ctx.go(goType) ?? 'bool'}`;
    case 'number':
      return `n:${ctx.go(goType) ?? 'float64'}`;
    case 'integer': {
      const kind = goType ? ctx.underlying(goType) : sw.format === 'int32' ? 'int32' : 'int64';
      return `i:${ctx.go(goType) ?? kind}:${INT_KINDS.has(kind) ? kind : sw.format === 'int32' ? 'int32' : 'int64'}`;
    }
    case 'array': {
      const g = goType?.replace(/^\*/, '');
      return '[' + typeOf(sw.items ?? {}, g?.startsWith('[]') ? g.slice(2) : undefined, ctx);
    }
    case 'object':
      if (sw.additionalProperties && typeof sw.additionalProperties === 'object') {
        const g = goType ? ctx.mapElem(goType) : undefined;
        return '{' + typeOf(sw.additionalProperties, g, ctx);
      }
      return 'any';
    default:
      return 'any';
  }
}

function buildVersion(ref) {
  const swagger = JSON.parse(show(ref, 'api/openapi-spec/swagger.json'));
  const markers = preserveMarkers(ref, swagger);
  const cache = new Map();
  const defs = {};
  const queue = Object.values(ROOTS).map(([d]) => d);
  const rootDefs = new Set(queue);
  const seen = new Set();
  while (queue.length > 0) {
    const def = queue.shift();
    if (seen.has(def)) continue;
    seen.add(def);
    const sw = swagger.definitions[def];
    if (!sw) throw new Error(`${ref}: no definition ${def}`);
    const home = goHome(def);
    let pkg;
    let fields = new Map();
    for (const c of home.candidates) {
      const p = loadPackage(ref, c, cache);
      if (p.structs.has(home.name)) {
        pkg = p;
        fields = jsonFields(ref, p, home.name, cache);
        break;
      }
    }
    const row = { g: home.name, f: {} };
    for (const [prop, psw] of Object.entries(sw.properties ?? {})) {
      // A manifest's status is not what l1vh checks (the API server ignores it on create).
      if (prop === 'status' && rootDefs.has(def)) continue;
      const gf = fields.get(prop);
      const goOf = (expr) => (expr && gf ? goTypeString(ref, gf.pkg, expr.replace(/^\*/, ''), gf.imports, cache) : undefined);
      const ctx = {
        queue,
        go: goOf,
        underlying: (expr) => (gf ? underlying(ref, gf.pkg, expr, gf.imports, cache) : expr),
        mapElem: (expr) => {
          if (!gf) return undefined;
          let e = expr.replace(/^\*/, '');
          for (let i = 0; i < 5 && !e.startsWith('map['); i++) {
            const named = resolveNamed(ref, gf.pkg, e, gf.imports, cache);
            const decl = named && named.pkg.named.get(named.name);
            if (!decl) return undefined;
            e = decl.goType;
          }
          return e.startsWith('map[') ? e.slice(e.indexOf(']') + 1) : undefined;
        },
      };
      const goType = gf?.goType;
      let type = typeOf(psw, goType, ctx);
      const goString = goType ? goTypeString(ref, gf.pkg, goType.replace(/^\*/, ''), gf.imports, cache) : undefined;
      const entry = [type];
      // Go type of the field as encoding/json prints it (containers and structs; scalars carry it).
      if (goString && !/^[sbni]:/.test(type)) entry.push(goString);
      else if (!/^[sbni]:/.test(type)) entry.push('');
      if (gf?.embeds.length) entry[2] = gf.embeds.join('.');
      const mark = markers.get(`${def}#${prop}`);
      if (mark) entry[3] = mark === 'deep' ? 'open' : 'open1';
      while (entry.length > 1 && (entry[entry.length - 1] === undefined || entry[entry.length - 1] === '')) entry.pop();
      for (let i = 0; i < entry.length; i++) entry[i] ??= '';
      row.f[prop] = entry.length === 1 ? entry[0] : entry;
    }
    if (!pkg) row.g = home.name;
    defs[def] = row;
  }
  return defs;
}

const tables = VERSIONS.map(([key, ref]) => [key, buildVersion(ref)]);
const [baseKey, base] = tables[0];
const diffs = {};
for (const [key, defs] of tables.slice(1)) {
  const changed = {};
  for (const [name, row] of Object.entries(defs)) if (JSON.stringify(base[name]) !== JSON.stringify(row)) changed[name] = row;
  const removed = Object.keys(base).filter((n) => !(n in defs));
  diffs[key] = { changed, removed };
}
const roots = Object.fromEntries(Object.entries(ROOTS).map(([k, [d]]) => [k, d]));
// A row's fields stay a JSON string until the walk first meets the definition: start-up parses
// only the outer table (cheap strings), not every field of every definition.
const packRows = (rows) => Object.fromEntries(Object.entries(rows).map(([k, row]) => [k, [row.g, JSON.stringify(row.f)]]));
for (const d of Object.values(diffs)) d.changed = packRows(d.changed);
const data = { base: baseKey, roots, defs: packRows(base), diffs };
const refs = VERSIONS.map(([k, r]) => `${k}=${r === 'HEAD' ? 'main' : r}`).join(', ');
const out = [
  '// Generated by scripts/gen-field-schema.mjs from KubeVirt\'s published API definitions',
  `// (api/openapi-spec/swagger.json, the CRDs' openAPIV3Schema, the API's Go field types) for ${refs}.`,
  '// Do not edit. Format: see src/schema/field-schema.ts.',
  `export const FIELD_SCHEMA_JSON: string = ${JSON.stringify(JSON.stringify(data))};`,
  '',
].join('\n');
writeFileSync(join(root, 'src/schema/field-schema.generated.ts'), out);
console.log(`defs: ${Object.keys(base).length}; ${Object.entries(diffs).map(([k, d]) => `${k}: ${Object.keys(d.changed).length} changed, ${d.removed.length} removed`).join('; ')}; ${out.length} bytes`);
