// Hostile files through the CLI with the real file system: a 200 MB file is refused by size
// before it is read, directories with symlink loops terminate, binary data and invalid UTF-8
// are one-line errors, deep nesting is a YAML_LIMIT finding. Never a crash, never OOM.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSE_LIMITS } from '@l1vh/core';
import { nodeIO, type CliIO } from '../../src/io.js';
import { main } from '../../src/main.js';
import { EXIT } from '../../src/report.js';

const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: fine
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        devices: {}
        resources:
          requests:
            memory: 1Gi
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'l1vh-hostile-'));
  // 200 MB without using 200 MB of disk: a sparse file.
  const fd = openSync(join(dir, 'huge.yaml'), 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
  mkdirSync(join(dir, 'tree/sub'), { recursive: true });
  writeFileSync(join(dir, 'tree/sub/vm.yaml'), VM);
  symlinkSync('..', join(dir, 'tree/sub/up')); // loops back to tree/
  symlinkSync('.', join(dir, 'tree/self'));
  symlinkSync('b.yaml', join(dir, 'tree/a.yaml')); // a ↔ b: ELOOP
  symlinkSync('a.yaml', join(dir, 'tree/b.yaml'));
  writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0xff, 0x00]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  writeFileSync(join(dir, 'nul.yaml'), 'apiVersion: v1\u0000\n');
  writeFileSync(join(dir, 'deep-flow.yaml'), '['.repeat(10_000) + ']'.repeat(10_000));
  writeFileSync(join(dir, 'deep-block.yaml'), '- '.repeat(10_000) + 'x\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  const base = nodeIO();
  let out = '';
  let err = '';
  const io: CliIO = { ...base, cwd: dir, stdout: (t) => void (out += t), stderr: (t) => void (err += t), stderrIsTTY: false };
  const t0 = performance.now();
  const code = await main(args, io);
  return { code, out, err, ms: performance.now() - t0 };
}

describe('hostile files via the CLI', () => {
  it('refuses a 200 MB file by its size, before reading it', async () => {
    const before = process.memoryUsage().rss;
    const r = await run(['explain', join(dir, 'huge.yaml')]);
    expect(r.code).toBe(EXIT.USAGE); // docs/cli.md: a file I/O problem is exit 2
    expect(r.err).toContain(`huge.yaml: error IO_ERROR: file is 200 MiB, over the ${PARSE_LIMITS.maxFileBytes / 1024 / 1024} MiB limit; refused`);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(r.ms).toBeLessThan(1_000);
  });

  it('walks a directory with symlink loops once, and finishes', async () => {
    const r = await run(['explain', '-o', 'json', join(dir, 'tree')]);
    const { items } = JSON.parse(r.out) as { items: { name: string }[] };
    expect(items.map((i) => i.name)).toEqual(['fine']);
    expect(r.err).not.toMatch(/internal error/);
  });

  it('reports invalid UTF-8 and binary files as one-line errors and goes on', async () => {
    const r = await run(['explain', '-o', 'json', join(dir, 'latin1.yaml'), join(dir, 'binary.yaml'), join(dir, 'nul.yaml'), join(dir, 'tree/sub/vm.yaml')]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.err).toMatch(/latin1\.yaml: error IO_ERROR: not valid UTF-8 text/);
    expect(r.err).toMatch(/binary\.yaml: error IO_ERROR: binary file \(NUL bytes\)/);
    expect(r.err).toMatch(/nul\.yaml: error IO_ERROR: binary file \(NUL bytes\)/);
    expect((JSON.parse(r.out) as { items: unknown[] }).items.length).toBe(1);
    for (const line of r.err.trim().split('\n')) expect(line).toMatch(/^\S+: error [A-Z_]+: |^\S+:\d+:\d+: error [A-Z_]+: /);
  });

  it('reports 10,000-level nesting (flow and block) as a limit with a position', async () => {
    const r = await run(['explain', join(dir, 'deep-flow.yaml'), join(dir, 'deep-block.yaml')]);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(r.err).toMatch(/deep-flow\.yaml:1:\d+: error YAML_LIMIT: document nests deeper than 128 levels/);
    expect(r.err).toMatch(/deep-block\.yaml:1:\d+: error YAML_LIMIT: document nests deeper than 128 levels/);
  });

  it('lint refuses the same hostile inputs without crashing', async () => {
    const r = await run(['lint', '--no-config', join(dir, 'huge.yaml'), join(dir, 'deep-flow.yaml')]);
    expect([EXIT.FINDINGS, EXIT.USAGE]).toContain(r.code);
    expect(r.err).toMatch(/huge\.yaml: error IO_ERROR: file is 200 MiB/);
    expect(r.err).not.toMatch(/internal error/);
  });
});
