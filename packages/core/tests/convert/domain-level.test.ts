// Domain-level configurators on cases the golden vectors do not cover. Expected values come from
// KubeVirt's own unit tests (pkg/virt-launcher/virtwrap/converter/{compute,iothreads}/*_test.go).
import { convertVmi, parseXml, type VirtualMachineInstance, type XmlElement } from '@l1vh/core';
import { describe, expect, it } from 'vitest';
import { selectionFor, stageVectors } from '../support/stage-vectors.js';

const base = stageVectors().find((v) => v.id.startsWith('kvm-amd64/'))!;

/** The base VMI with only what a test sets (libvmi.New() style: no firmware, no features). */
function vmiWith(edit: (vmi: VirtualMachineInstance) => void): VirtualMachineInstance {
  const vmi = structuredClone(base.vmi) as VirtualMachineInstance;
  vmi.metadata = { name: 'test-vmi', namespace: 'test-ns', uid: vmi.metadata.uid };
  const d = vmi.spec.domain;
  delete d.firmware;
  delete d.features;
  delete d.clock;
  delete d.cpu;
  delete d.memory;
  d.resources = { requests: { memory: '64Mi' } };
  d.devices = { ...d.devices, disks: [], interfaces: [], filesystems: [] };
  vmi.spec.volumes = [];
  vmi.spec.networks = [];
  edit(vmi);
  return vmi;
}

function convert(vmi: VirtualMachineInstance, selection = selectionFor(base)) {
  const res = convertVmi(vmi, selection, base.profile);
  return { ...res, tree: res.domainXml ? parseXml(res.domainXml) : null };
}

const childOf = (e: XmlElement | null | undefined, ...path: string[]): XmlElement | undefined =>
  path.reduce<XmlElement | undefined>((cur, name) => cur?.children.find((c) => c.name === name), e ?? undefined);
const attrs = (e: XmlElement | undefined) => Object.fromEntries(e?.attrs ?? []);

describe('CPU (cpu_test.go)', () => {
  it.each([
    ['explicit cores, threads, sockets', { cores: 4, threads: 2, sockets: 6 }, undefined, { sockets: '6', cores: '4', threads: '2' }, '48'],
    ['CPU request only', undefined, { requests: { cpu: '4', memory: '64Mi' } }, { sockets: '4', cores: '1', threads: '1' }, '4'],
    ['CPU limit only', undefined, { requests: { memory: '64Mi' }, limits: { cpu: '8' } }, { sockets: '8', cores: '1', threads: '1' }, '8'],
  ])('topology with %s', (_, cpu, resources, topology, vcpus) => {
    const { tree } = convert(vmiWith((v) => {
      if (cpu) v.spec.domain.cpu = cpu;
      if (resources) v.spec.domain.resources = resources;
    }));
    expect(attrs(childOf(tree, 'cpu', 'topology'))).toEqual(topology);
    expect(childOf(tree, 'vcpu')?.text).toBe(vcpus);
  });

  it('adds mpx disable for a custom model only', () => {
    const features = (model: string, extra: { name: string; policy: string }[] = []) =>
      childOf(convert(vmiWith((v) => (v.spec.domain.cpu = { model, features: extra }))).tree, 'cpu')!.children.filter((c) => c.name === 'feature').map(attrs);
    expect(features('Skylake-Server')).toEqual([{ name: 'mpx', policy: 'disable' }]);
    expect(features('host-model')).toEqual([]);
    expect(features('host-passthrough')).toEqual([]);
    expect(features('Skylake-Server', [{ name: 'mpx', policy: 'require' }])).toEqual([{ name: 'mpx', policy: 'require' }]);
  });

  it('spans all hotpluggable CPUs in the synthetic NUMA cell', () => {
    const { tree } = convert(vmiWith((v) => {
      v.spec.domain.cpu = { cores: 1, threads: 1, sockets: 2, maxSockets: 4 };
      v.spec.domain.memory = { hugepages: { pageSize: '2Mi' } };
      v.spec.domain.resources = { requests: { memory: '128Mi' } };
    }));
    expect(attrs(childOf(tree, 'cpu', 'topology'))).toEqual({ sockets: '4', cores: '1', threads: '1' });
    expect(attrs(childOf(tree, 'cpu', 'numa', 'cell'))).toEqual({ id: '0', cpus: '0-3', memory: String(128 * 1024), unit: 'KiB' });
    expect(childOf(tree, 'vcpus')!.children.map(attrs)).toEqual([
      { id: '0', enabled: 'yes', hotpluggable: 'no' },
      { id: '1', enabled: 'yes', hotpluggable: 'yes' },
      { id: '2', enabled: 'no', hotpluggable: 'yes' },
      { id: '3', enabled: 'no', hotpluggable: 'yes' },
    ]);
  });

  it('skips the synthetic NUMA cell when the memfd annotation is false', () => {
    const { tree } = convert(vmiWith((v) => {
      v.metadata.annotations = { 'kubevirt.io/memfd': 'false' };
      v.spec.domain.memory = { hugepages: { pageSize: '2Mi' } };
    }));
    expect(childOf(tree, 'cpu', 'numa')).toBeUndefined();
    expect(childOf(tree, 'memoryBacking', 'source')).toBeUndefined();
  });
});

