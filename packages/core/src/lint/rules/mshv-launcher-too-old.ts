// A VM previewed as MSHV (domain type hyperv) on a KubeVirt release whose stock virt-launcher has a
// libvirt without the `hyperv` virt type for QEMU (the version table's modelledOn.launcherLibvirt,
// from rpm/BUILD.bazel; the virt type arrived in libvirt 11.10, with QEMU's mshv accelerator ≥ 10.2).
// KubeVirt itself selects MSHV on such a cluster; the launcher would fail to define the domain.

import { launcherLacksHypervType } from '../../profile/versions.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'mshv-launcher-too-old',
  scope: 'vm',
  meta: {
    severity: 'warning',
    description: 'The VM gets MSHV, but this KubeVirt release\'s virt-launcher libvirt predates the hyperv virt type.',
    messages: {
      libvirtTooOld: '{{name}} is previewed as MSHV (domain type hyperv), but {{why}}',
    },
  },
  check({ subject: s, profile, report }) {
    if (s.selection?.hypervisor !== 'mshv' || s.selection.error) return;
    const why = launcherLacksHypervType(profile.version);
    if (why) report({ messageId: 'libvirtTooOld', path: ['metadata', 'name'], data: { name: s.object.name, why } });
  },
});
