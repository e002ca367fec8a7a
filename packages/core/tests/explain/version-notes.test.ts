// What the version table says in explain: which row a cluster's version maps to and what that row
// stands for (main = KubeVirt main as of the golden snapshot, Aug 2026 per ../shared/golden/README.md),
// and the v1.8 launcher's libvirt (11.9.0, rpm/BUILD.bazel) predating the hyperv virt type (11.10).
import { explainAll, loadObjects, loadProfile, VERSION_TRAITS } from '@l1vh/core';
import { describe, expect, it } from 'vitest';
import { cluster, VM } from '../lint/support.js';

function explain(version: string, opts: Parameters<typeof cluster>[0] = {}) {
  const { objects } = loadObjects([{ path: 'vm.yaml', text: VM }]);
  const profile = loadProfile([{ path: 'cluster.yaml', text: cluster({ version, ...opts }) }], objects).profile;
  return explainAll(objects, profile)[0]!.item;
}

describe('version rows in explain', () => {
  it('a v1.10.x cluster is modelled as main as of the golden snapshot, and the trace says so', () => {
    const item = explain('v1.10.2');
    expect(item.kubevirtVersion).toBe('main');
    const step = item.decision.steps.find((s) => s.rule === 'kubevirt-version')!;
    expect(step.reason).toContain('observedKubeVirtVersion v1.10.2');
    expect(step.reason).toContain('KubeVirt main as of 2026-08');
    expect(step.reason).toContain('v1.10.0-alpha.0');
    expect(step.reason).toMatch(/after that date.*not modelled/);
    expect(VERSION_TRAITS.main.modelledOn.date).toBe('2026-08');
  });

  it('v1.8 and v1.9 name the release they were modelled on', () => {
    expect(explain('v1.8.2').decision.steps[0]!.reason).toContain('modelled on v1.8.4');
    expect(explain('v1.9.0').decision.steps[0]!.reason).toContain('modelled on v1.9.0');
  });

  it('MSHV on v1.8 gets a note naming libvirt 11.9.0 vs 11.10 and QEMU 10.2; not on v1.9, not for KVM', () => {
    const note = (i: ReturnType<typeof explain>) => i.notes.find((n) => n.startsWith('libvirt version:'));
    const v18 = explain('v1.8.4');
    expect(v18.hypervisor).toBe('mshv');
    expect(note(v18)).toMatch(/libvirt 11\.9\.0 \(QEMU 10\.1\.0\), which predates libvirt's hyperv virt type \(libvirt 11\.10\.0, with QEMU ≥ 10\.2\)/);
    expect(note(explain('v1.9.0'))).toBeUndefined();
    expect(note(explain('v1.8.4', { hypervisor: 'kvm', devices: ['kvm'] }))).toBeUndefined();
  });
});