describe('launch security (launch_security_test.go)', () => {
  it('SEV with encrypted state has policy 0x5', () => {
    const { tree } = convert(vmiWith((v) => (v.spec.domain.launchSecurity = { sev: { policy: { encryptedState: true } } })));
    const ls = childOf(tree, 'launchSecurity');
    expect(attrs(ls)).toEqual({ type: 'sev' });
    expect(childOf(ls, 'policy')?.text).toBe('0x5');
  });
  it('TDX takes the QGS socket path from the annotation', () => {
    const { tree } = convert(vmiWith((v) => {
      v.spec.domain.launchSecurity = { tdx: {} };
      v.metadata.annotations = { 'kubevirt.io/qgs-socket-path': '/test/qgs.socket' };
    }));
    expect(attrs(childOf(tree, 'launchSecurity', 'quoteGenerationService'))).toEqual({ path: '/test/qgs.socket' });
  });
  it('is not written on arm64', () => {
    const { tree } = convert(vmiWith((v) => {
      v.spec.architecture = 'arm64';
      v.spec.domain.launchSecurity = { sev: {} };
    }));
    expect(childOf(tree, 'launchSecurity')).toBeUndefined();
  });
});

describe('OS (os_test.go)', () => {
  it('writes ACPI tables from Secret volumes', () => {
    const { tree } = convert(vmiWith((v) => {
      v.spec.domain.firmware = { acpi: { slicNameRef: 'slic-secret', msdmNameRef: 'msdm-secret' } };
      v.spec.volumes = [{ name: 'slic-secret', secret: { secretName: 'a' } }, { name: 'msdm-secret', secret: { secretName: 'b' } }];
    }));
    expect(childOf(tree, 'os', 'acpi')!.children.map((t) => [attrs(t), t.text])).toEqual([
      [{ type: 'slic' }, '/var/run/kubevirt-private/secret/slic-secret/slic.bin'],
      [{ type: 'msdm' }, '/var/run/kubevirt-private/secret/msdm-secret/msdm.bin'],
    ]);
  });
  it.each([
    ['the ACPI volume is missing', { slicNameRef: 'missing-volume' }, [], "firmware's volume for slic was not found"],
    ['no table is set', {}, [], 'no ACPI tables were set, expecting at least one'],
    ['the ACPI volume is not a Secret', { slicNameRef: 'config-volume' }, [{ name: 'config-volume', configMap: { name: 'c' } }], "firmware's volume type is unsupported for slic"],
  ])('fails when %s', (_, acpi, volumes, error) => {
    const res = convert(vmiWith((v) => {
      v.spec.domain.firmware = { acpi };
      v.spec.volumes = volumes;
    }));
    expect(res.domainXml).toBeNull();
    expect(res.error).toBe(error);
  });
  it('opens the boot menu for 10 s when the VMI starts paused', () => {
    expect(attrs(childOf(convert(vmiWith((v) => (v.spec.startStrategy = 'Paused'))).tree, 'os', 'bootmenu'))).toEqual({ enable: 'yes', timeout: '10000' });
    expect(childOf(convert(vmiWith(() => undefined)).tree, 'os', 'bootmenu')).toBeUndefined();
  });
  it('uses a stateless ROM loader and no NVRAM for SEV-SNP', () => {
    const { tree } = convert(vmiWith((v) => {
      v.spec.domain.firmware = { bootloader: { efi: { secureBoot: false } } };
      v.spec.domain.launchSecurity = { snp: {} };
    }));
    expect(attrs(childOf(tree, 'os', 'loader'))).toEqual({ readonly: 'yes', secure: 'no', type: 'rom' });
    expect(childOf(tree, 'os', 'loader')?.text).toBe('/usr/share/edk2/ovmf/OVMF.amdsev.fd');
    expect(childOf(tree, 'os', 'nvram')).toBeUndefined();
  });
  it('puts the NVRAM under /var/lib/libvirt for a root VMI (runtimeUser 0)', () => {
    const { tree } = convert(vmiWith((v) => {
      v.spec.domain.firmware = { bootloader: { efi: {} } };
      v.status = { ...v.status, runtimeUser: 0 };
    }));
    expect(childOf(tree, 'os', 'nvram')?.text).toBe('/var/lib/libvirt/qemu/nvram/test-vmi_VARS.fd');
  });
  it('fails like the launcher when the Secure Boot ROMs do not exist (arm64)', () => {
    const res = convert(vmiWith((v) => {
      v.spec.architecture = 'arm64';
      v.spec.domain.firmware = { bootloader: { efi: { secureBoot: true } } };
    }));
    expect(res.error).toBe('EFI OVMF roms missing for booting in EFI mode with SecureBoot=true, SEV/SEV-ES=false, SEV-SNP=false, TDX=false');
  });
});

