// Devices: inputs, sound, video, panic devices, VSOCK, downward metrics, GPUs and host devices.
// Reimplements (vmi-create-admitter.go) validateInputDevices, validateMDEVRamFB,
// validateHostDevicesWithPassthroughEnabled, validateSoundDevices, validateVSOCK,
// validateDownwardMetrics, validateVideoConfig, validatePanicDevices; (grace_io_virtualization.go)
// validateGraceIOVirtualization and its annotation check. (The per-architecture watchdog, video and
// sound checks are firmware-features.ts'.) KubeVirt does not validate watchdog actions, tpm, rng or
// the autoattach switches.

import type { VersionKey } from '../../profile/versions.js';
import { machineTypeFor } from '../../defaults/cluster-settings.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { bool, isSet, rec, recs, str } from './go-read.js';
import type { SpecValidator, ValidationSubject } from './index.js';

type Rec = Record<string, unknown>;

interface DeviceRules {
  /** v1.8 refuses video and panic devices without their (Beta) gates. */
  videoAndPanicGated: boolean;
  /** An unset ramFB.enabled counts as enabled from main on (v1.8/v1.9 need `enabled: true`). */
  ramfbUnsetCounts: boolean;
  /** The Grace GPU passthrough checks (v1.9+). */
  grace: boolean;
}

const DEVICE_RULES: Record<VersionKey, DeviceRules> = {
  'v1.8': { videoAndPanicGated: true, ramfbUnsetCounts: false, grace: false },
  'v1.9': { videoAndPanicGated: false, ramfbUnsetCounts: false, grace: true },
  main: { videoAndPanicGated: false, ramfbUnsetCounts: true, grace: true },
};

const PANIC_MODELS = ['hyperv', 'isa', 'pvpanic'];
const SOUND_MODELS = ['', 'ich9', 'ac97'];

const NVIDIA_VENDOR = '10DE';
const GRACE_GPU_DEVICE_IDS = ['2342', '2348', '2941'];
const PLACE_PCI_ON_ROOT_COMPLEX = 'kubevirt.io/placePCIDevicesOnRootComplex';
const DISABLE_PCI_HOLE64 = 'kubevirt.io/disablePCIHole64';

function devicesOf(spec: Rec): Rec {
  return rec(rec(spec.domain).devices);
}

function inputCauses(field: FieldPath, devices: Rec): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  recs(devices.inputs).forEach((input, idx) => {
    const at = field.child('domain', 'devices', 'inputs').index(idx);
    const bus = str(input.bus);
    if (bus !== 'virtio' && bus !== 'usb' && bus !== '') causes.push(at.child('bus').cause('FieldValueInvalid', 'Input device can have only virtio or usb bus.'));
    if (str(input.type) !== 'tablet') causes.push(at.child('type').cause('FieldValueInvalid', 'Input device can have only tablet type.'));
  });
  return causes;
}

function ramfbCauses(field: FieldPath, devices: Rec, rules: DeviceRules): AdmissionCause[] {
  const displays = recs(devices.gpus).filter((gpu) => {
    if (!isSet(gpu.virtualGPUOptions)) return false;
    const display = rec(gpu.virtualGPUOptions).display;
    if (!isSet(display)) return false;
    const d = rec(display);
    if (isSet(d.enabled) && !bool(d.enabled)) return false;
    if (!isSet(d.ramFB)) return true;
    const enabled = rec(d.ramFB).enabled;
    return isSet(enabled) ? bool(enabled) : rules.ramfbUnsetCounts;
  });
  if (displays.length <= 1) return [];
  const printed = field.child('GPUs').toString();
  return [field.child('domain', 'devices', 'gpus').cause('FieldValueInvalid', 'configuring multiple displays with ramfb is not valid ', printed)];
}

