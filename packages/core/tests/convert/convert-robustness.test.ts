// The converter takes whatever reaches it (a VMI from a user's file, defaulted or not): it must
// never throw, and must give either a well-formed domain XML or KubeVirt's error message.
// Random values go into the domain-level fields (CPU, memory, firmware, clock, features, IO threads).
import { convertVmi, type VirtualMachineInstance } from '@l1vh/core';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { selectionFor, stageVectors } from '../support/stage-vectors.js';

const count = fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 6 }));
const quantity = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('1Gi', '512Mi', '1.5Gi', '100m', '0', '-1Gi', 'abc', '', '1e3', '2', '0.5'),
  fc.string({ maxLength: 6 }),
);
const bool = fc.option(fc.boolean(), { nil: undefined });
const state = fc.option(fc.record({ enabled: bool }), { nil: undefined });

const domainPatch = fc.record({
  cpu: fc.option(
    fc.record({
      sockets: count, cores: count, threads: count, maxSockets: count,
      model: fc.option(fc.constantFrom('host-model', 'host-passthrough', 'Skylake', ''), { nil: undefined }),
      dedicatedCpuPlacement: bool, isolateEmulatorThread: bool,
      numa: fc.option(fc.constant({ guestMappingPassthrough: {} }), { nil: undefined }),
      realtime: fc.option(fc.constant({}), { nil: undefined }),
      features: fc.option(fc.array(fc.record({ name: fc.constantFrom('invtsc', 'mpx', 'x'), policy: fc.option(fc.constantFrom('require', 'disable'), { nil: undefined }) }), { maxLength: 2 }), { nil: undefined }),
    }, { requiredKeys: [] }),
    { nil: undefined },
  ),
  memory: fc.option(fc.record({ guest: quantity, maxGuest: quantity, hugepages: fc.option(fc.record({ pageSize: fc.constantFrom('2Mi', '1Gi', 'x') }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
  resources: fc.record({ requests: fc.record({ cpu: quantity, memory: quantity }, { requiredKeys: [] }), limits: fc.record({ cpu: quantity, memory: quantity }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  firmware: fc.option(
    fc.record({
      bootloader: fc.option(fc.oneof(fc.record({ efi: fc.record({ secureBoot: bool }, { requiredKeys: [] }) }), fc.record({ bios: fc.record({ useSerial: bool }, { requiredKeys: [] }) })), { nil: undefined }),
      acpi: fc.option(fc.record({ slicNameRef: fc.option(fc.constantFrom('s', 'missing'), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
      kernelBoot: fc.option(fc.record({ kernelArgs: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }), container: fc.option(fc.record({ image: fc.constant('i'), kernelPath: fc.constantFrom('/k', '', '/a/../b/'), initrdPath: fc.constantFrom('/i', '') }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
    }, { requiredKeys: [] }),
    { nil: undefined },
  ),
  clock: fc.option(fc.record({ utc: fc.option(fc.record({ offsetSeconds: fc.option(fc.integer(), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }), timer: fc.option(fc.record({ rtc: fc.option(fc.record({ present: bool, tickPolicy: fc.constantFrom('catchup', '') }, { requiredKeys: [] }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
  features: fc.option(fc.record({ acpi: state, smm: state, apic: state, hyperv: fc.option(fc.record({ relaxed: state, spinlocks: fc.option(fc.record({ enabled: bool, spinlocks: fc.option(fc.nat(), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }), kvm: fc.option(fc.record({ hidden: bool }, { requiredKeys: [] }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
  ioThreadsPolicy: fc.option(fc.constantFrom('auto', 'shared', 'supplementalPool', 'bogus'), { nil: undefined }),
  ioThreads: fc.option(fc.record({ supplementalPoolThreadCount: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
  launchSecurity: fc.option(fc.constantFrom({ sev: {} }, { snp: {} }, { tdx: {} }, {}), { nil: undefined }),
  rebootPolicy: fc.option(fc.constantFrom('Terminate', 'Reboot', 'x'), { nil: undefined }),
}, { requiredKeys: [] });

describe('converter robustness', () => {
  const bases = stageVectors().filter((_, i) => i % 40 === 0);

  it('never throws, and yields well-formed XML or an error message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), domainPatch, fc.constantFrom('amd64', 'arm64', 's390x'), (base, patch, arch) => {
        const vmi = structuredClone(base.vmi) as VirtualMachineInstance;
        Object.assign(vmi.spec.domain, JSON.parse(JSON.stringify(patch)));
        vmi.spec.architecture = arch;
        vmi.spec.volumes = [...(vmi.spec.volumes ?? []), { name: 's', secret: { secretName: 's' } }];
        const res = convertVmi(vmi, selectionFor(base), base.profile);
        if (res.domainXml === null) expect(typeof res.error).toBe('string');
        else expect(XMLValidator.validate(res.domainXml)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
