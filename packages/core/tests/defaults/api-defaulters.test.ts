// v1.SetObjectDefaults_VirtualMachineInstance; expectations follow the generated defaulters
// (feature states enabled when present, spinlocks 4096, timers present) and the golden vectors
// (kvm-amd64 vm-211006: every hyperv feature and timer gets enabled/present).
import { describe, expect, it } from 'vitest';
import { applyApiDefaults } from '../../src/defaults/api-defaulters.js';
import { legacyFirmwareUuid } from '../../src/defaults/legacy-firmware-uuid.js';
import { canonicalQuantityText as canonicalQuantity } from '../../src/quantity/text.js';
import { spec, vmi } from './fixtures.js';

describe('API defaulters', () => {
  it('creates firmware and features; ACPI is on', () => {
    const v = vmi(spec());
    applyApiDefaults(v, () => 'fixed-uuid');
    expect(v.spec.domain.firmware).toEqual({ uuid: 'fixed-uuid' });
    expect(v.spec.domain.features).toEqual({ acpi: { enabled: true } });
  });

  it('enables present feature states and timers, spinlocks get 4096 retries', () => {
    const v = vmi(
      spec({
        features: { apic: {}, smm: {}, pvspinlock: {}, hyperv: { relaxed: {}, spinlocks: {}, synictimer: { direct: {} }, tlbflush: { extended: {} }, vendorid: { vendorid: 'x' } } },
        clock: { utc: {}, timer: { hpet: { present: false }, pit: { tickPolicy: 'delay' }, rtc: {}, hyperv: {} } },
      }),
    );
    applyApiDefaults(v, () => 'u');
    expect(v.spec.domain.features).toEqual({
      acpi: { enabled: true },
      apic: { enabled: true },
      smm: { enabled: true },
      pvspinlock: { enabled: true },
      hyperv: {
        relaxed: { enabled: true },
        spinlocks: { enabled: true, spinlocks: 4096 },
        synictimer: { enabled: true, direct: { enabled: true } },
        tlbflush: { enabled: true, extended: { enabled: true } },
        vendorid: { enabled: true, vendorid: 'x' },
      },
    });
    expect(v.spec.domain.clock?.timer).toEqual({ hpet: { present: false }, pit: { present: true, tickPolicy: 'delay' }, rtc: { present: true }, hyperv: { present: true } });
  });

  it('disabled spinlocks get no retries', () => {
    const v = vmi(spec({ features: { hyperv: { spinlocks: { enabled: false } } } }));
    applyApiDefaults(v, () => 'u');
    expect(v.spec.domain.features?.hyperv?.spinlocks).toEqual({ enabled: false });
  });

  it('disks get a target, CD-ROMs are read-only and closed, inputs are USB tablets', () => {
    const v = vmi(spec({ devices: { disks: [{ name: 'a' }, { name: 'b', cdrom: { bus: 'sata' } }], inputs: [{ name: 'i' }] } }));
    applyApiDefaults(v, () => 'u');
    expect(v.spec.domain.devices.disks).toEqual([{ name: 'a', disk: {} }, { name: 'b', cdrom: { bus: 'sata', readonly: true, tray: 'closed' } }]);
    expect(v.spec.domain.devices.inputs).toEqual([{ name: 'i', bus: 'usb', type: 'tablet' }]);
  });

  it('probes get the Kubernetes minimums', () => {
    const v = vmi(spec({}, { readinessProbe: { httpGet: { port: 1500 }, initialDelaySeconds: 120 } }));
    applyApiDefaults(v, () => 'u');
    expect(v.spec.readinessProbe).toEqual({ httpGet: { port: 1500 }, initialDelaySeconds: 120, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  });
});

describe('legacy firmware UUID', () => {
  it('is the UUIDv5 of the name (golden instancetypes-kvm it-1-001)', () => {
    expect(legacyFirmwareUuid('it-1-001')).toBe('0f5c3ace-84e8-52f1-8a9a-02d37543b5ea');
  });
});

describe('canonical quantities (how Go re-prints a parsed quantity)', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['4096M', '4096M'],
    ['1000M', '1G'],
    ['0.5', '500m'],
    ['100m', '100m'],
    ['1.5', '1500m'],
    ['2', '2'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });
});
