// Machine type, firmware, launch security, Hyper-V and per-architecture admission rules: for each,
// a manifest KubeVirt refuses with its exact cause, and one it admits at the boundary. Messages
// from KubeVirt's source (vmi-create-admitter.go, webhooks/{amd64,arm64,hyperv}.go) and the vectors.
import { describe, it } from 'vitest';
import { expectRow, invalid, notSupported, required, vmiWith, vmWith, type Row } from './admit-causes.js';

const T = 'spec.template.spec';
const FORBIDDEN = 'FieldValueForbidden';

const rows: Row[] = [
  // validateEmulatedMachine
  { name: 'machine type pc (vector machine-type-pc)', manifest: vmWith((s) => (s.domain.machine = { type: 'pc' })), want: [invalid(`${T}.domain.machine.type`, `${T}.domain.machine.type is not supported: pc (allowed values: [q35* pc-q35*])`)] },
  { name: 'a versioned q35 machine type', manifest: vmWith((s) => (s.domain.machine = { type: 'pc-q35-rhel9.6.0' })), want: [] },
  { name: 'pc when the cluster lists it', manifest: vmWith((s) => (s.domain.machine = { type: 'pc' })), cluster: { configuration: { architectureConfiguration: { amd64: { emulatedMachines: ['pc*', 'q35*'] } } } }, want: [] },
  { name: 'the deprecated top-level emulatedMachines wins', manifest: vmWith((s) => (s.domain.machine = { type: 'q35' })), cluster: { configuration: { emulatedMachines: ['pc-i440fx*'] } }, want: [invalid(`${T}.domain.machine.type`, `${T}.domain.machine.type is not supported: q35 (allowed values: [pc-i440fx*])`)] },
  // validateFirmwareACPI: KubeVirt prints spec…acpi, not …firmware.acpi
  { name: 'ACPI without a table reference', manifest: vmWith((s) => (s.domain.firmware = { acpi: {} })), want: [invalid(`${T}.acpi`, 'ACPI was set but no SLIC nor MSDM volume reference was set')] },
  { name: 'an ACPI table on a containerDisk', manifest: vmWith((s) => (s.domain.firmware = { acpi: { slicNameRef: 'rootdisk' } })), want: [invalid(`${T}.acpi.slicNameRef`, `${T}.acpi refers to Volume of unsupported type.`)] },
  { name: 'an ACPI table with no volume', manifest: vmWith((s) => (s.domain.firmware = { acpi: { msdmNameRef: 'nope' } })), want: [invalid(`${T}.acpi.msdmNameRef`, `${T}.acpi does not have a matching Volume.`)] },
  // validateFirmware / validateDomainSpec
  {
    name: 'EFI and BIOS together',
    manifest: vmWith((s) => (s.domain.firmware = { bootloader: { bios: {}, efi: { secureBoot: false } } })),
    want: [invalid(`${T}.domain.firmware.bootloader`, `${T}.domain.firmware.bootloader has both EFI and BIOS configured, but they are mutually exclusive.`)],
  },
  {
    name: 'Secure Boot without SMM',
    manifest: vmWith((s) => (s.domain.firmware = { bootloader: { efi: { secureBoot: true } } })),
    want: [invalid(`${T}.domain.firmware`, `${T}.domain.firmware has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.`)],
  },
  { name: 'Secure Boot with SMM', manifest: vmWith((s) => Object.assign(s.domain, { firmware: { bootloader: { efi: { secureBoot: true } } }, features: { smm: {} } })), want: [] },
  { name: 'kernel arguments without a kernel', manifest: vmWith((s) => (s.domain.firmware = { kernelBoot: { kernelArgs: 'console=ttyS0' } })), want: [invalid(`${T}.domain.firmware.kernelBoot.kernelArgs`, 'kernel arguments cannot be provided without an external kernel')] },
  {
    name: 'a kernel container without image or paths',
    manifest: vmWith((s) => (s.domain.firmware = { kernelBoot: { container: {} } })),
    want: [
      required(`${T}.domain.firmware.kernelBoot.container.image`, `${T}.domain.firmware.kernelBoot.container must be defined with an image`),
      required(`${T}.domain.firmware.kernelBoot.container`, `${T}.domain.firmware.kernelBoot.container must be defined with at least one of the following: kernelPath, initrdPath`),
    ],
  },
  {
    name: 'a relative kernel path',
    manifest: vmWith((s) => (s.domain.firmware = { kernelBoot: { container: { image: 'quay.io/k:1', kernelPath: 'boot/../vmlinuz' } } })),
    want: [invalid(`${T}.domain.firmware.kernelBoot.container.kernelPath`, `${T}.domain.firmware.kernelBoot.container.kernelPath must be an absolute path to a file without relative components`)],
  },
  { name: 'an absolute kernel path', manifest: vmWith((s) => (s.domain.firmware = { kernelBoot: { container: { image: 'quay.io/k:1', kernelPath: '/boot/vmlinuz' } } })), want: [] },
  // validateLaunchSecurity / ValidateLaunchSecurityAmd64 (SEV is Beta, on by default, from v1.9)
  { name: 'SEV on BIOS (vector sev-without-gate)', manifest: vmWith((s) => (s.domain.launchSecurity = { sev: {} })), want: [invalid(`${T}.launchSecurity`, 'SEV requires OVMF (UEFI)')] },
  { name: 'SEV on EFI without Secure Boot', manifest: vmWith((s) => Object.assign(s.domain, { launchSecurity: { sev: {} }, firmware: { bootloader: { efi: { secureBoot: false } } } })), want: [] },
  {
    name: 'SEV with Secure Boot',
    manifest: vmWith((s) => Object.assign(s.domain, { launchSecurity: { sev: {} }, firmware: { bootloader: { efi: { secureBoot: true } } }, features: { smm: {} } })),
    want: [invalid(`${T}.launchSecurity`, 'SEV does not work along with SecureBoot')],
  },
  { name: 'SEV on v1.8 without its gate', manifest: vmWith((s) => (s.domain.launchSecurity = { sev: {} })), cluster: { version: 'v1.8.4' }, want: [invalid(`${T}.launchSecurity`, 'WorkloadEncryptionSEV feature gate is not enabled in kubevirt-config')] },
  { name: 'SEV and SNP together', manifest: vmWith((s) => (s.domain.launchSecurity = { sev: {}, snp: {} })), want: [{ type: FORBIDDEN, field: `${T}.launchSecurity`, message: 'One and only one launchSecurity type can be set' }] },
  { name: 'TDX without its gate (Alpha)', manifest: vmWith((s) => (s.domain.launchSecurity = { tdx: {} })), want: [invalid(`${T}.launchSecurity`, 'WorkloadEncryptionTDX feature gate is not enabled in kubevirt-config')] },
];

