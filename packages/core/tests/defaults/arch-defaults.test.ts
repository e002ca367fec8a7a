// vmi-mutator_test.go: machine type and CPU model per architecture; defaults_test.go: arm64 secure boot.
import { describe, expect, it } from 'vitest';
import { applyVmiDefaults } from '../../src/defaults/vmi-defaults.js';
import { defaultsContext, spec, vmi } from './fixtures.js';

describe('architecture defaults', () => {
  it.each([
    ['amd64', 'host-model', 'q35'],
    ['arm64', 'host-passthrough', 'virt'],
    ['s390x', 'host-model', 's390-ccw-virtio'],
  ])('%s: cpu model %s, machine %s', (arch, model, machine) => {
    const v = vmi(spec({}, { architecture: arch }));
    applyVmiDefaults(v, defaultsContext(), () => 'u');
    expect(v.spec.domain.cpu?.model).toBe(model);
    expect(v.spec.domain.machine?.type).toBe(machine);
  });

  it('an empty architecture takes the cluster default', () => {
    const v = vmi(spec());
    applyVmiDefaults(v, defaultsContext({}, 'arm64'), () => 'u');
    expect(v.spec.architecture).toBe('arm64');
    expect(v.spec.domain.machine?.type).toBe('virt');
  });

  it.each([
    ['amd64', 'Haswell-noTSX'],
    ['s390x', 'Haswell-noTSX'],
    ['arm64', 'host-passthrough'],
  ])('%s with a cluster cpuModel gets %s', (arch, model) => {
    const v = vmi(spec({}, { architecture: arch }));
    applyVmiDefaults(v, defaultsContext({ cpuModel: 'Haswell-noTSX' }), () => 'u');
    expect(v.spec.domain.cpu?.model).toBe(model);
  });

  it.each([
    ['amd64', 'sata'],
    ['arm64', 'virtio'],
    ['s390x', 'virtio'],
  ])('%s: disk, cdrom and lun buses default to %s', (arch, bus) => {
    const v = vmi(spec({ devices: { disks: [{ name: 'a', disk: {} }, { name: 'b', cdrom: {} }, { name: 'c', lun: {} }, { name: 'd', disk: { bus: 'scsi' } }] } }, { architecture: arch }));
    applyVmiDefaults(v, defaultsContext(), () => 'u');
    expect(v.spec.domain.devices.disks?.map((d) => (d.disk ?? d.cdrom ?? d.lun)?.bus)).toEqual([bus, bus, bus, 'scsi']);
  });

  it('arm64 boots EFI without Secure Boot; an explicit secureBoot stays', () => {
    const plain = vmi(spec({}, { architecture: 'arm64' }));
    applyVmiDefaults(plain, defaultsContext(), () => 'u');
    expect(plain.spec.domain.firmware?.bootloader).toEqual({ efi: { secureBoot: false } });
    const secure = vmi(spec({ firmware: { bootloader: { efi: { secureBoot: true } } } }, { architecture: 'arm64' }));
    applyVmiDefaults(secure, defaultsContext(), () => 'u');
    expect(secure.spec.domain.firmware?.bootloader).toEqual({ efi: { secureBoot: true } });
  });

  it('amd64 has no bootloader default', () => {
    const v = vmi(spec({}, { architecture: 'amd64' }));
    applyVmiDefaults(v, defaultsContext(), () => 'u');
    expect(v.spec.domain.firmware?.bootloader).toBeUndefined();
  });

  it.each([
    ['amd64', { i6300esb: { action: 'reset' } }],
    ['s390x', { diag288: { action: 'reset' } }],
  ])('%s watchdog defaults', (arch, model) => {
    const v = vmi(spec({ devices: { watchdog: { name: 'wd' } } }, { architecture: arch }));
    applyVmiDefaults(v, defaultsContext(), () => 'u');
    expect(v.spec.domain.devices.watchdog).toEqual({ name: 'wd', ...model });
  });

  it('s390x disables ACPI unless set; elsewhere ACPI defaults on', () => {
    const s390 = vmi(spec({}, { architecture: 's390x' }));
    applyVmiDefaults(s390, defaultsContext(), () => 'u');
    expect(s390.spec.domain.features?.acpi).toEqual({ enabled: false });
    const amd = vmi(spec({}, { architecture: 'amd64' }));
    applyVmiDefaults(amd, defaultsContext(), () => 'u');
    expect(amd.spec.domain.features?.acpi).toEqual({ enabled: true });
  });
});