describe('QEMU command line (qemu_cmd_test.go)', () => {
  it.each([
    ['ignition', ['-fw_cfg', 'name=opt/com.coreos/config,file=/var/run/kubevirt-ephemeral-disks/ignition-data/test-ns/test-vmi/data.ign']],
    ['some-other-data', null],
    ['', null],
  ])('annotation %j', (annotation, args) => {
    const { tree } = convert(vmiWith((v) => (v.metadata.annotations = { 'kubevirt.io/ignitiondata': annotation })));
    const cmd = childOf(tree, 'qemu:commandline');
    expect(cmd ? cmd.children.map((a) => attrs(a).value) : null).toEqual(args);
  });
});

describe('reboot policy (reboot_policy_test.go)', () => {
  it.each([
    ['Terminate', 'destroy'],
    ['Reboot', 'restart'],
  ])('%s maps to %s', (policy, value) => {
    expect(childOf(convert(vmiWith((v) => (v.spec.domain.rebootPolicy = policy))).tree, 'on_reboot')?.text).toBe(value);
  });
});

describe('IO threads (iothreads_test.go)', () => {
  it('supplementalPool without a count counts one shared and one dedicated thread', () => {
    const { tree } = convert(vmiWith((v) => {
      v.spec.domain.ioThreadsPolicy = 'supplementalPool';
      v.spec.domain.devices.disks = [{ name: 'disk0', dedicatedIOThread: true, cdrom: {} }];
    }));
    expect(childOf(tree, 'iothreads')?.text).toBe('2');
  });
});

describe('hypervisor type (kvm/ and mshv/ configurators)', () => {
  const sel = selectionFor(base);
  it.each([
    ['hyperv-direct', true, false, 'hyperv', null],
    ['hyperv-direct', false, true, 'qemu', null],
    ['hyperv-direct', false, false, null, 'MSHV not present'],
    ['kvm', true, false, 'kvm', null],
    ['kvm', false, true, 'qemu', null],
    ['kvm', false, false, null, 'kvm not present and emulation is not allowed'],
  ])('%s, device %s, emulation %s → %s', (hypervisorName, hypervisorDeviceAvailable, allowEmulation, type, error) => {
    const res = convert(vmiWith(() => undefined), { ...sel, hypervisorName, hypervisorDeviceAvailable, allowEmulation });
    expect(res.error).toBe(error);
    expect(res.tree ? attrs(res.tree).type : null).toBe(type);
  });
});
