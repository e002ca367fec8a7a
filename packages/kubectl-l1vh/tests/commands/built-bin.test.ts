// A few runs of the built executable (dist/kubectl-l1vh, built by `node build.mjs`): exit
// codes and output as a user sees them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VM_OK, VM_PENDING } from '../support/fake-io.js';

const PKG = join(__dirname, '../..');
const BIN = join(PKG, 'dist/kubectl-l1vh');
let dir: string;

beforeAll(() => {
  const b = spawnSync(process.execPath, ['build.mjs'], { cwd: PKG, encoding: 'utf8' });
  if (b.status !== 0 && !existsSync(BIN)) throw new Error(`build failed: ${b.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'l1vh-lint-'));
  writeFileSync(join(dir, '.l1vh.yaml'), 'rules:\n  libvirt-schema-quirk: off\n  memory-too-small: off\n');
  writeFileSync(join(dir, 'ok.yaml'), VM_OK);
  writeFileSync(join(dir, 'pending.yaml'), VM_PENDING);
}, 120_000);

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