const vmiRows: Row[] = [
  // ValidateVirtualMachineInstanceHyperv: VMI webhook only, the path printed doubled
  {
    name: 'synictimer with synic disabled (vector hyperv-synictimer-without-synic)',
    manifest: vmWith((s) => (s.domain.features = { hyperv: { synictimer: {}, synic: { enabled: false } } })),
    want: [invalid('spec.domain.features.hyperv.domain.features.hyperv.synictimer', "'spec.domain.features.hyperv.domain.features.hyperv.synictimer' requires 'spec.domain.features.hyperv.domain.features.hyperv.synic', which was disabled.")],
  },
  { name: 'synictimer alone (the defaults enable synic and vpindex)', manifest: vmWith((s) => (s.domain.features = { hyperv: { synictimer: {} } })), want: [] },
  {
    name: 'ipi with vpindex disabled, on a VMI',
    manifest: vmiWith((s) => (s.domain.features = { hyperv: { ipi: {}, vpindex: { enabled: false } } })),
    want: [invalid('spec.domain.features.hyperv.domain.features.hyperv.ipi', "'spec.domain.features.hyperv.domain.features.hyperv.ipi' requires 'spec.domain.features.hyperv.domain.features.hyperv.vpindex', which was disabled.")],
  },
  {
    name: 'Hyper-V features beside hypervPassthrough',
    manifest: vmiWith((s) => (s.domain.features = { hyperv: { relaxed: {} }, hypervPassthrough: {} })),
    want: [invalid('spec.domain.features.hyperv', 'Cannot explicitly set hyperV features if HypervPassthrough is being used. Please use either HyperV or HypervPassthrough.')],
  },
  // ValidateVirtualMachineInstancePerArch: VMI webhook only
  { name: 'arm64 on an amd64 cluster (vector architecture-arm64-on-amd64)', manifest: vmWith((s) => (s.architecture = 'arm64')), want: [] },
  {
    name: 'arm64 with BIOS',
    manifest: vmWith((s) => Object.assign(s, { architecture: 'arm64', domain: { ...s.domain, firmware: { bootloader: { bios: {} } } } })),
    want: [notSupported('spec.domain.firmware.bootloader.bios', 'Arm64 does not support bios boot, please change to uefi boot')],
  },
  {
    name: 'arm64 with a named CPU model',
    manifest: vmWith((s) => Object.assign(s, { architecture: 'arm64', domain: { ...s.domain, cpu: { cores: 2, model: 'host-model' } } })),
    want: [notSupported('spec.domain.cpu.model', 'currently, host-passthrough is the only model supported on Arm64')],
  },
  { name: 'an unknown architecture', manifest: vmiWith((s) => (s.architecture = 'riscv64')), want: [invalid('spec.architecture', 'unsupported architecture: riscv64')] },
];

describe('firmware and features admission rules', () => {
  for (const row of [...rows, ...vmiRows]) it(row.name, () => expectRow(row));
});
