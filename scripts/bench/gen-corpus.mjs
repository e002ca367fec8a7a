// Deterministic benchmark corpus: FILES files of DOCS_PER_FILE VM-like manifests each, varied
// from the golden cases (disks, interfaces, instancetypes, CPU/memory, some VMIs, a few with
// findings). Same seed → byte-identical corpus, so runs are comparable.
//
//   node scripts/bench/gen-corpus.mjs OUT_DIR [files=1000] [docsPerFile=10]
//   node scripts/bench/gen-corpus.mjs --tree OUT_DIR CORPUS_DIR [copies=10]
// --tree: a large tree (the 100,000-manifest memory bench) made of COPIES copies of a generated
// corpus, VM names made unique per copy: fast to write, same mix of manifests.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../../packages/core/package.json', import.meta.url)));
const YAML = require('yaml');

const GOLDEN = fileURLToPath(new URL('../../../shared/golden/generated', import.meta.url));

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadSeeds() {
  const seeds = [];
  for (const group of readdirSync(GOLDEN).sort()) {
    const dir = join(GOLDEN, group, 'cases');
    for (const name of readdirSync(dir).sort()) {
      const v = YAML.parse(readFileSync(join(dir, name), 'utf8'));
      if (v && typeof v === 'object' && (v.kind === 'VirtualMachine' || v.kind === 'VirtualMachineInstance')) seeds.push(v);
    }
  }
  return seeds;
}

const INSTANCETYPES = ['u1.small', 'u1.medium', 'u1.large', 'cx1.large', 'm1.xlarge', 'n1.medium', 'o1.large'];
const MEMORY = ['512Mi', '1Gi', '1536M', '2Gi', '4Gi', '8Gi', '16Gi'];
const BUSES = ['virtio', 'sata', 'scsi'];
const MODELS = ['virtio', 'e1000e', 'virtio'];

/** One varied manifest derived from a seed. */
function vary(seed, i, r) {
  const vm = structuredClone(seed);
  const name = `bench-${i}`;
  vm.metadata = { ...(vm.metadata ?? {}), name, namespace: `ns-${i % 7}` };
  let vmiSpec = vm.kind === 'VirtualMachine' ? vm.spec?.template?.spec : vm.spec;
  if (!vmiSpec) return vm;
  const domain = (vmiSpec.domain ??= {});
  const devices = (domain.devices ??= {});
  const dice = r();
  if (vm.kind === 'VirtualMachine' && !vm.spec.instancetype && dice < 0.15) {
    vm.spec.instancetype = { name: INSTANCETYPES[Math.floor(r() * INSTANCETYPES.length)], kind: 'VirtualMachineClusterInstancetype' };
    delete domain.cpu;
    delete domain.memory;
    if (domain.resources) delete domain.resources.requests;
  } else if (!vm.spec?.instancetype) {
    domain.cpu = { ...(domain.cpu ?? {}), cores: 1 + Math.floor(r() * 8), sockets: 1 + Math.floor(r() * 2) };
    domain.resources = { ...(domain.resources ?? {}), requests: { ...(domain.resources?.requests ?? {}), memory: MEMORY[Math.floor(r() * MEMORY.length)] } };
  }
  const extraDisks = Math.floor(r() * 3);
  devices.disks ??= [];
  vmiSpec.volumes ??= [];
  for (let d = 0; d < extraDisks; d++) {
    const dn = `extra-${d}`;
    devices.disks.push({ name: dn, disk: { bus: BUSES[Math.floor(r() * BUSES.length)] } });
    vmiSpec.volumes.push({ name: dn, emptyDisk: { capacity: `${1 + d}Gi` } });
  }
  if (r() < 0.4) {
    devices.interfaces ??= [];
    vmiSpec.networks ??= [];
    if (!devices.interfaces.some((x) => x.name === 'default')) {
      devices.interfaces.push({ name: 'default', model: MODELS[Math.floor(r() * MODELS.length)], masquerade: {} });
      vmiSpec.networks.push({ name: 'default', pod: {} });
    }
  }
  // A few manifests with findings: a disk without a volume, a wrongly typed field.
  const bad = r();
  if (bad < 0.03) devices.disks.push({ name: 'orphan', disk: { bus: 'virtio' } });
  else if (bad < 0.05 && !vm.spec?.instancetype) domain.cpu = { ...(domain.cpu ?? {}), cores: String(domain.cpu?.cores ?? 2) };
  // Some VMIs: the template turned into a standalone VirtualMachineInstance.
  if (vm.kind === 'VirtualMachine' && !vm.spec.instancetype && !vm.spec.preference && r() < 0.2) {
    return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { ...vm.metadata, labels: vm.spec.template.metadata?.labels ?? {} }, spec: vmiSpec };
  }
  return vm;
}

export function generateCorpus(outDir, files = 1000, docsPerFile = 10, seed = 20261122) {
  const seeds = loadSeeds();
  const r = rng(seed);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let n = 0;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const docs = [];
    for (let d = 0; d < docsPerFile; d++, n++) docs.push(YAML.stringify(vary(seeds[Math.floor(r() * seeds.length)], n, r)));
    const text = docs.join('---\n');
    bytes += text.length;
    // Spread over sub-directories as a real repository would be.
    const sub = join(outDir, `team-${f % 10}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `vms-${String(f).padStart(4, '0')}.yaml`), text);
  }
  return { files, manifests: n, bytes };
}

/** `copies` copies of the corpus in `corpusDir` under OUT_DIR/part-K/…, names suffixed per copy. */
export function generateTree(outDir, corpusDir, copies = 10) {
  rmSync(outDir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  for (let k = 0; k < copies; k++) {
    for (const team of readdirSync(corpusDir).sort()) {
      const sub = join(outDir, `part-${k}`, team);
      mkdirSync(sub, { recursive: true });
      for (const name of readdirSync(join(corpusDir, team)).sort()) {
        const text = readFileSync(join(corpusDir, team, name), 'utf8').replaceAll('name: bench-', `name: bench-${k}-`);
        writeFileSync(join(sub, name), text);
        files++;
        bytes += text.length;
      }
    }
  }
  return { files, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === '--tree') {
  const [out = '.bench/tree-100k', corpus = '.bench/corpus', copies = '10'] = process.argv.slice(3);
  const r = generateTree(out, corpus, Number(copies));
  console.log(`tree: ${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(1)} MiB in ${out}`);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out = '.bench/corpus', files = '1000', per = '10'] = process.argv.slice(2);
  const r = generateCorpus(out, Number(files), Number(per));
  console.log(`corpus: ${r.files} files, ${r.manifests} manifests, ${(r.bytes / 1024 / 1024).toFixed(1)} MiB in ${out}`);
}