function gatedDeviceCauses(field: FieldPath, devices: Rec, ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const devicesAt = field.child('domain', 'devices');
  if (isSet(devices.hostDevices) && !ctx.gate('HostDevices')) {
    causes.push(devicesAt.child('hostDevices').cause('FieldValueInvalid', 'Host Devices feature gate is not enabled in kubevirt-config', field.child('HostDevices').toString()));
  }
  if (isSet(devices.sound)) {
    const sound = rec(devices.sound);
    const printed = field.child('Sound').toString();
    if (!SOUND_MODELS.includes(str(sound.model))) {
      causes.push(devicesAt.child('sound', 'model').cause('FieldValueInvalid', "Sound device type is not supported. Options: 'ich9' or 'ac97'", printed));
    }
    if (str(sound.name) === '') causes.push(devicesAt.child('sound').cause('FieldValueInvalid', 'Sound device requires a name field.', printed));
  }
  if (bool(devices.autoattachVSOCK) && !ctx.gate('VSOCK')) {
    causes.push(devicesAt.child('autoattachVSOCK').cause('FieldValueInvalid', 'VSOCK feature gate is not enabled in kubevirt-config'));
  }
  if (isSet(devices.downwardMetrics) && !ctx.gate('DownwardMetrics')) {
    causes.push(devicesAt.child('downwardMetrics').cause('FieldValueInvalid', 'downwardMetrics virtio serial is not allowed: DownwardMetrics feature gate is not enabled'));
  }
  return causes;
}

function videoCauses(field: FieldPath, devices: Rec, rules: DeviceRules, ctx: ValidationContext): AdmissionCause[] {
  if (!isSet(devices.video)) return [];
  const at = field.child('domain', 'devices', 'video');
  const printed = field.child('video').toString();
  if (rules.videoAndPanicGated && !ctx.gate('VideoConfig')) {
    return [at.cause('FieldValueInvalid', 'Video configuration is specified but the VideoConfig feature gate is not enabled', printed)];
  }
  if (isSet(devices.autoattachGraphicsDevice) && !bool(devices.autoattachGraphicsDevice)) {
    return [at.cause('FieldValueInvalid', 'Video configuration is not allowed when autoattachGraphicsDevice is set to false', printed)];
  }
  return [];
}

function panicCauses(field: FieldPath, spec: Rec, devices: Rec, rules: DeviceRules, ctx: ValidationContext): AdmissionCause[] {
  const panics = Array.isArray(devices.panicDevices) ? recs(devices.panicDevices) : [];
  if (panics.length === 0) return [];
  const at = field.child('domain', 'devices', 'panicDevices');
  if (rules.videoAndPanicGated && !ctx.gate('PanicDevices')) return [at.cause('FieldValueInvalid', 'Panic Devices feature gate is not enabled in kubevirt-config')];
  const causes: AdmissionCause[] = [];
  const arch = str(spec.architecture) || ctx.defaultArchitecture;
  if (arch === 's390x') causes.push(at.cause('FieldValueInvalid', `custom panic devices are not supported on ${arch} architecture`));
  panics.forEach((panic, idx) => {
    if (isSet(panic.model) && !PANIC_MODELS.includes(str(panic.model))) {
      causes.push(at.index(idx).child('model').cause('FieldValueInvalid', `invalid PanicDeviceModel(${str(panic.model)})`));
    }
  });
  return causes;
}

// ---- Grace GPU passthrough ----------------------------------------------------------------

const normalizePciId = (id: string): string => id.trim().toUpperCase().replace(/^0X/, '');
const isHexPciId = (id: string): boolean => /^[0-9A-F]{4}$/.test(id);

/** hwutil.ParsePCIVendorSelector: `vendor:device` (device may be `*`), normalised. */
function parseVendorSelector(selector: string): { vendor: string; device: string } | null {
  const parts = selector.split(':');
  if (parts.length !== 2) return null;
  const vendor = normalizePciId(parts[0]!);
  const device = normalizePciId(parts[1]!);
  if (!isHexPciId(vendor) || (device !== '*' && !isHexPciId(device))) return null;
  return { vendor, device };
}

interface GraceRequest {
  at: FieldPath;
  resourceName: string;
}

/** gracePCIDeviceRequests: GPUs and host devices whose permitted PCI selector is a Grace GPU (or any NVIDIA device). */
function graceRequests(field: FieldPath, devices: Rec, ctx: ValidationContext): { grace: GraceRequest[]; ambiguous: GraceRequest[] } {
  const selectors = new Map<string, string>();
  for (const d of recs(rec(ctx.config.permittedHostDevices).pciHostDevices)) {
    if (str(d.resourceName) !== '' && str(d.pciVendorSelector) !== '') selectors.set(str(d.resourceName), str(d.pciVendorSelector));
  }
  const grace: GraceRequest[] = [];
  const ambiguous: GraceRequest[] = [];
  if (selectors.size === 0) return { grace, ambiguous };
  for (const kind of ['gpus', 'hostDevices'] as const) {
    recs(devices[kind]).forEach((device, idx) => {
      const resourceName = str(device.deviceName);
      const selector = selectors.get(resourceName);
      if (resourceName === '' || selector === undefined) return;
      const parsed = parseVendorSelector(selector);
      if (!parsed || parsed.vendor !== NVIDIA_VENDOR) return;
      const request = { at: field.child('domain', 'devices', kind).index(idx).child('deviceName'), resourceName };
      if (GRACE_GPU_DEVICE_IDS.includes(parsed.device)) grace.push(request);
      else if (parsed.device === '*') ambiguous.push(request);
    });
  }
  return { grace, ambiguous };
}

