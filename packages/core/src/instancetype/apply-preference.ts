// Applying a preference to a VMI spec (pkg/instancetype/preference/apply): a preferred value
// fills a field only when the VMI leaves it unset, except ACPI and disableHotplug, which
// KubeVirt cannot tell apart from "unset" and so always overrides.

import { deepClone } from '../clone.js';
import type { ObjectMeta } from '../api/k8s-types.js';
import type { Disk, FeatureHyperv, Interface, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { VersionTraits } from '../profile/versions.js';
import type { TypedPreferenceSpec } from './preference-spec.js';

const clone = deepClone;

/** Each preference area; the order is KubeVirt's (vmiApplier.Apply). */
type Step = (p: TypedPreferenceSpec, spec: VirtualMachineInstanceSpec, meta: ObjectMeta, traits: VersionTraits) => void;

const cpuFeatures: Step = (p, spec) => {
  const preferred = p.cpu?.preferredCPUFeatures ?? [];
  if (preferred.length === 0) return;
  const c = (spec.domain.cpu ??= {});
  const present = new Set((c.features ?? []).map((f) => f.name));
  for (const f of preferred) if (!present.has(f.name)) (c.features ??= []).push(clone(f));
};

/** Auto-attach preferences; also applied early by the VM controller (ApplyAutoAttachPreferences). */
export function applyAutoAttachPreferences(p: TypedPreferenceSpec, spec: VirtualMachineInstanceSpec): void {
  const d = p.devices;
  if (!d) return;
  const devices = (spec.domain.devices ??= {});
  const pairs = [
    ['preferredAutoattachGraphicsDevice', 'autoattachGraphicsDevice'],
    ['preferredAutoattachMemBalloon', 'autoattachMemBalloon'],
    ['preferredAutoattachPodInterface', 'autoattachPodInterface'],
    ['preferredAutoattachSerialConsole', 'autoattachSerialConsole'],
    ['preferredAutoattachInputDevice', 'autoattachInputDevice'],
  ] as const;
  for (const [from, to] of pairs) {
    const v = d[from];
    if (v !== undefined && devices[to] === undefined) devices[to] = v;
  }
}

const devices: Step = (p, spec, _meta, traits) => {
  const d = p.devices;
  if (!d) return;
  const dev = (spec.domain.devices ??= {});
  if (d.preferredUseVirtioTransitional !== undefined && dev.useVirtioTransitional === undefined) dev.useVirtioTransitional = d.preferredUseVirtioTransitional;
  if (d.preferredBlockMultiQueue !== undefined && dev.blockMultiQueue === undefined) dev.blockMultiQueue = d.preferredBlockMultiQueue;
  if (d.preferredNetworkInterfaceMultiQueue !== undefined && dev.networkInterfaceMultiqueue === undefined) dev.networkInterfaceMultiqueue = d.preferredNetworkInterfaceMultiQueue;
  if (d.preferredDisableHotplug !== undefined) {
    if (d.preferredDisableHotplug) dev.disableHotplug = true;
    else delete dev.disableHotplug;
  }
  if (d.preferredSoundModel && dev.sound && !dev.sound.model) dev.sound.model = d.preferredSoundModel;
  if (d.preferredRng !== undefined && dev.rng === undefined) dev.rng = clone(d.preferredRng);
  if (d.preferredTPM !== undefined && dev.tpm === undefined) dev.tpm = clone(d.preferredTPM);
  if (traits.admissionPreferenceVideoLaunchSecurityPanic && d.preferredVideoType !== undefined) {
    dev.video ??= {};
    if (!dev.video.type) dev.video.type = d.preferredVideoType;
  }
  applyAutoAttachPreferences(p, spec);
  for (const disk of dev.disks ?? []) applyDiskPreferences(p, disk);
  for (const iface of dev.interfaces ?? []) applyInterfacePreferences(p, iface, spec);
  for (const input of dev.inputs ?? []) {
    if (d.preferredInputBus && !input.bus) input.bus = d.preferredInputBus;
    if (d.preferredInputType && !input.type) input.type = d.preferredInputType;
  }
  if (d.preferredPanicDeviceModel !== undefined) {
    const panics = dev.panicDevices ?? [];
    if (panics.length === 0 && traits.admissionPreferenceVideoLaunchSecurityPanic) dev.panicDevices = [{ model: d.preferredPanicDeviceModel }];
    for (const panic of panics) panic.model ??= d.preferredPanicDeviceModel;
  }
};

function applyDiskPreferences(p: TypedPreferenceSpec, disk: Disk): void {
  const d = p.devices!;
  if (!disk.disk && !disk.cdrom && !disk.lun) disk.disk = {};
  if (disk.disk) {
    if (d.preferredDiskBus && !disk.disk.bus) disk.disk.bus = d.preferredDiskBus;
    if (d.preferredDiskBlockSize !== undefined && disk.blockSize === undefined) disk.blockSize = clone(d.preferredDiskBlockSize);
    if (d.preferredDiskCache && !disk.cache) disk.cache = d.preferredDiskCache;
    if (d.preferredDiskIO && !disk.io) disk.io = d.preferredDiskIO;
    if (d.preferredDiskDedicatedIoThread !== undefined && disk.dedicatedIOThread === undefined && disk.disk.bus === 'virtio') disk.dedicatedIOThread = d.preferredDiskDedicatedIoThread;
  } else if (disk.cdrom) {
    if (d.preferredCdromBus && !disk.cdrom.bus) disk.cdrom.bus = d.preferredCdromBus;
  } else if (disk.lun) {
    if (d.preferredLunBus && !disk.lun.bus) disk.lun.bus = d.preferredLunBus;
  }
}

const BINDING_KEYS = ['bridge', 'slirp', 'masquerade', 'sriov', 'macvtap', 'passt', 'binding'] as const;

function applyInterfacePreferences(p: TypedPreferenceSpec, iface: Interface, spec: VirtualMachineInstanceSpec): void {
  const d = p.devices!;
  if (d.preferredInterfaceModel && !iface.model) iface.model = d.preferredInterfaceModel;
  const unbound = BINDING_KEYS.every((k) => (iface as unknown as Record<string, unknown>)[k] === undefined);
  const onPod = spec.networks?.find((n) => n.name === iface.name)?.pod !== undefined;
  if (d.preferredInterfaceMasquerade !== undefined && unbound && onPod) iface.masquerade = clone(d.preferredInterfaceMasquerade);
}

const HYPERV_KEYS: readonly (keyof FeatureHyperv)[] = [
  'evmcs', 'frequencies', 'ipi', 'reenlightenment', 'relaxed', 'reset', 'runtime', 'spinlocks', 'synic', 'synictimer', 'tlbflush', 'vapic', 'vpindex', 'vendorid',
];

const features: Step = (p, spec) => {
  const f = p.features;
  if (!f) return;
  const target = (spec.domain.features ??= {});
  if (f.preferredAcpi !== undefined) target.acpi = clone(f.preferredAcpi);
  if (f.preferredApic !== undefined && target.apic === undefined) target.apic = clone(f.preferredApic);
  if (f.preferredHyperv !== undefined) {
    const hv = (target.hyperv ??= {});
    const preferred = f.preferredHyperv as Record<string, unknown>;
    const out = hv as Record<string, unknown>;
    for (const key of HYPERV_KEYS) if (preferred[key] !== undefined && out[key] === undefined) out[key] = clone(preferred[key]);
  }
  if (f.preferredKvm !== undefined && target.kvm === undefined) target.kvm = clone(f.preferredKvm);
  if (f.preferredPvspinlock !== undefined && target.pvspinlock === undefined) target.pvspinlock = clone(f.preferredPvspinlock);
  if (f.preferredSmm !== undefined && target.smm === undefined) target.smm = clone(f.preferredSmm);
};

const firmware: Step = (p, spec) => {
  const fw = p.firmware;
  if (!fw) return;
  const target = (spec.domain.firmware ??= {});
  const boot = (target.bootloader ??= {});
  if (fw.preferredUseBios === true && !boot.bios && !boot.efi) boot.bios = {};
  if (fw.preferredUseBiosSerial !== undefined && boot.bios && boot.bios.useSerial === undefined) boot.bios.useSerial = fw.preferredUseBiosSerial;
  if (!boot.efi && !boot.bios && fw.preferredEfi !== undefined) {
    boot.efi = clone(fw.preferredEfi);
    return;
  }
  if (fw.preferredUseEfi === true && !boot.efi && !boot.bios) boot.efi = {};
  if (fw.preferredUseSecureBoot !== undefined && boot.efi && boot.efi.secureBoot === undefined) boot.efi.secureBoot = fw.preferredUseSecureBoot;
};

const machine: Step = (p, spec) => {
  const type = p.machine?.preferredMachineType;
  if (!type) return;
  const m = (spec.domain.machine ??= {});
  if (!m.type) m.type = type;
};

const clock: Step = (p, spec) => {
  const c = p.clock;
  if (!c) return;
  const target = (spec.domain.clock ??= {});
  if (c.preferredClockOffset !== undefined && target.utc === undefined && target.timezone === undefined) Object.assign(target, clone(c.preferredClockOffset));
  if (c.preferredTimer !== undefined && target.timer === undefined) target.timer = clone(c.preferredTimer);
};

const subdomain: Step = (p, spec) => {
  if (!spec.subdomain && p.preferredSubdomain !== undefined) spec.subdomain = p.preferredSubdomain;
};

const terminationGracePeriod: Step = (p, spec) => {
  if (p.preferredTerminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = p.preferredTerminationGracePeriodSeconds;
};

/** ApplyArchitecturePreferences; the VM mutating webhook also runs it on the template. */
export function applyArchitecturePreference(p: TypedPreferenceSpec | undefined, spec: VirtualMachineInstanceSpec): void {
  if (p?.preferredArchitecture && !spec.architecture) spec.architecture = p.preferredArchitecture;
}

const architecture: Step = (p, spec) => applyArchitecturePreference(p, spec);

const annotations: Step = (p, _spec, meta) => {
  const target = (meta.annotations ??= {});
  for (const [k, v] of Object.entries(p.annotations ?? {})) if (!(k in target)) target[k] = v;
};

const launchSecurity: Step = (p, spec, _meta, traits) => {
  if (!traits.admissionPreferenceVideoLaunchSecurityPanic || p.preferredLaunchSecurity === undefined || spec.domain.launchSecurity !== undefined) return;
  spec.domain.launchSecurity = clone(p.preferredLaunchSecurity);
};

const STEPS: readonly Step[] = [cpuFeatures, devices, features, firmware, machine, clock, subdomain, terminationGracePeriod, architecture, annotations, launchSecurity];

export function applyPreference(p: TypedPreferenceSpec, spec: VirtualMachineInstanceSpec, meta: ObjectMeta, traits: VersionTraits): void {
  spec.domain.devices ??= {};
  for (const step of STEPS) step(p, spec, meta, traits);
}
