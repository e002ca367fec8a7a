// Each node-side ConverterContext value has a preview default and can be overridden, with the
// effect KubeVirt's converter gives that context field (converter-context.go and the configurators
// that read it). Expectations are derived by hand from that behaviour.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi } from './devices/support.js';
import { convertVmi, loadProfile, selectHypervisor, type ConvertOptions, type VirtualMachineInstance } from '@l1vh/core';

/** convert() with options (the device-test helper has none). */
function convertWith(v: VirtualMachineInstance, opts: ConvertOptions, extraYaml = '') {
  const arch = v.spec.architecture ?? 'amd64';
  const text = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: {name: kubevirt, namespace: kubevirt}
spec: {configuration: {}}
status: {observedKubeVirtVersion: v1.10.0}
---
apiVersion: v1
kind: Node
metadata: {name: node01, labels: {kubernetes.io/arch: ${arch}}}
status: {allocatable: {devices.kubevirt.io/kvm: "1k"}, nodeInfo: {architecture: ${arch}, operatingSystem: linux}}
${extraYaml ? `---\n${extraYaml}` : ''}`;
  const { profile } = loadProfile([{ path: 'cluster.yaml', text }]);
  return convertVmi(v, selectHypervisor({ vmi: v, profile }), profile, opts);
}

const sysinfoSystem = (xml: string | null): string[] => {
  const m = /<system>([\s\S]*?)<\/system>/.exec(xml ?? '');
  return [...(m?.[1] ?? '').matchAll(/<entry name="([^"]+)">([^<]*)<\/entry>/g)].map((e) => `${e[1]}=${e[2]}`);
};

const withDisk = (volume: NonNullable<VirtualMachineInstance['spec']['volumes']>[number], disk: Record<string, unknown> = { disk: { bus: 'virtio' } }) =>
  vmi({ devices: { disks: [{ name: volume.name, ...disk }] }, volumes: [volume] });

describe('ConverterContext overrides', () => {
  it('SMBios: the cluster values by default, five empty entries for an empty set, none without SMBIOS', () => {
    const v = vmi();
    expect(sysinfoSystem(convert(v).domainXml)).toEqual([
      'uuid=5d307ca9-b3ef-428c-8861-06e72d69f223', 'manufacturer=KubeVirt', 'family=KubeVirt', 'product=None', 'sku=', 'version=',
    ]);
    expect(sysinfoSystem(convertWith(v, { context: { smbios: {} } }).domainXml)).toEqual([
      'uuid=5d307ca9-b3ef-428c-8861-06e72d69f223', 'manufacturer=', 'family=', 'product=', 'sku=', 'version=',
    ]);
    expect(sysinfoSystem(convertWith(v, { context: { smbios: null } }).domainXml)).toEqual(['uuid=5d307ca9-b3ef-428c-8861-06e72d69f223']);
  });

  it('MemBalloonStatsPeriod and FreePageReporting shape the balloon', () => {
    expect(devicesNamed(convertWith(vmi(), { context: { memBalloonStatsPeriod: 0, freePageReporting: false } }).domainXml, 'memballoon')).toEqual([
      '<memballoon model="virtio-non-transitional" freePageReporting="off"></memballoon>',
    ]);
    expect(devicesNamed(convertWith(vmi(), { context: { memBalloonStatsPeriod: 3 } }).domainXml, 'memballoon')).toEqual([
      '<memballoon model="virtio-non-transitional" freePageReporting="on"><stats period="3"></stats></memballoon>',
    ]);
  });

  it('SerialConsoleLog decides the serial <log>, whatever the VMI says', () => {
    const serial = (opts: ConvertOptions) => devicesNamed(convertWith(vmi({ devices: { logSerialConsole: true } }), opts).domainXml, 'serial')[0];
    expect(serial({})).toContain('<log ');
    expect(serial({ context: { serialConsoleLog: false } })).not.toContain('<log');
  });

  it('BochsForEFIGuests picks bochs or vga for an amd64 EFI guest', () => {
    const efi = vmi({ domain: { firmware: { uuid: 'u', bootloader: { efi: { secureBoot: false } } } } });
    expect(devicesNamed(convert(efi).domainXml, 'video')).toEqual(['<video><model type="bochs" heads="1"></model></video>']);
    expect(devicesNamed(convertWith(efi, { context: { bochsForEfiGuests: false } }).domainXml, 'video')).toEqual([
      '<video><model type="vga" heads="1" vram="16384"></model></video>',
    ]);
  });

  it('IsBlockPVC makes a PVC a block device and an ephemeral PVC a block-backed overlay', () => {
    const pvc = withDisk({ name: 'pvcdisk', persistentVolumeClaim: { claimName: 'anything' } });
    const pvcDisk = devicesNamed(convertWith(pvc, { context: { isBlockPVC: new Set(['pvcdisk']) } }).domainXml, 'disk')[0];
    expect(pvcDisk).toContain('<disk device="disk" type="block" model="virtio-non-transitional"><source dev="/dev/pvcdisk" name="pvcdisk"></source>');
    const eph = withDisk({ name: 'eph', ephemeral: { persistentVolumeClaim: { claimName: 'anything' } } });
    const ephDisk = devicesNamed(convertWith(eph, { context: { isBlockPVC: new Set(['eph']) } }).domainXml, 'disk')[0];
    expect(ephDisk).toContain('<backingStore type="block"><format type="raw"></format><source dev="/dev/eph" name="eph"></source></backingStore>');
  });

  it('IsBlockDV applies to DataVolumes only; IsBlockPVC does not', () => {
    const dv = withDisk({ name: 'dvdisk', dataVolume: { name: 'dvdisk' } });
    expect(devicesNamed(convertWith(dv, { context: { isBlockDV: new Set(['dvdisk']) } }).domainXml, 'disk')[0]).toContain('type="block"');
    expect(devicesNamed(convertWith(dv, { context: { isBlockPVC: new Set(['dvdisk']) } }).domainXml, 'disk')[0]).toContain(
      '<source file="/var/run/kubevirt-private/vmi-disks/dvdisk/disk.img"></source>',
    );
  });

  it('an override replaces what the profile says about the PVC', () => {
    const pvcYaml = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: blk, namespace: mynamespace}\nspec: {volumeMode: Block}\n';
    const v = withDisk({ name: 'd', persistentVolumeClaim: { claimName: 'blk' } });
    expect(devicesNamed(convertWith(v, {}, pvcYaml).domainXml, 'disk')[0]).toContain('type="block"');
    expect(devicesNamed(convertWith(v, { context: { isBlockPVC: new Set() } }, pvcYaml).domainXml, 'disk')[0]).toContain('type="file"');
  });

  it('VolumesDiscardIgnore drops discard="unmap" from that PVC only (an emptyDisk always discards)', () => {
    const v = vmi({
      devices: { disks: ['a', 'b', 'c'].map((name) => ({ name, disk: { bus: 'virtio' } })) },
      volumes: [{ name: 'a', persistentVolumeClaim: { claimName: 'a' } }, { name: 'b', persistentVolumeClaim: { claimName: 'b' } }, { name: 'c', emptyDisk: { capacity: '1Gi' } }],
    });
    const [a, b, c] = devicesNamed(convertWith(v, { runtimeFixups: false, context: { volumesDiscardIgnore: new Set(['a', 'c']) } }).domainXml, 'disk');
    expect(a).not.toContain('discard=');
    expect(b).toContain('discard="unmap"');
    expect(c).toContain('discard="unmap"');
  });

  it('the ephemeral disk directory is joined and cleaned like filepath.Join', () => {
    const v = withDisk({ name: 'root', containerDisk: { image: 'quay.io/x/y:1' } });
    expect(devicesNamed(convert(v).domainXml, 'disk')[0]).toContain('<source file="/var/run/kubevirt-ephemeral-disks/disk-data/root/disk.qcow2"></source>');
    expect(devicesNamed(convertWith(v, { context: { ephemeralDiskDir: '/tmp/eph/' } }).domainXml, 'disk')[0]).toContain('<source file="/tmp/eph/root/disk.qcow2"></source>');
  });

  it('EFIConfiguration without files gives an empty loader and an NVRAM without template (arm64, root)', () => {
    const v = vmi({ architecture: 'arm64', domain: { firmware: { uuid: 'u', bootloader: { efi: { secureBoot: false } } } }, status: { runtimeUser: 0 } });
    const xml = convertWith(v, { context: { efi: { code: '', vars: '', secureLoader: false, autoSelection: false } } }).domainXml ?? '';
    expect(xml).toContain('<loader readonly="yes" secure="no" type="pflash"></loader>\n    <nvram>/var/lib/libvirt/qemu/nvram/testvmi_VARS.fd</nvram>');
  });

  it('runtimeFixups: false stops before the pre-start cache/io changes', () => {
    const v = withDisk({ name: 'd', persistentVolumeClaim: { claimName: 'c' } });
    const driver = (opts: ConvertOptions) => /<driver [^>]*>/.exec(devicesNamed(convertWith(v, opts, '').domainXml, 'disk')[0] ?? '')?.[0];
    expect(driver({})).toBe('<driver cache="none" error_policy="stop" name="qemu" type="raw" discard="unmap">');
    expect(driver({ runtimeFixups: false })).toBe('<driver error_policy="stop" name="qemu" type="raw" discard="unmap">');
  });
});
