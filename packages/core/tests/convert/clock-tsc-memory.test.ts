// The TSC timer follows topology.IsManualTSCFrequencyRequired exactly: an invtsc feature with policy
// require or force (no other policy, and no default), or Hyper-V reenlightenment explicitly enabled,
// and a positive frequency in the topology hints. <maxMemory> is skipped when guest and maxGuest are
// equal quantities (Quantity.Equal compares values, not spellings).
import { describe, expect, it } from 'vitest';
import { convert, vmi } from './devices/support.js';
import type { VirtualMachineInstance } from '@l1vh/core';

const FREQ = 2100000000;

function tscVmi(opts: { policy?: string; reenlightenment?: boolean | null; frequency?: number }): VirtualMachineInstance {
  const features = opts.policy === undefined ? [] : [{ name: 'invtsc', ...(opts.policy ? { policy: opts.policy } : {}) }];
  const v = vmi({
    domain: {
      cpu: { features },
      ...(opts.reenlightenment !== undefined ? { features: { hyperv: { reenlightenment: opts.reenlightenment === null ? {} : { enabled: opts.reenlightenment } } } } : {}),
    },
    status: { topologyHints: { tscFrequency: opts.frequency ?? FREQ } } as VirtualMachineInstance['status'],
  });
  return v;
}

const clockOf = (v: VirtualMachineInstance): string | undefined => /<clock[\s\S]*?<\/clock>/.exec(convert(v).domainXml ?? '')?.[0];
const TSC_CLOCK = `<clock>\n    <timer name="tsc" frequency="${FREQ}"></timer>\n  </clock>`;

describe('TSC frequency timer', () => {
  it.each([
    ['invtsc require', { policy: 'require' }, true],
    ['invtsc force', { policy: 'force' }, true],
    ['invtsc optional', { policy: 'optional' }, false],
    ['invtsc disable', { policy: 'disable' }, false],
    ['invtsc without a policy', { policy: '' }, false],
    ['reenlightenment enabled', { reenlightenment: true }, true],
    ['reenlightenment disabled', { reenlightenment: false }, false],
    ['reenlightenment without enabled', { reenlightenment: null }, false],
  ] as const)('%s → timer %s', (_, opts, expected) => {
    const clock = clockOf(tscVmi(opts));
    if (expected) expect(clock).toBe(TSC_CLOCK);
    else expect(clock).toBeUndefined();
  });

  it('needs a positive frequency hint; a missing or zero one is noted instead', () => {
    const zero = convert(tscVmi({ policy: 'require', frequency: 0 }));
    expect(zero.domainXml).not.toContain('<clock');
    expect(zero.notes.some((n) => n.startsWith('clock: the VMI needs a fixed TSC frequency'))).toBe(true);
  });
});

describe('memory vs maxGuest', () => {
  const memoryOf = (memory: Record<string, string>) => {
    const xml = convert(vmi({ domain: { memory, resources: { requests: { memory: '1Gi' } } } })).domainXml ?? '';
    return xml.split('\n').filter((l) => /<(memory|maxMemory) /.test(l)).map((l) => l.trim());
  };

  it('equal quantities spelled differently give no <maxMemory>', () => {
    expect(memoryOf({ guest: '1.5Gi', maxGuest: '1536Mi' })).toEqual(['<memory unit="b">1610612736</memory>']);
  });

  it('a larger maxGuest gives <maxMemory slots="0"> and the guest as <memory>', () => {
    expect(memoryOf({ guest: '1Gi', maxGuest: '4Gi' })).toEqual(['<memory unit="b">1073741824</memory>', '<maxMemory unit="b" slots="0">4294967296</maxMemory>']);
  });

  it('values that differ only below one byte are not equal (QuantityToByte floors both)', () => {
    // 1Gi + 0.5 bytes vs 1Gi: Equal is false, so <maxMemory> is written; both floor to 1073741824 bytes.
    expect(memoryOf({ guest: '1073741824', maxGuest: '1073741824.5' })).toEqual([
      '<memory unit="b">1073741824</memory>',
      '<maxMemory unit="b" slots="0">1073741824</maxMemory>',
    ]);
  });
});

describe('CPU topology attributes', () => {
  it('omits a zero count, as the omitempty CPUTopology attributes do (sockets from a "0" CPU limit)', () => {
    const xml = convert(vmi({ domain: { resources: { requests: { memory: '1Gi' }, limits: { cpu: '0' } } } })).domainXml ?? '';
    expect(xml).toContain('<topology cores="1" threads="1"></topology>');
    expect(xml).toContain('<vcpu placement="static">0</vcpu>');
  });
});
