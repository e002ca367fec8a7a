// The property behind the normal and the fuzz robustness tests: whatever the manifest (golden
// cases mutated structurally and textually), the pipeline never throws, every finding carries a
// position inside its file, every domain XML is well-formed, and each document is processed in
// bounded time.
import { INTERNAL_ERROR_PREFIX } from '@l1vh/core';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { dump } from 'js-yaml';
import { explainAll, lintSources, loadObjects, loadProfile, type ClusterProfile, type Finding } from '../../../src/index.js';
import { clusterTexts, seedTexts } from './seeds.js';

export interface Totals {
  cases: number;
  objects: number;
  findings: number;
  xmlChecked: number;
  maxMsPerDocument: number;
}

/** Wall-clock bound per document; generous, because the machine is shared. */
export const MAX_MS_PER_DOCUMENT = 2_000;

const seeds = seedTexts();
const clusters = clusterTexts();
let profiles: ClusterProfile[] | undefined;
function profileList(): ClusterProfile[] {
  profiles ??= [loadProfile([]).profile, ...clusters.slice(0, 6).map((c) => loadProfile([c]).profile)];
  return profiles;
}

const PATHS: readonly (readonly string[])[] = [
  ['spec', 'template', 'spec', 'domain', 'cpu', 'cores'],
  ['spec', 'template', 'spec', 'domain', 'cpu'],
  ['spec', 'template', 'spec', 'domain', 'memory', 'guest'],
  ['spec', 'template', 'spec', 'domain', 'resources', 'requests', 'memory'],
  ['spec', 'template', 'spec', 'domain', 'resources', 'limits', 'cpu'],
  ['spec', 'template', 'spec', 'domain', 'devices', 'disks'],
  ['spec', 'template', 'spec', 'domain', 'devices', 'interfaces'],
  ['spec', 'template', 'spec', 'domain', 'devices'],
  ['spec', 'template', 'spec', 'domain', 'firmware', 'bootloader'],
  ['spec', 'template', 'spec', 'domain', 'features'],
  ['spec', 'template', 'spec', 'domain', 'machine', 'type'],
  ['spec', 'template', 'spec', 'domain'],
  ['spec', 'template', 'spec', 'volumes'],
  ['spec', 'template', 'spec', 'networks'],
  ['spec', 'template', 'spec'],
  ['spec', 'template', 'metadata', 'annotations'],
  ['spec', 'instancetype'],
  ['spec', 'instancetype', 'name'],
  ['spec', 'preference', 'name'],
  ['spec', 'runStrategy'],
  ['spec', 'domain', 'cpu', 'cores'],
  ['spec', 'domain', 'devices', 'disks'],
  ['spec'],
  ['metadata', 'name'],
  ['metadata'],
  ['kind'],
  ['apiVersion'],
];

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, '', '0', '2Gi', '-1Gi', '1e400', 'NaN', '9999999999Ti', 'virtio', 'hyperv', '\u0000', '<x>&"\'', {}, [], [null], [{}], [{ name: 'rootdisk' }], { name: 1 }),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

interface Mutation {
  path: readonly string[];
  op: 'set' | 'delete';
  value: unknown;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({ path: fc.constantFrom(...PATHS), op: fc.constantFrom('set', 'set', 'delete'), value: valueArb });

function mutate(root: unknown, m: Mutation): void {
  let node = root as Record<string, unknown>;
  for (const key of m.path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = m.path[m.path.length - 1]!;
  if (m.op === 'delete') delete node[last];
  // A copy: constantFrom hands out the same object every time, and a later mutation of this
  // case must not write into it (that made cyclic or ever-growing values across cases).
  else node[last] = structuredClone(m.value);
}

const textEditArb = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 6 }), ins: fc.oneof(fc.constantFrom('', ' ', '\n', '- ', ': ', '---\n', '&a ', '*a', '{', ']', '"', '\t', '#'), fc.string({ maxLength: 6 })) });

export const caseArb = fc.record({
  seeds: fc.array(fc.nat(seeds.length - 1), { minLength: 1, maxLength: 3 }),
  mutations: fc.array(mutationArb, { maxLength: 4 }),
  edits: fc.array(textEditArb, { maxLength: 2 }),
  profile: fc.nat(),
});

export type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** The manifest text of a case: seeds parsed, mutated, re-serialised, then edited as text. */
export function caseText(c: Case): string {
  const docs = c.seeds.map((i, k) => {
    const value = loadObjects([{ path: 's.yaml', text: seeds[i]! }]).objects[0]?.value ?? {};
    const copy = structuredClone(value);
    for (const m of c.mutations.filter((_, j) => j % c.seeds.length === k)) mutate(copy, m);
    return dump(copy, { noRefs: true, lineWidth: -1 });
  });
  let text = docs.join('---\n');
  for (const e of c.edits) {
    const at = e.at % (text.length + 1);
    text = text.slice(0, at) + e.ins + text.slice(at + e.del);
  }
  return text;
}

function checkFinding(f: Finding, path: string, length: number): void {
  if (!f.range) throw new Error(`finding without a position: ${f.code} ${f.message}`);
  if (f.range.file !== path) return; // points into the profile or the built-ins
  if (!(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= length)) throw new Error(`finding outside its file: ${JSON.stringify(f.range)} (${length}) ${f.code}`);
  if (f.message.includes('\n')) throw new Error(`multi-line message: ${f.code}`);
}

/** Runs one case through the pipeline; throws (fails the property) on any violation. */
export function checkCase(c: Case, totals: Totals): void {
  const path = 'case.yaml';
  const text = caseText(c);
  const profile = profileList()[c.profile % profileList().length]!;
  const t0 = performance.now();
  const loaded = loadObjects([{ path, text }]);
  for (const f of loaded.findings) checkFinding(f, path, text.length);
  const explained = explainAll(loaded.objects, profile);
  for (const e of explained) {
    if (e.item.error?.startsWith(INTERNAL_ERROR_PREFIX)) throw new Error(e.item.error);
    if (e.item.domainXml !== null) {
      const valid = XMLValidator.validate(e.item.domainXml);
      if (valid !== true) throw new Error(`malformed domain XML: ${valid.err.msg} (line ${valid.err.line})`);
      totals.xmlChecked++;
    }
    JSON.stringify(e.item); // the explain -o json contract must serialise
  }
  const lint = lintSources([{ path, text }], profile);
  for (const f of lint.findings) checkFinding(f, path, text.length);
  const ms = (performance.now() - t0) / Math.max(1, c.seeds.length);
  if (ms > MAX_MS_PER_DOCUMENT) throw new Error(`took ${ms.toFixed(0)} ms per document`);
  totals.cases++;
  totals.objects += loaded.objects.length;
  totals.findings += loaded.findings.length + lint.findings.length;
  totals.maxMsPerDocument = Math.max(totals.maxMsPerDocument, ms);
}

export function newTotals(): Totals {
  return { cases: 0, objects: 0, findings: 0, xmlChecked: 0, maxMsPerDocument: 0 };
}
