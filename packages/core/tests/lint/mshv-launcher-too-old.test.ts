// KubeVirt v1.8.4's default (CentOS Stream 9) virt-launcher pins libvirt-daemon-driver-qemu 11.9.0
// and qemu-kvm-core 10.1.0 (rpm/BUILD.bazel, launcherbase_x86_64_cs9); libvirt's hyperv virt type
// for QEMU came in 11.10 with QEMU ≥ 10.2. v1.9.0 and main pin libvirt 11.10.0.
import { cluster, runRuleTests, VM } from './support.js';

runRuleTests('mshv-launcher-too-old', {
  valid: [
    { name: 'MSHV on main (libvirt 11.10)', manifest: VM },
    { name: 'MSHV on v1.9 (libvirt 11.10)', manifest: VM, profile: cluster({ version: 'v1.9.0' }) },
    { name: 'KVM on v1.8: no hyperv domain', manifest: VM, profile: cluster({ version: 'v1.8.4', hypervisor: 'kvm', devices: ['kvm'] }) },
    { name: 'v1.8 without /dev/mshv: the launch fails anyway (no-launch)', manifest: VM, profile: cluster({ version: 'v1.8.4', devices: ['kvm'] }) },
  ],
  invalid: [
    {
      name: 'MSHV on v1.8: the launcher libvirt 11.9 predates the hyperv virt type',
      manifest: VM,
      profile: cluster({ version: 'v1.8.4' }),
      errors: [{ messageId: 'libvirtTooOld', line: 4, column: 3, message: ['previewed as MSHV', 'libvirt 11.9.0', 'QEMU 10.1.0', 'libvirt 11.10.0', 'QEMU ≥ 10.2'] }],
    },
    {
      name: 'a v1.8.x patch release is the v1.8 row',
      manifest: VM,
      profile: cluster({ version: 'v1.8.1' }),
      errors: [{ messageId: 'libvirtTooOld', line: 4, column: 3 }],
    },
  ],
});
