// Preference application (pkg/instancetype/preference/apply/*_test.go behaviour) and requirement
// messages (golden instancetypes-kvm it-1-000, it-1-016, it-1-021).
import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstanceSpec } from '../../src/api/kubevirt-types.js';
import { applyPreference } from '../../src/instancetype/apply-preference.js';
import { checkPreferenceRequirements } from '../../src/instancetype/preference-requirements.js';
import { VERSION_TRAITS } from '../../src/profile/versions.js';

const vmiSpec = (domain: Partial<VirtualMachineInstanceSpec['domain']> = {}, rest: Partial<VirtualMachineInstanceSpec> = {}): VirtualMachineInstanceSpec => ({
  ...rest,
  domain: { resources: {}, devices: {}, ...domain },
});

describe('preference application', () => {
  it('fills unset device fields and never overwrites set ones', () => {
    const s = vmiSpec({ devices: { disks: [{ name: 'a' }, { name: 'b', disk: { bus: 'sata' } }, { name: 'c', cdrom: {} }], interfaces: [{ name: 'default' }] } }, { networks: [{ name: 'default', pod: {} }] });
    applyPreference(
      { devices: { preferredDiskBus: 'virtio', preferredCdromBus: 'sata', preferredDiskDedicatedIoThread: true, preferredInterfaceModel: 'virtio', preferredInterfaceMasquerade: {} } },
      s,
      {},
      VERSION_TRAITS.main,
    );
    expect(s.domain.devices.disks).toEqual([
      { name: 'a', disk: { bus: 'virtio' }, dedicatedIOThread: true },
      { name: 'b', disk: { bus: 'sata' } },
      { name: 'c', cdrom: { bus: 'sata' } },
    ]);
    expect(s.domain.devices.interfaces).toEqual([{ name: 'default', model: 'virtio', masquerade: {} }]);
  });

  it('always overrides ACPI and disableHotplug', () => {
    const s = vmiSpec({ features: { acpi: { enabled: true } }, devices: { disableHotplug: true } });
    applyPreference({ features: { preferredAcpi: { enabled: false } }, devices: { preferredDisableHotplug: false } }, s, {}, VERSION_TRAITS.main);
    expect(s.domain.features?.acpi).toEqual({ enabled: false });
    expect(s.domain.devices.disableHotplug).toBeUndefined();
  });

  it('preferredEfi wins over the deprecated useEfi/useSecureBoot; BIOS blocks both', () => {
    const efi = vmiSpec();
    applyPreference({ firmware: { preferredEfi: { persistent: true }, preferredUseEfi: true, preferredUseSecureBoot: true } }, efi, {}, VERSION_TRAITS.main);
    expect(efi.domain.firmware?.bootloader).toEqual({ efi: { persistent: true } });
    const deprecated = vmiSpec();
    applyPreference({ firmware: { preferredUseEfi: true, preferredUseSecureBoot: true } }, deprecated, {}, VERSION_TRAITS.main);
    expect(deprecated.domain.firmware?.bootloader).toEqual({ efi: { secureBoot: true } });
    const bios = vmiSpec({ firmware: { bootloader: { bios: {} } } });
    applyPreference({ firmware: { preferredUseEfi: true, preferredUseBiosSerial: true } }, bios, {}, VERSION_TRAITS.main);
    expect(bios.domain.firmware?.bootloader).toEqual({ bios: { useSerial: true } });
  });

  it('clock offset only when neither utc nor timezone is set; annotations never overwritten', () => {
    const s = vmiSpec({ clock: { timezone: 'Europe/Prague' } });
    const meta = { annotations: { a: 'mine' } };
    applyPreference({ clock: { preferredClockOffset: { utc: {} }, preferredTimer: { hpet: { present: false } } }, annotations: { a: 'theirs', b: 'x' } }, s, meta, VERSION_TRAITS.main);
    expect(s.domain.clock).toEqual({ timezone: 'Europe/Prague', timer: { hpet: { present: false } } });
    expect(meta.annotations).toEqual({ a: 'mine', b: 'x' });
  });

  it('v1.8 has no video, launchSecurity or new-panic-device preferences', () => {
    const pref = { devices: { preferredVideoType: 'virtio', preferredPanicDeviceModel: 'hyperv' }, preferredLaunchSecurity: { sev: {} } };
    const old = vmiSpec();
    applyPreference(pref, old, {}, VERSION_TRAITS['v1.8']);
    expect(old.domain.devices.video).toBeUndefined();
    expect(old.domain.devices.panicDevices).toBeUndefined();
    expect(old.domain.launchSecurity).toBeUndefined();
    const now = vmiSpec();
    applyPreference(pref, now, {}, VERSION_TRAITS.main);
    expect(now.domain.devices.video).toEqual({ type: 'virtio' });
    expect(now.domain.devices.panicDevices).toEqual([{ model: 'hyperv' }]);
    expect(now.domain.launchSecurity).toEqual({ sev: {} });
  });
});

describe('preference requirements', () => {
  it('instancetype memory below the requirement (golden it-1-000)', () => {
    const it = { cpu: { guest: 1 }, memory: { guest: '1Gi' } };
    expect(checkPreferenceRequirements(it, { requirements: { memory: { guest: '2Gi' } } }, vmiSpec({ memory: { guest: '1Gi' } }))).toBe(
      'failure checking preference requirements: insufficient Memory resources of 1Gi provided by instance type, preference requires 2Gi',
    );
  });
  it('VM cores below the requirement with preferCores (golden it-1-021)', () => {
    const pref = { cpu: { preferredCPUTopology: 'preferCores' }, requirements: { cpu: { guest: 2 } } };
    expect(checkPreferenceRequirements(undefined, pref, vmiSpec({ cpu: { sockets: 2 } }))).toBe(
      'failure checking preference requirements: insufficient CPU resources of 0 vCPU provided by VirtualMachine, preference requires 2 vCPU provided as cores',
    );
  });
  it('instancetype vCPUs, any topology, spread, architecture', () => {
    expect(checkPreferenceRequirements({ cpu: { guest: 1 } }, { requirements: { cpu: { guest: 2 } } }, vmiSpec())).toContain(
      'insufficient CPU resources of 1 vCPU provided by instance type, preference requires 2 vCPU',
    );
    expect(checkPreferenceRequirements(undefined, { cpu: { preferredCPUTopology: 'any' }, requirements: { cpu: { guest: 4 } } }, vmiSpec({ cpu: { sockets: 1, cores: 2, threads: 1 } }))).toContain(
      'insufficient CPU resources of 2 vCPU provided by VirtualMachine, preference requires 4 vCPU provided as cores, sockets and threads',
    );
    expect(checkPreferenceRequirements(undefined, { cpu: { preferredCPUTopology: 'spread' }, requirements: { cpu: { guest: 4 } } }, vmiSpec({ cpu: { sockets: 1, cores: 2, threads: 1 } }))).toContain(
      'provided as SocketsCores',
    );
    expect(checkPreferenceRequirements(undefined, { requirements: { architecture: 'arm64' } }, vmiSpec({}, { architecture: 'amd64' }))).toBe(
      'failure checking preference requirements: preference requires architecture arm64 but amd64 is being requested',
    );
    expect(checkPreferenceRequirements(undefined, { requirements: { memory: { guest: '1Gi' } } }, vmiSpec({ memory: { guest: '2Gi' } }))).toBeNull();
  });
});
