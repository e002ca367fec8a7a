// The lint pool: with worker threads the findings and counts equal a single-threaded run, in
// input order; instancetypes in one share resolve VMs in another; a broken worker script falls
// back to linting inline.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceText } from '@l1vh/core';
import { lintInParallel } from '../../src/parallel/index.js';
import { splitByBytes } from '../../src/parallel/split.js';

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

function corpus(n: number): SourceText[] {
  const files: SourceText[] = [];
  for (let f = 0; f < n; f++) {
    const docs = [vm(f * 2), vm(f * 2 + 1, f === n - 1 ? '  instancetype:\n    name: local-it\n    kind: VirtualMachineInstancetype\n' : '')];
    if (f === 0) docs.push(INSTANCETYPE); // defined in the first share, used in the last
    if (f === 3) docs.push('a: [unclosed\n');
    files.push({ path: `f${String(f).padStart(3, '0')}.yaml`, text: docs.join('---\n') });
  }
  return files;
}

describe('lintInParallel', () => {
  it('gives the single-threaded result, in input order', async () => {
    const sources = corpus(12);
    const single = await lintInParallel(sources, [], {}, { threads: 1 });
    const multi = await lintInParallel(sources, [], {}, { threads: 3, minFiles: 2, workerFile });
    expect(multi.threads).toBe(3);
    expect(single.threads).toBe(1);
    expect(multi.objects).toBe(24); // the 8 VMs with a wrongly typed field are reported and checked (admission refuses them)
    expect(multi.findings).toEqual(single.findings);
    const files = multi.findings.map((f) => f.range?.file ?? '');
    expect(files).toEqual([...files].sort());
    expect(multi.findings.some((f) => f.code === 'WRONG_TYPE')).toBe(true);
    expect(multi.findings.some((f) => f.code === 'YAML_SYNTAX')).toBe(true);
    // The VM naming the instancetype of file 0 lives in the last share: it must resolve.
    const mentions = (fs: { message: string; range?: { file: string } }[]) => fs.filter((f) => f.range?.file === 'f011.yaml' && /local-it/.test(f.message));
    expect(mentions(multi.findings)).toEqual([]);
    const alone = await lintInParallel(sources.slice(11), [], {}, { threads: 1 });
    expect(mentions(alone.findings).length).toBeGreaterThan(0);
  });

  it('lints inline below the file threshold', async () => {
    const r = await lintInParallel(corpus(3), [], {}, { threads: 2, workerFile });
    expect(r.threads).toBe(1);
  });

  it('lints a failed worker’s share inline', async () => {
    const sources = corpus(6);
    const single = await lintInParallel(sources, [], {}, { threads: 1 });
    const broken = await lintInParallel(sources, [], {}, { threads: 2, minFiles: 2, workerFile: join(dir, 'broken.cjs') });
    expect(broken.findings).toEqual(single.findings);
  });

  it('splits files into contiguous shares of similar size', () => {
    const sources = [100, 100, 100, 100, 400, 100, 100].map((n, i) => ({ path: String(i), text: 'x'.repeat(n) }));
    const ranges = splitByBytes(sources, 2);
    expect(ranges).toEqual([[0, 5], [5, 7]]);
    expect(splitByBytes(sources.slice(0, 1), 4)).toEqual([[0, 1]]);
  });
});
