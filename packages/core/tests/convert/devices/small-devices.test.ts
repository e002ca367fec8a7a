// TPM, sound, channels, rng, vsock, panic, virtiofs and USB redirection, after compute/*_test.go
// and storage/virtiofs.go.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, UID, vmi, type VmiOptions } from './support.js';

const dev = (o: VmiOptions, name: string) => devicesNamed(convert(vmi(o)).domainXml, name);

describe('small devices', () => {
  it('emulates TPM 2.0: tpm-tis, or tpm-crb with persistent state; none when disabled', () => {
    expect(dev({ devices: { tpm: {} } }, 'tpm')).toEqual(['<tpm model="tpm-tis"><backend type="emulator" version="2.0"></backend></tpm>']);
    expect(dev({ devices: { tpm: { persistent: true } } }, 'tpm')).toEqual(['<tpm model="tpm-crb"><backend type="emulator" version="2.0" persistent_state="yes"></backend></tpm>']);
    expect(dev({ devices: { tpm: { enabled: false } } }, 'tpm')).toEqual([]);
  });

  it('maps sound models, defaulting to ich9, and rejects others', () => {
    expect(dev({ devices: { sound: { name: 'audio' } } }, 'sound')).toEqual(['<sound model="ich9"><alias name="ua-audio"></alias></sound>']);
    expect(dev({ devices: { sound: { name: 'audio', model: 'ac97' } } }, 'sound')).toEqual(['<sound model="ac97"><alias name="ua-audio"></alias></sound>']);
    expect(convert(vmi({ devices: { sound: { name: 'audio', model: 'sb16' } } })).error).toBe('invalid model: sb16');
  });

  it('always has the guest-agent channel, plus the vhostmd channel with downwardMetrics', () => {
    expect(dev({}, 'channel')).toEqual(['<channel type="unix"><target name="org.qemu.guest_agent.0" type="virtio"></target></channel>']);
    expect(dev({ devices: { downwardMetrics: {} } }, 'channel')[1]).toBe(
      '<channel type="unix"><source mode="bind" path="/var/run/kubevirt-private/downwardmetrics-channel/downwardmetrics.sock"></source><target name="org.github.vhostmd.1" type="virtio"></target></channel>',
    );
  });

  it('backs rng with /dev/urandom', () => {
    expect(dev({ devices: { rng: {} } }, 'rng')).toEqual(['<rng model="virtio-non-transitional"><backend model="random">/dev/urandom</backend></rng>']);
  });

  it('adds vsock only with a CID in status', () => {
    expect(dev({}, 'vsock')).toEqual([]);
    expect(dev({ status: { vsockCID: 123 } }, 'vsock')).toEqual(['<vsock model="virtio-non-transitional"><cid auto="no" address="123"></cid></vsock>']);
  });

  it('copies panic device models', () => {
    expect(dev({ devices: { panicDevices: [{ model: 'hyperv' }, { model: 'isa' }] } }, 'panic')).toEqual(['<panic model="hyperv"></panic>', '<panic model="isa"></panic>']);
  });

  it('serves virtiofs through the container socket, with the always-written empty dir', () => {
    expect(dev({ devices: { filesystems: [{ name: 'share', virtiofs: {} }] } }, 'filesystem')).toEqual([
      '<filesystem type="mount" accessMode="passthrough"><source dir="" socket="/var/run/kubevirt/virtiofs-containers/share.sock"></source><target dir="share"></target><driver type="virtiofs" queue="1024"></driver></filesystem>',
    ]);
  });

  it('adds four USB redirection sockets for client passthrough', () => {
    const r = dev({ devices: { clientPassthrough: {} } }, 'redirdev');
    expect(r.length).toBe(4);
    expect(r[3]).toBe(`<redirdev type="unix" bus="usb"><source mode="bind" path="/var/run/kubevirt-private/${UID}/virt-usbredir-3"></source></redirdev>`);
  });
});
