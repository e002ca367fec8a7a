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

  it('says the pod stays Pending when no node can run it: verdict unschedulable, no hypervisor, exit 1', async () => {
    const text = await run(['explain', 'p.yaml'], { 'p.yaml': VM_PENDING });
    expect(text.code).toBe(1);
    expect(text.out).toContain('  verdict:     unschedulable: no node can run its launcher pod\n');
    expect(text.out).toContain('  hypervisor:  none: no node can run the launcher pod (it stays Pending): l1vh-node-1: nodeSelector disktype=ssd not matched');
    const json = await run(['explain', 'p.yaml', '-o', 'json'], { 'p.yaml': VM_PENDING });
    expect(json.code).toBe(1);
    const item = (JSON.parse(json.out) as { items: { verdict: string; hypervisor: string | null; domainType: string | null; error: string | null; nodes: { eligible: boolean; hypervisor: string | null }[] }[] }).items[0]!;
    expect(item).toMatchObject({ verdict: 'unschedulable', hypervisor: null, domainType: null });
    expect(item.error).toMatch(/^no node can run the launcher pod \(it stays Pending\)/);
    // The node the pod was evaluated on still says what it would get.
    expect(item.nodes.every((n) => !n.eligible && n.hypervisor === 'mshv')).toBe(true);
  });
});
