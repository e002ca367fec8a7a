// Interfaces (network/configurator_test.go), graphics/video (compute/graphics_test.go), inputs,
// watchdog and host-device placeholders.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, UID, vmi, type VmiOptions } from './support.js';

const ifaces = (o: VmiOptions, kubevirtYaml?: string) => devicesNamed(convert(vmi(o), { kubevirtYaml }).domainXml, 'interface');
const podNet = [{ name: 'default', pod: {} }];

describe('interfaces', () => {
  it('makes masquerade/bridge a tap ethernet interface with rom off on amd64', () => {
    expect(ifaces({ devices: { interfaces: [{ name: 'default', masquerade: {} }] }, networks: podNet })).toEqual([
      '<interface type="ethernet"><source></source><model type="virtio-non-transitional"></model><alias name="ua-default"></alias><rom enabled="no"></rom></interface>',
    ]);
  });

  it('puts boot order instead of rom off, the spec MAC, link down and the acpi index', () => {
    const [e] = ifaces({ devices: { interfaces: [{ name: 'default', bridge: {}, bootOrder: 1, macAddress: '02:00:00:00:00:01', state: 'down', acpiIndex: 3 }] }, networks: podNet });
    expect(e).toBe(
      '<interface type="ethernet"><source></source><model type="virtio-non-transitional"></model><mac address="02:00:00:00:00:01"></mac><boot order="1"></boot><link state="down"></link><alias name="ua-default"></alias><acpi index="3"></acpi></interface>',
    );
  });

  it('adds vhost queues for multiqueue virtio only, one per vCPU', () => {
    const o = (model?: string): VmiOptions => ({
      devices: { networkInterfaceMultiqueue: true, interfaces: [{ name: 'default', bridge: {}, model }] },
      domain: { cpu: { sockets: 1, cores: 2, threads: 2 } },
      networks: podNet,
    });
    expect(ifaces(o())[0]).toContain('<driver name="vhost" queues="4"></driver>');
    expect(ifaces(o('e1000'))[0]).toBe('<interface type="ethernet"><source></source><model type="e1000"></model><alias name="ua-default"></alias><rom enabled="no"></rom></interface>');
  });

  it('skips SR-IOV, absent interfaces and non-tap binding plugins; fails on a missing network', () => {
    const kv = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: {name: kubevirt, namespace: kubevirt}
spec:
  configuration:
    network:
      binding:
        mytap: {domainAttachmentType: managedTap}
        sidecar: {sidecarImage: example/sidecar}
status: {observedKubeVirtVersion: v1.10.0}
`;
    const nets = [{ name: 'a', multus: { networkName: 'nad' } }, { name: 'b', multus: { networkName: 'nad' } }, { name: 'c', multus: { networkName: 'nad' } }, { name: 'd', multus: { networkName: 'nad' } }];
    const got = ifaces({
      devices: { interfaces: [{ name: 'a', sriov: {} }, { name: 'b', binding: { name: 'sidecar' } }, { name: 'c', bridge: {}, state: 'absent' }, { name: 'd', binding: { name: 'mytap' } }] },
      networks: nets,
    }, kv);
    expect(got).toEqual(['<interface type="ethernet"><source></source><model type="virtio-non-transitional"></model><alias name="ua-d"></alias><rom enabled="no"></rom></interface>']);
    expect(convert(vmi({ devices: { interfaces: [{ name: 'x', bridge: {} }] } })).error).toBe('failed to find network x');
  });
});

describe('passt interfaces (network/passt_test.go)', () => {
  const passt = (o: Partial<VmiOptions> & { ports?: { protocol?: string; port: number }[] }) =>
    ifaces({
      devices: { interfaces: [{ name: 'default', passtBinding: {}, ports: o.ports }] },
      networks: podNet,
      annotations: o.annotations,
      status: { interfaces: [{ name: 'default', podInterfaceName: 'eth0' }] },
    })[0];
  const head = '<interface type="vhostuser"><source dev="eth0"></source><model type="virtio-non-transitional"></model><alias name="ua-default"></alias><backend type="passt" logFile="/var/run/kubevirt/passt.log"></backend>';

  it('forwards everything without ports', () => {
    expect(passt({})).toBe(`${head}<portForward proto="tcp"></portForward><portForward proto="udp"></portForward></interface>`);
  });
  it('forwards the listed ports per protocol (tcp by default)', () => {
    expect(passt({ ports: [{ port: 1 }, { protocol: 'UDP', port: 2 }, { protocol: 'UDP', port: 3 }, { protocol: 'TCP', port: 4 }] })).toBe(
      `${head}<portForward proto="tcp"><range start="1"></range><range start="4"></range></portForward><portForward proto="udp"><range start="2"></range><range start="3"></range></portForward></interface>`,
    );
  });
  it("excludes istio's reserved ports when the proxy is injected", () => {
    expect(passt({ annotations: { 'sidecar.istio.io/inject': 'true' } })).toContain('<portForward proto="tcp"><range start="15000" exclude="yes"></range>');
  });
});

describe('graphics and video', () => {
  const video = (o: VmiOptions, kubevirtYaml?: string) => devicesNamed(convert(vmi(o), { kubevirtYaml }).domainXml, 'video')[0];
  const efi = { firmware: { bootloader: { efi: { secureBoot: false } } } };

  it('serves VNC on the VMI UID socket', () => {
    expect(devicesNamed(convert(vmi()).domainXml, 'graphics')[0]).toBe(`<graphics type="vnc"><listen type="socket" socket="/var/run/kubevirt-private/${UID}/virt-vnc"></listen></graphics>`);
  });
  it('uses vga on amd64 BIOS, bochs for EFI, virtio on arm64', () => {
    expect(video({})).toBe('<video><model type="vga" heads="1" vram="16384"></model></video>');
    expect(video({ domain: efi })).toBe('<video><model type="bochs" heads="1"></model></video>');
    expect(video({ architecture: 'arm64', domain: efi })).toBe('<video><model type="virtio" heads="1"></model></video>');
  });
  it('keeps vga for EFI when the KubeVirt CR has the vga-display annotation', () => {
    const kv = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: {name: kubevirt, namespace: kubevirt, annotations: {kubevirt.io/vga-display-efi-x86: ""}}
spec: {configuration: {}}
status: {observedKubeVirtVersion: v1.10.0}
`;
    expect(video({ domain: efi }, kv)).toBe('<video><model type="vga" heads="1" vram="16384"></model></video>');
  });
  it('has neither graphics nor video when autoattachGraphicsDevice is false', () => {
    const xml = convert(vmi({ devices: { autoattachGraphicsDevice: false } })).domainXml;
    expect(devicesNamed(xml, 'graphics')).toEqual([]);
    expect(devicesNamed(xml, 'video')).toEqual([]);
  });
});

