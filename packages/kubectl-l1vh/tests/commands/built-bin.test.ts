// A few runs of the bundled executable, as a user runs it: exit codes and output. The bundle is
// built here with build.mjs's settings into a private folder, so tests that build dist/ at the
// same time cannot interfere (lint and domain never load the cluster client chunk).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VM_OK, VM_PENDING } from '../support/fake-io.js';

let dir: string;
let BIN: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'l1vh-lint-'));
  BIN = join(dir, 'kubectl-l1vh.cjs');
  await build({
    entryPoints: [join(__dirname, '../../src/bin.ts')],
    outfile: BIN,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
    plugins: [{ name: 'lazy-cluster-client', setup: (b) => b.onResolve({ filter: /^\.\/client\.js$/ }, () => ({ path: './cluster-client.cjs', external: true })) }],
  });
  writeFileSync(join(dir, '.l1vh.yaml'), 'rules:\n  libvirt-schema-quirk: off\n  memory-too-small: off\n');
  writeFileSync(join(dir, 'ok.yaml'), VM_OK);
  writeFileSync(join(dir, 'pending.yaml'), VM_PENDING);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bin = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });

describe('dist/kubectl-l1vh', () => {
  it('lint: 0 when clean', () => {
    const r = bin(['lint', 'ok.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
  it('lint: 1 with findings, one line each on stdout', () => {
    const r = bin(['lint', '.']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^pending\.yaml:4:3: error no-launch: no node can run the virt-launcher pod of pending/);
  });
  it('lint: 2 for an unknown format', () => {
    const r = bin(['lint', '-o', 'html', '.']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('valid: text, json, sarif, junit');
  });
  it('domain: XML on stdout, exit 0', () => {
    const r = bin(['domain', 'ok.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<domain type="hyperv"/);
  });
  it('help lists lint and domain', () => {
    const r = bin(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  lint (FILE|DIR|-)...');
    expect(r.stdout).toContain('  domain (FILE|DIR|-)...');
  });
});
