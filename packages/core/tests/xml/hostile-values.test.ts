// Property: whatever a user puts into names, serials, annotations, kernel arguments or firmware
// paths, the domain XML stays well-formed and each value parses back as Go's encoding/xml would
// have written it (characters outside XML's Char range become U+FFFD; everything else survives).
import { convertVmi, type VirtualMachineInstance } from '@l1vh/core';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectionFor, stageVectors } from '../support/stage-vectors.js';

/** Go's view of a string: every char outside XML's Char production is U+FFFD. */
function goText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    out += ok ? ch : '\uFFFD';
  }
  return out;
}

const hostileChar = fc.oneof(
  fc.constantFrom('"', "'", '&', '<', '>', '\t', '\n', '\r', '\x00', '\x1b', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', ']]>', '&amp;', '<!--', '\u00e9', '\u{1F600}', ' '),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const hostile = fc.array(hostileChar, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: true, alwaysCreateTextNode: true,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && name !== '#text' });

type Node = Record<string, unknown>;
const first = (n: unknown, key: string): Node => ((n as Node)[key] as Node[])[0]!;
const textOf = (n: Node): string => (n['#text'] as string | undefined) ?? '';

describe('hostile values in the domain XML', () => {
  const base = stageVectors().find((v) => v.id.startsWith('kvm-amd64/'))!;

  it('stay well-formed and round-trip', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, hostile, hostile, (name, serial, manufacturer, kernelArgs, timezone, ovmfDir) => {
        const vmi = structuredClone(base.vmi) as VirtualMachineInstance;
        vmi.metadata.name = name;
        vmi.metadata.namespace = 'ns';
        vmi.metadata.annotations = { ...vmi.metadata.annotations, 'kubevirt.io/ignitiondata': `{"ignition":${JSON.stringify(serial)}}` };
        const d = vmi.spec.domain;
        d.firmware = { ...d.firmware, serial, bootloader: { efi: { secureBoot: false } }, kernelBoot: { kernelArgs } };
        d.chassis = { manufacturer };
        d.clock = { timezone, timer: {} };
        const profile = { ...base.profile, config: { ...base.profile.config, ovmfPath: `/fw/${ovmfDir}` } };
        const res = convertVmi(vmi, selectionFor(base), profile);
        expect(res.error).toBeNull();
        const xml = res.domainXml!;
        expect(XMLValidator.validate(xml)).toBe(true);
        const domain = first(parser.parse(xml), 'domain');
        expect(textOf(first(domain, 'name'))).toBe(goText(`ns_${name}`));
        const system = first(first(domain, 'sysinfo'), 'system')['entry'] as Node[];
        const serialEntry = system.find((e) => e['@name'] === 'serial');
        // KubeVirt writes the serial entry only for a non-empty serial.
        if (serial === '') expect(serialEntry).toBeUndefined();
        else expect(textOf(serialEntry!)).toBe(goText(serial));
        const chassis = first(first(domain, 'sysinfo'), 'chassis')['entry'] as Node[];
        expect(textOf(chassis.find((e) => e['@name'] === 'manufacturer')!)).toBe(goText(manufacturer));
        const os = first(domain, 'os');
        if (kernelArgs !== '') expect(textOf(first(os, 'cmdline'))).toBe(goText(kernelArgs));
        // Go builds these with filepath.Join, which cleans the path lexically (as posix.normalize does here).
        expect(textOf(first(os, 'loader'))).toBe(goText(posix.normalize(`/fw/${ovmfDir}/OVMF_CODE.secboot.fd`)));
        expect(textOf(first(os, 'nvram'))).toBe(goText(posix.normalize(`/var/run/kubevirt-private/libvirt/qemu/nvram/${name}_VARS.fd`)));
        if (timezone) expect(first(domain, 'clock')['@timezone']).toBe(goText(timezone));
        const args = first(domain, 'qemu:commandline')['qemu:arg'] as Node[];
        expect(args[1]!['@value']).toBe(goText(`name=opt/com.coreos/config,file=/var/run/kubevirt-ephemeral-disks/ignition-data/ns/${name}/data.ign`));
      }),
      { numRuns: 150 },
    );
  });
});
