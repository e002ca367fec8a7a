// `cluster` is ready only when a VM created with no tuning would run: a cluster whose nodes lack
// the tun/vhost-net device plugins (the pod network interface admission adds needs both) is not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/fake-io.js';

const MIXED = readFileSync(join(__dirname, '..', '..', '..', '..', 'examples', 'cluster-mixed.yaml'), 'utf8');
const MSHV_ONLY = MIXED.replace(/- apiVersion: v1\n  kind: Node\n  metadata:\n    name: aks-kvm-000002[\s\S]*$/, '');

describe('kubectl l1vh cluster readiness', () => {
  it('an MSHV node with the network device plugins: ready, exit 0', async () => {
    const r = await run(['cluster', '--profile', 'c.yaml'], { 'c.yaml': MSHV_ONLY });
    expect(r.err).toBe('');
    expect(r.out).toContain('Ready for L1VH: yes');
    expect(r.code).toBe(0);
  });

  it('nodes without devices.kubevirt.io/tun and vhost-net: not ready, exit 1, whatever the MSHV setup says', async () => {
    const noNet = MSHV_ONLY.replace(/\n +devices\.kubevirt\.io\/(tun|vhost-net): "1000"/g, '');
    expect(noNet).not.toContain('devices.kubevirt.io/tun');
    const r = await run(['cluster', '--profile', 'c.yaml', '-o', 'json'], { 'c.yaml': noNet });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { ready: boolean; newVm: { runs: boolean; verdict: string }; checks: { id: string; ok: boolean; detail: string }[]; nodes: { defaultVmFits: boolean; defaultVmReasons: string[] }[] };
    expect(j.ready).toBe(false);
    expect(j.newVm).toMatchObject({ runs: false, verdict: 'unschedulable' });
    expect(j.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['new-vm']);
    expect(j.nodes[0]!.defaultVmFits).toBe(false);
    expect(j.nodes[0]!.defaultVmReasons).toEqual(expect.arrayContaining(['no allocatable devices.kubevirt.io/tun', 'no allocatable devices.kubevirt.io/vhost-net']));
    const text = await run(['cluster', '--profile', 'c.yaml'], { 'c.yaml': noNet });
    expect(text.out).toContain('Ready for L1VH: no');
    expect(text.out).toMatch(/FAIL +new-vm +a new VM cannot run \(unschedulable\): no node can run the launcher pod/);
    expect(text.out).toMatch(/^New VM: +unschedulable: /m);
  });
});
