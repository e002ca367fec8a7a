// Where a VMI names several confidential-computing flavours (validation would reject it, but the
// converter still decides), each part follows its own KubeVirt predicate: <launchSecurity> prefers
// SEV; the EFI VM type is SEV only without SNP, then SNP, then TDX; the ROM loader is for any SNP or
// TDX VMI; <pmu state="off"> for any TDX VMI.
import { describe, expect, it } from 'vitest';
import { convert, vmi } from './devices/support.js';

const efiVmi = (launchSecurity: Record<string, unknown>) =>
  vmi({ domain: { firmware: { uuid: 'u', bootloader: { efi: { secureBoot: false } } }, launchSecurity } });

const line = (xml: string | null, tag: string) => (xml ?? '').split('\n').map((l) => l.trim()).filter((l) => l.startsWith(`<${tag}`));

describe('launch security precedence', () => {
  it('SEV + SNP: a sev <launchSecurity>, but the SNP firmware as a stateless ROM', () => {
    const { domainXml } = convert(efiVmi({ sev: {}, snp: {} }));
    expect(line(domainXml, 'launchSecurity')).toEqual(['<launchSecurity type="sev">']);
    expect(line(domainXml, 'loader')).toEqual(['<loader readonly="yes" secure="no" type="rom">/usr/share/edk2/ovmf/OVMF.amdsev.fd</loader>']);
    expect(line(domainXml, 'nvram')).toEqual([]);
  });

  it('SEV + TDX: SEV firmware and element, and the TDX pmu off with a ROM loader', () => {
    const { domainXml } = convert(efiVmi({ sev: {}, tdx: {} }));
    expect(line(domainXml, 'launchSecurity')).toEqual(['<launchSecurity type="sev">']);
    expect(line(domainXml, 'loader')).toEqual(['<loader readonly="yes" secure="no" type="rom">/usr/share/edk2/ovmf/OVMF_CODE.cc.fd</loader>']);
    expect(line(domainXml, 'pmu')).toEqual(['<pmu state="off"></pmu>']);
  });

  it('SEV alone: pflash with the SEV variables, no pmu element', () => {
    const { domainXml } = convert(efiVmi({ sev: {} }));
    expect(line(domainXml, 'loader')).toEqual(['<loader readonly="yes" secure="no" type="pflash">/usr/share/edk2/ovmf/OVMF_CODE.cc.fd</loader>']);
    expect(line(domainXml, 'nvram')).toEqual(['<nvram template="/usr/share/edk2/ovmf/OVMF_VARS.fd">/var/run/kubevirt-private/libvirt/qemu/nvram/testvmi_VARS.fd</nvram>']);
    expect(line(domainXml, 'pmu')).toEqual([]);
  });
});
