import { describe, expect, it } from 'vitest';
import { run, VM_OK, VM_PENDING } from '../support/fake-io.js';

describe('kubectl l1vh domain', () => {
  it('prints only the domain XML of one VM (MSHV: type "hyperv")', async () => {
    const r = await run(['domain', 'ok.yaml'], { 'ok.yaml': VM_OK });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.startsWith('<domain type="hyperv"')).toBe(true);
    expect(r.out.trimEnd().endsWith('</domain>')).toBe(true);
    expect(r.out.match(/<domain /g)).toHaveLength(1);
  });

  it('one document per VM, each named by a comment; a VM that cannot launch is one stderr line', async () => {
    const r = await run(['domain', 'vms'], { 'vms/a.yaml': VM_OK, 'vms/b.yaml': VM_OK.replace('name: ok', 'name: ok2'), 'vms/p.yaml': VM_PENDING });
    expect(r.code).toBe(1);
    const docs = r.out.split(/(?=<!-- )/);
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatch(/^<!-- VirtualMachine default\/ok \(vms\/a\.yaml:1\) -->\n<domain type="hyperv"[\s\S]*<\/domain>\n$/);
    expect(docs[1]).toMatch(/^<!-- VirtualMachine default\/ok2 \(vms\/b\.yaml:1\) -->\n<domain /);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vms\/p\.yaml:1: VirtualMachine default\/pending: .+/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['domain'], {})).code).toBe(2);
    expect((await run(['domain', 'missing.yaml'], {})).code).toBe(2);
  });
});