function graceCauses(field: FieldPath, spec: Rec, devices: Rec, ctx: ValidationContext): AdmissionCause[] {
  const { grace, ambiguous } = graceRequests(field, devices, ctx);
  if (grace.length === 0 && ambiguous.length === 0) return [];
  const enabled = ctx.gate('GraceIOVirtualization');
  const causes: AdmissionCause[] = [];
  if (enabled) {
    for (const r of ambiguous) {
      causes.push(r.at.cause('FieldValueInvalid', `GraceIOVirtualization requires an exact pciVendorSelector for NVIDIA PCI host device resource ${JSON.stringify(r.resourceName)}`));
    }
  }
  if (grace.length === 0) return causes;
  if (!enabled) {
    return grace.map((r) =>
      r.at.cause('FieldValueInvalid', `GraceIOVirtualization feature gate must be enabled for NVIDIA Grace GPU passthrough resource ${JSON.stringify(r.resourceName)}`),
    );
  }
  const arch = str(spec.architecture) || ctx.defaultArchitecture;
  if (arch !== 'arm64') causes.push(field.child('architecture').cause('FieldValueInvalid', 'GraceIOVirtualization requires arm64 architecture'));
  const machine = str(rec(rec(spec.domain).machine).type) || machineTypeFor(ctx.config, arch);
  if (!machine.startsWith('virt')) causes.push(field.child('domain', 'machine', 'type').cause('FieldValueInvalid', 'GraceIOVirtualization requires "virt" machine type'));
  if (!bool(rec(rec(spec.domain).cpu).dedicatedCpuPlacement)) {
    causes.push(field.child('domain', 'cpu', 'dedicatedCpuPlacement').cause('FieldValueRequired', 'GraceIOVirtualization requires dedicated CPU placement'));
  }
  const devicesAt = field.child('domain', 'devices');
  if (!ctx.gate('PCINUMAAwareTopology')) causes.push(devicesAt.cause('FieldValueInvalid', 'PCINUMAAwareTopology feature gate must be enabled when GraceIOVirtualization is used'));
  if (!ctx.gate('IOMMUFD')) causes.push(devicesAt.cause('FieldValueInvalid', 'IOMMUFD feature gate must be enabled when GraceIOVirtualization is used'));
  return causes;
}

/** validateGraceIOVirtualizationAnnotations: on the VMI's (or template's) metadata. */
function graceAnnotationCauses(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[] {
  const spec = rec(subject.spec);
  if (graceRequests(subject.specField, devicesOf(spec), ctx).grace.length === 0) return [];
  const annotations = rec(subject.metadata.annotations);
  const at = subject.metadataField.child('annotations');
  const causes: AdmissionCause[] = [];
  if (str(annotations[PLACE_PCI_ON_ROOT_COMPLEX]) === 'true') {
    causes.push(at.key(PLACE_PCI_ON_ROOT_COMPLEX).cause('FieldValueInvalid', 'GraceIOVirtualization is not compatible with placing PCI devices on the root complex'));
  }
  if (str(annotations[DISABLE_PCI_HOLE64]) === 'true') {
    causes.push(at.key(DISABLE_PCI_HOLE64).cause('FieldValueInvalid', 'GraceIOVirtualization requires the 64-bit PCI hole'));
  }
  return causes;
}

/** The device part of ValidateVirtualMachineInstanceSpec (VM template and VMI alike). */
export const DEVICES: SpecValidator = {
  area: 'devices',
  scope: 'both',
  validate(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[] {
    const rules = DEVICE_RULES[ctx.version];
    const field = subject.specField;
    const spec = rec(subject.spec);
    const devices = devicesOf(spec);
    return [
      ...inputCauses(field, devices),
      ...ramfbCauses(field, devices, rules),
      ...gatedDeviceCauses(field, devices, ctx),
      ...(rules.grace ? [...graceCauses(field, spec, devices, ctx), ...graceAnnotationCauses(subject, ctx)] : []),
      ...videoCauses(field, devices, rules, ctx),
      ...panicCauses(field, spec, devices, rules, ctx),
    ];
  },
};