describe('inputs, watchdog, host devices', () => {
  it('adds a usb tablet (unless one exists) and keyboard on arm64, a virtio keyboard on s390x', () => {
    expect(devicesNamed(convert(vmi({ architecture: 'arm64' })).domainXml, 'input')).toEqual([
      '<input type="tablet" bus="usb"></input>',
      '<input type="keyboard" bus="usb"></input>',
    ]);
    expect(devicesNamed(convert(vmi({ architecture: 'arm64', devices: { inputs: [{ name: 't', type: 'tablet', bus: 'virtio' }] } })).domainXml, 'input')).toEqual([
      '<input type="tablet" bus="virtio" model="virtio"><alias name="ua-t"></alias></input>',
      '<input type="keyboard" bus="usb"></input>',
    ]);
    expect(devicesNamed(convert(vmi({ architecture: 's390x' })).domainXml, 'input')).toEqual(['<input type="keyboard" bus="virtio"></input>']);
  });

  it('maps watchdogs per architecture', () => {
    const wd = { name: 'wd0', i6300esb: { action: 'poweroff' } };
    expect(devicesNamed(convert(vmi({ devices: { watchdog: wd } })).domainXml, 'watchdog')).toEqual(['<watchdog model="i6300esb" action="poweroff"><alias name="ua-wd0"></alias></watchdog>']);
    expect(convert(vmi({ architecture: 'arm64', devices: { watchdog: wd } })).error).toBe('watchdog is not supported on architecture ARM64');
    expect(convert(vmi({ architecture: 's390x', devices: { watchdog: wd } })).error).toBe("watchdog wd0 can't be mapped, no watchdog type specified");
  });

  it('emits host-device placeholders and notes that the device plugin supplies addresses', () => {
    const r = convert(vmi({ devices: { gpus: [{ name: 'gpu1', deviceName: 'nvidia.com/GP102GL' }], hostDevices: [{ name: 'hd1', deviceName: 'vendor.com/dev' }] } }));
    expect(devicesNamed(r.domainXml, 'hostdev')).toEqual([
      '<hostdev type="pci" managed="no"><source></source><alias name="ua-hostdevice-hd1"></alias></hostdev>',
      '<hostdev type="pci" managed="no"><source></source><alias name="ua-gpu-gpu1"></alias></hostdev>',
    ]);
    expect(r.notes.filter((n) => n.includes('device plugin')).length).toBe(2);
  });

  it('follows permittedHostDevices for mediated and USB devices (PCI first, then mdev, then USB)', () => {
    const kv = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: {name: kubevirt, namespace: kubevirt}
spec:
  configuration:
    permittedHostDevices:
      mediatedDevices: [{mdevNameSelector: GRID T4-1Q, resourceName: nvidia.com/GRID_T4-1Q}]
      usb: [{resourceName: kubevirt.io/storage, selectors: [{vendor: "46f4", product: "0001"}]}]
      pciHostDevices: [{pciVendorSelector: "10DE:1EB8", resourceName: nvidia.com/TU104GL_Tesla_T4}]
status: {observedKubeVirtVersion: v1.10.0}
`;
    const r = convert(vmi({ devices: { hostDevices: [
      { name: 'usb1', deviceName: 'kubevirt.io/storage' },
      { name: 'vgpu', deviceName: 'nvidia.com/GRID_T4-1Q' },
      { name: 'pci1', deviceName: 'nvidia.com/TU104GL_Tesla_T4' },
    ] } }), { kubevirtYaml: kv });
    expect(devicesNamed(r.domainXml, 'hostdev')).toEqual([
      '<hostdev type="pci" managed="no"><source></source><alias name="ua-hostdevice-pci1"></alias></hostdev>',
      '<hostdev type="mdev" mode="subsystem" model="vfio-pci"><source></source><alias name="ua-hostdevice-vgpu"></alias></hostdev>',
      '<hostdev type="usb" mode="subsystem"><source></source><alias name="ua-usb-host-usb1"></alias></hostdev>',
    ]);
    expect(devicesNamed(r.domainXml, 'controller')[0]).toContain('model="qemu-xhci"');
  });
});
