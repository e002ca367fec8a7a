// explain's text output: the hypervisor line, the trace and the launch failure a reader must see.
import { describe, expect, it } from 'vitest';
import { run, VM_OK, VM_PENDING } from '../support/fake-io.js';

describe('explain -o text', () => {
  it('names the hypervisor, the libvirt domain type and the rules that decided it', async () => {
    const r = await run(['explain', 'ok.yaml'], { 'ok.yaml': VM_OK });
    expect(r.code).toBe(0);
    expect(r.out).toContain('hypervisor:  MSHV (Hyper-V L1VH direct virtualization)  (libvirt domain type "hyperv")');
    expect(r.out).toMatch(/gate-configurable-hypervisor: ConfigurableHypervisor gate on.*\[<embedded default profile>:\d+:\d+\]/);
  });

  it('says the pod stays Pending when no node can run it, even though the JSON keeps the evaluated outcome', async () => {
    const text = await run(['explain', 'p.yaml'], { 'p.yaml': VM_PENDING });
    expect(text.out).toContain('if scheduled; but no node can run the launcher pod (it stays Pending)');
    const json = JSON.parse((await run(['explain', 'p.yaml', '-o', 'json'], { 'p.yaml': VM_PENDING })).out) as { items: { hypervisor: string; nodes: { eligible: boolean }[] }[] };
    expect(json.items[0]!.hypervisor).toBe('mshv');
    expect(json.items[0]!.nodes.every((n) => !n.eligible)).toBe(true);
  });
});
