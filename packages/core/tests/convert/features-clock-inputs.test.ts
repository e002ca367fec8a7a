// Features, clock and inputs on the values KubeVirt's converter tells apart (nil vs false, enum
// values, errors). Expected XML is derived from the conversion rules: feature presence with
// `enabled` nil meaning on, hidden/pvspinlock on|off, Hyper-V state per enlightenment, passthrough
// only without a hyperv block, vmport off on amd64 only when features exist; utc/timezone offsets
// and timers with present yes|no; tablet inputs on usb|virtio only.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi } from './devices/support.js';
import type { VirtualMachineInstance } from '@l1vh/core';

type Domain = VirtualMachineInstance['spec']['domain'];

/** The element `tag` of the domain, as one line without indentation. */
function block(xml: string | null, tag: string): string | undefined {
  const m = new RegExp(`\\n  <${tag}[ >][\\s\\S]*?</${tag}>`).exec(xml ?? '');
  return m?.[0].split('\n').map((l) => l.trim()).join('');
}

const featuresOf = (features: Domain['features'], architecture?: string) => block(convert(vmi({ domain: { features }, architecture })).domainXml, 'features');
const clockOf = (clock: Domain['clock']) => block(convert(vmi({ domain: { clock } })).domainXml, 'clock');

describe('features', () => {
  it('is empty without spec features, even on amd64 (no vmport)', () => {
    expect(featuresOf(undefined)).toBe('<features></features>');
  });

  it('keeps the struct order and reads nil `enabled` as on', () => {
    expect(featuresOf({ acpi: {}, apic: {}, smm: {}, kvm: {}, pvspinlock: {} })).toBe(
      '<features><acpi></acpi><apic></apic><smm></smm><kvm><hidden state="off"></hidden></kvm><pvspinlock state="on"></pvspinlock><vmport state="off"></vmport></features>',
    );
  });

  it('drops disabled acpi/apic/smm and writes off for pvspinlock; hidden kvm is on', () => {
    expect(featuresOf({ acpi: { enabled: false }, apic: { enabled: false }, smm: { enabled: false }, kvm: { hidden: true }, pvspinlock: { enabled: false } })).toBe(
      '<features><kvm><hidden state="on"></hidden></kvm><pvspinlock state="off"></pvspinlock><vmport state="off"></vmport></features>',
    );
  });

  it('has no vmport on arm64 or s390x', () => {
    expect(featuresOf({ acpi: {} }, 'arm64')).toBe('<features><acpi></acpi></features>');
    expect(featuresOf({ acpi: { enabled: false } }, 's390x')).toBe('<features></features>');
  });

  it('writes each Hyper-V enlightenment with its state, spinlock retries and vendor id', () => {
    const hyperv = featuresOf({
      acpi: { enabled: false },
      hyperv: {
        spinlocks: { enabled: false, spinlocks: 8191 },
        vendorid: { vendorid: 'KVMKVMKVM' },
        synictimer: { enabled: true },
        tlbflush: { enabled: true, extended: { enabled: false } },
        evmcs: {},
      },
    });
    expect(hyperv).toBe(
      '<features><hyperv><spinlocks state="off" retries="8191"></spinlocks><stimer state="on"></stimer><vendor_id state="on" value="KVMKVMKVM"></vendor_id>' +
        '<tlbflush state="on"><extended state="off"></extended></tlbflush><evmcs state="on"></evmcs></hyperv><vmport state="off"></vmport></features>',
    );
  });

  it('uses passthrough mode only without a hyperv block', () => {
    expect(featuresOf({ acpi: { enabled: false }, hypervPassthrough: { enabled: true } })).toBe(
      '<features><hyperv mode="passthrough"></hyperv><vmport state="off"></vmport></features>',
    );
    expect(featuresOf({ acpi: { enabled: false }, hypervPassthrough: { enabled: true }, hyperv: {} })).toBe(
      '<features><hyperv></hyperv><vmport state="off"></vmport></features>',
    );
    expect(featuresOf({ acpi: { enabled: false }, hypervPassthrough: { enabled: false } })).toBe('<features><vmport state="off"></vmport></features>');
  });
});

describe('clock', () => {
  it('utc with an offset in seconds, or reset without one', () => {
    expect(clockOf({ utc: { offsetSeconds: 3600 } })).toBe('<clock offset="utc" adjustment="3600"></clock>');
    expect(clockOf({ utc: { offsetSeconds: 0 } })).toBe('<clock offset="utc" adjustment="0"></clock>');
    expect(clockOf({ utc: {} })).toBe('<clock offset="utc" adjustment="reset"></clock>');
  });

  it('timezone offsets name the zone', () => {
    expect(clockOf({ timezone: 'Europe/Berlin' })).toBe('<clock offset="timezone" timezone="Europe/Berlin"></clock>');
  });

  it('timers in rtc, pit, kvmclock, hpet, hypervclock order; present defaults to yes', () => {
    expect(clockOf({ timer: { hyperv: {}, hpet: { present: false }, pit: { tickPolicy: 'delay' }, rtc: { tickPolicy: 'catchup' }, kvm: { present: true } } })).toBe(
      '<clock><timer name="rtc" tickpolicy="catchup" present="yes"></timer><timer name="pit" tickpolicy="delay" present="yes"></timer>' +
        '<timer name="kvmclock" present="yes"></timer><timer name="hpet" present="no"></timer><timer name="hypervclock" present="yes"></timer></clock>',
    );
  });
});

describe('inputs', () => {
  const inputs = (list: NonNullable<Domain['devices']['inputs']>) => convert(vmi({ devices: { inputs: list } }));

  it('usb (also for an empty bus) has no model; virtio has model virtio', () => {
    expect(devicesNamed(inputs([{ name: 'a', type: 'tablet', bus: '' }, { name: 'b', type: 'tablet', bus: 'virtio' }, { name: 'c', type: 'tablet', bus: 'usb' }]).domainXml, 'input')).toEqual([
      '<input type="tablet" bus="usb"><alias name="ua-a"></alias></input>',
      '<input type="tablet" bus="virtio" model="virtio"><alias name="ua-b"></alias></input>',
      '<input type="tablet" bus="usb"><alias name="ua-c"></alias></input>',
    ]);
  });

  it('rejects other buses and types', () => {
    expect(inputs([{ name: 'a', type: 'tablet', bus: 'ps2' }]).error).toBe('input contains unsupported bus ps2');
    expect(inputs([{ name: 'a', type: 'keyboard', bus: 'usb' }]).error).toBe('input contains unsupported type keyboard');
  });
});
