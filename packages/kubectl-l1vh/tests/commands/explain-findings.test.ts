import { describe, expect, it } from 'vitest';
import { run, VM_OK, VM_SMALL } from '../support/fake-io.js';

describe('explain shows lint findings per VM', () => {
  it('json: a findings array on each item, existing fields unchanged', async () => {
    const r = await run(['explain', '-o', 'json', 'vms'], { 'vms/ok.yaml': VM_OK, 'vms/small.yaml': VM_SMALL });
    const { items } = JSON.parse(r.out) as { items: { name: string; hypervisor: string; findings: unknown[] }[] };
    const small = items.find((i) => i.name === 'small')!;
    expect(small.hypervisor).toBe('mshv');
    expect(small.findings).toContainEqual({ ruleId: 'memory-too-small', severity: 'warning', message: expect.stringContaining('guest memory 64Mi'), file: 'vms/small.yaml', line: 12, col: 13 });
    const ok = items.find((i) => i.name === 'ok')!;
    // Lint stays quiet about the empty sysinfo sections every domain has; explain lists them.
    expect(ok.findings).toEqual([]);
    expect((ok as unknown as { schemaQuirks: { kind: string }[] }).schemaQuirks.map((q) => q.kind)).toEqual(['max-memory-zero-slots', 'empty-sysinfo-section', 'empty-sysinfo-section', 'empty-sysinfo-section']);
  });

  it('text: a findings section', async () => {
    const r = await run(['explain', 'small.yaml'], { 'small.yaml': VM_SMALL });
    expect(r.out).toContain('  findings:\n');
    expect(r.out).toContain('    small.yaml:12:13: warning memory-too-small: guest memory 64Mi');
  });
});
