// The lint pool: with worker threads and batches (streamed from disk) the findings and counts
// equal linting every file at once, in input order; instancetypes in one share or batch resolve
// VMs in another, and a name defined twice resolves to its last definition; a broken worker
// script falls back to linting inline.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceText } from '@l1vh/core';
import { nodeIO } from '../../src/io.js';
import { lintFiles, mayHoldContext } from '../../src/parallel/index.js';
import { splitByBytes } from '../../src/parallel/split.js';
import { listInputs, type InputFile } from '../../src/read-inputs.js';

let dir: string;
let workerFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'l1vh-pool-'));
  workerFile = join(dir, 'kubectl-l1vh.cjs');
  // The bundle is its own worker script, as dist/kubectl-l1vh is.
  await build({
    entryPoints: [join(__dirname, '../../src/bin.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    plugins: [{ name: 'no-cluster-client', setup: (b) => b.onResolve({ filter: /^\.\/client\.js$/ }, () => ({ path: './cluster-client.cjs', external: true })) }],
  });
  writeFileSync(join(dir, 'broken.cjs'), 'process.exit(3);\n');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vm = (i: number, extra = ''): string => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm-${i}
spec:
  runStrategy: Always
${extra}  template:
    spec:
      domain:
        devices:
          disks:
          - name: root
          - name: orphan-${i}
        cpu:
          cores: ${i % 3 === 0 ? '"2"' : '1'}
        resources:
          requests:
            memory: 1Gi
      volumes:
      - name: root
        containerDisk:
          image: quay.io/containerdisks/fedora:41
`;

const INSTANCETYPE = `apiVersion: instancetype.kubevirt.io/v1beta1
kind: VirtualMachineInstancetype
metadata:
  name: local-it
spec:
  cpu: {guest: 2}
  memory: {guest: 2Gi}
`;

/** A PVC in Block or Filesystem mode: a VM's disk on a block PVC gets an info finding. */
const pvc = (mode: 'Block' | 'Filesystem'): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shared-data
spec:
  accessModes: [ReadWriteMany]
  volumeMode: ${mode}
  resources: {requests: {storage: 10Gi}}
`;

const PVC_VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: on-pvc
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        devices:
          disks:
          - name: data
        resources:
          requests:
            memory: 1Gi
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: shared-data
`;

function corpus(n: number): SourceText[] {
  const files: SourceText[] = [];
  for (let f = 0; f < n; f++) {
    const docs = [vm(f * 2), vm(f * 2 + 1, f === n - 1 ? '  instancetype:\n    name: local-it\n    kind: VirtualMachineInstancetype\n' : '')];
    if (f === 0) docs.push(INSTANCETYPE); // defined in the first share, used in the last
    if (f === 3) docs.push('a: [unclosed\n');
    // The same PVC twice: the last definition (Filesystem) is the one every VM sees.
    if (f === 1) docs.push(pvc('Block'));
    if (f === 1) docs.push(PVC_VM); // in the same file (batch) as the first definition
    if (f === n - 2) docs.push(pvc('Filesystem'));
    files.push({ path: `f${String(f).padStart(3, '0')}.yaml`, text: docs.join('---\n') });
  }
  return files;
}

/** The files as the lint command lists them: only the ones that may hold context keep their text. */
const listed = (sources: readonly SourceText[]): InputFile[] =>
  sources.map((s) => (mayHoldContext(s) ? { path: s.path, bytes: s.text.length, source: s } : { path: s.path, bytes: s.text.length }));
/** Every text kept (workers cannot read these made-up paths from disk). */
const kept = (sources: readonly SourceText[]): InputFile[] => sources.map((s) => ({ path: s.path, bytes: s.text.length, source: s }));
const reader = (sources: readonly SourceText[]) => (path: string) => sources.find((s) => s.path === path)!;
/** Every file at once, as core's lintSources lints them (the pool's small-input path). */
const atOnce = (sources: readonly SourceText[]) => lintFiles(listed(sources), {}, {}, { minFiles: Infinity, read: reader(sources) });

describe('lintFiles', () => {
  it('gives the result of linting every file at once, in input order, with threads and batches', async () => {
    const sources = corpus(12);
    const reference = await atOnce(sources);
    const multi = await lintFiles(kept(sources), {}, {}, { threads: 3, minFiles: 2, workerFile, batchBytes: 1 });
    // One thread, one batch per file, the other files read when their batch comes.
    const single = await lintFiles(listed(sources), {}, {}, { threads: 1, minFiles: 2, batchBytes: 1, read: reader(sources) });
    expect(reference.threads).toBe(1);
    expect(multi.threads).toBe(3);
    expect(multi.objects).toBe(25); // the 8 VMs with a wrongly typed field are reported and checked (admission refuses them)
    expect(multi.findings).toEqual(reference.findings);
    expect(single.findings).toEqual(reference.findings);
    expect(multi.problems).toEqual([]);
    const files = multi.findings.map((f) => f.file ?? '');
    expect(files).toEqual([...files].sort());
    expect(multi.findings.some((f) => f.ruleId === 'WRONG_TYPE' && f.line !== undefined)).toBe(true);
    expect(multi.findings.some((f) => f.ruleId === 'YAML_SYNTAX')).toBe(true);
    // The VM naming the instancetype of file 0 lives in the last share: it must resolve.
    const mentions = (fs: { message: string; file?: string }[]) => fs.filter((f) => f.file === 'f011.yaml' && /local-it/.test(f.message));
    expect(mentions(multi.findings)).toEqual([]);
    const alone = await atOnce(sources.slice(11));
    expect(mentions(alone.findings).length).toBeGreaterThan(0);
    // The PVC's last definition is a filesystem one: no block-PVC finding, in any share or batch.
    const blockPvc = (fs: { message: string }[]) => fs.filter((f) => /block PVC/.test(f.message));
    expect(blockPvc(multi.findings)).toEqual([]);
    expect(blockPvc((await atOnce(sources.slice(0, 3))).findings).length).toBe(1);
  });

  it('streams files from disk: only context files keep their text, results as at once', async () => {
    const sources = corpus(10);
    const tree = join(dir, 'tree');
    for (const [i, s] of sources.entries()) {
      const sub = join(tree, `team-${i % 3}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, s.path), s.text);
    }
    const io = { ...nodeIO(), cwd: dir };
    const inputs = await listInputs([tree], io, mayHoldContext);
    expect(inputs.problems).toEqual([]);
    expect(inputs.files.filter((f) => f.source).map((f) => f.path.slice(tree.length + 1))).toEqual(['team-0/f000.yaml', 'team-1/f001.yaml', 'team-2/f008.yaml']);
    const streamed = await lintFiles(inputs.files, {}, {}, { threads: 2, minFiles: 2, workerFile, batchBytes: 1 });
    const onDisk = inputs.files.map((f) => ({ path: f.path, text: sources.find((s) => f.path.endsWith(`/${s.path}`))!.text }));
    expect(streamed.threads).toBe(2);
    expect(streamed.findings).toEqual((await atOnce(onDisk)).findings);
    // A file gone since it was listed is an input problem, not a crash.
    rmSync(join(tree, 'team-1', 'f004.yaml'));
    const gone = await lintFiles(inputs.files, {}, {}, { threads: 1, minFiles: 2 });
    expect(gone.problems).toEqual([{ file: join(tree, 'team-1', 'f004.yaml'), message: 'no such file or directory' }]);
  });

  it('lints inline below the file threshold', async () => {
    const sources = corpus(3);
    const r = await lintFiles(listed(sources), {}, {}, { threads: 2, workerFile, read: reader(sources) });
    expect(r.threads).toBe(1);
  });

  it('lints a failed worker’s share inline', async () => {
    const sources = corpus(6);
    const broken = await lintFiles(kept(sources), {}, {}, { threads: 2, minFiles: 2, workerFile: join(dir, 'broken.cjs') });
    expect(broken.findings).toEqual((await atOnce(sources)).findings);
  });

  it('splits files into contiguous shares of similar size', () => {
    const sizes = [100, 100, 100, 100, 400, 100, 100];
    expect(splitByBytes(sizes, 2)).toEqual([[0, 5], [5, 7]]);
    expect(splitByBytes(sizes.slice(0, 1), 4)).toEqual([[0, 1]]);
  });
});
