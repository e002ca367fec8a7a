// Machine type, firmware, launch security, Hyper-V and per-architecture checks: validateEmulatedMachine,
// validateFirmwareACPI, validateDomainSpec's firmware part (validateFirmware, Secure Boot needs SMM),
// validateLaunchSecurity (ValidateLaunchSecurityAmd64) from vmi-create-admitter.go and
// pkg/virt-api/webhooks/amd64.go; and, on the VMI webhook only, ValidateVirtualMachineInstanceHyperv
// (webhooks/hyperv.go) and ValidateVirtualMachineInstancePerArch (webhooks/{amd64,arm64,s390x}.go).

import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import { FieldPath, type AdmissionCause } from '../cause.js';
import type { ValidationContext } from '../context.js';
import type { SpecValidator, ValidationSubject } from './validator.js';
import { arr, bool, obj, str } from './read.js';
import { boundedMemo } from '../../memo.js';

type Check = (spec: VirtualMachineInstanceSpec, field: FieldPath, ctx: ValidationContext) => AdmissionCause[];

/** GetEmulatedMachines: the deprecated top-level list wins, else the architecture's (amd64 for any other). */
function emulatedMachines(ctx: ValidationContext, arch: string): string[] | undefined {
  const cfg = ctx.config;
  if (Array.isArray(cfg.emulatedMachines)) return cfg.emulatedMachines;
  const archs = cfg.architectureConfiguration;
  const list = arch === 'arm64' ? archs.arm64.emulatedMachines : arch === 's390x' ? archs.s390x.emulatedMachines : archs.amd64.emulatedMachines;
  return Array.isArray(list) ? list : undefined;
}

/** Go's filepath.Match (Unix): `*`, `?`, `[...]` classes; a malformed pattern matches nothing. */
export function globMatch(pattern: string, name: string): boolean {
  const re = compiledGlob(pattern);
  return re !== null && re.test(name);
}

/** Compiled patterns by text: every VM's machine type is matched against the same few (they come
 * from the cluster config, a handful, but the memo is bounded anyway). */
const compiledGlob = boundedMemo(256, globToRegExp);

function globToRegExp(pattern: string): RegExp | null {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= pattern.length) return null;
      out += escapeRe(pattern[++i]!);
    } else if (c === '[') {
      let j = i + 1;
      let cls = '';
      if (pattern[j] === '^') {
        cls += '^';
        j++;
      }
      let members = 0;
      while (j < pattern.length && (pattern[j] !== ']' || members === 0)) {
        let lo = pattern[j]!;
        if (lo === '\\') lo = pattern[++j] ?? '';
        if (lo === '') return null;
        j++;
        if (pattern[j] === '-' && pattern[j + 1] !== undefined && pattern[j + 1] !== ']') {
          let hi = pattern[j + 1]!;
          j += 2;
          if (hi === '\\') hi = pattern[j++] ?? '';
          if (hi === '' || hi < lo) return null;
          cls += `${escapeRe(lo)}-${escapeRe(hi)}`;
        } else cls += escapeRe(lo);
        members++;
      }
      if (pattern[j] !== ']') return null;
      out += `(?:(?!/)[${cls}])`;
      i = j;
    } else out += escapeRe(c);
  }
  return new RegExp(`${out}$`, 's');
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** validateEmulatedMachine */
const emulatedMachine: Check = (spec, field, ctx) => {
  const type = str(spec.domain.machine?.type);
  if (type === '') return [];
  const supported = emulatedMachines(ctx, str(spec.architecture));
  if ((supported ?? []).some((p) => globMatch(String(p), type))) return [];
  const path = field.child('domain', 'machine', 'type');
  return [path.cause('FieldValueInvalid', `${path.printed} is not supported: ${type} (allowed values: [${(supported ?? []).join(' ')}])`)];
};

/** validateFirmwareACPI: KubeVirt prints the path as `spec.acpi` (field.Child("acpi") on the spec). */
const firmwareAcpi: Check = (spec, field) => {
  const acpi = obj(spec.domain.firmware?.acpi);
  if (!acpi) return [];
  // The printed path is KubeVirt's odd one; `at` points at the real field.
  const path = FieldPath.root(field.child('acpi').printed, [...field.child('domain', 'firmware', 'acpi').at]);
  const slic = str(acpi.slicNameRef);
  const msdm = str(acpi.msdmNameRef);
  if (slic === '' && msdm === '') return [path.cause('FieldValueInvalid', 'ACPI was set but no SLIC nor MSDM volume reference was set')];
  return [...acpiRef(path, slic, spec, 'slicNameRef'), ...acpiRef(path, msdm, spec, 'msdmNameRef')];
};

function acpiRef(path: FieldPath, ref: string, spec: VirtualMachineInstanceSpec, name: string): AdmissionCause[] {
  if (ref === '') return [];
  const volume = arr(spec.volumes).map(obj).find((v) => v !== undefined && str(v.name) === ref);
  if (volume?.secret !== undefined && volume.secret !== null) return [];
  const message = volume ? `${path.printed} refers to Volume of unsupported type.` : `${path.printed} does not have a matching Volume.`;
  return [path.child(name).cause('FieldValueInvalid', message)];
}

/** Go's filepath.Clean for an absolute path. */
function cleanAbsolute(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** storageadmitters.ValidatePath */
function absolutePathCauses(path: FieldPath, value: string): AdmissionCause[] {
  if (value === '/') return [path.cause('FieldValueInvalid', `${path.printed} must not point to root`)];
  const provided = value.endsWith('/') ? value.slice(0, -1) : value;
  if (cleanAbsolute(`/${value}`) !== provided) return [path.cause('FieldValueInvalid', `${path.printed} must be an absolute path to a file without relative components`)];
  return [];
}

/** validateFirmware (bootloader, kernelBoot) and the Secure Boot/SMM rule of validateDomainSpec. */
const firmware: Check = (spec, field, ctx) => {
  const fw = spec.domain.firmware;
  const fwPath = field.child('domain', 'firmware');
  const causes: AdmissionCause[] = [];
  const bootloader = obj(fw?.bootloader);
  if (fw && bootloader && obj(bootloader.efi) && obj(bootloader.bios)) {
    const p = fwPath.child('bootloader');
    causes.push(p.cause('FieldValueInvalid', `${p.printed} has both EFI and BIOS configured, but they are mutually exclusive.`));
  }
  const kernelBoot = obj(fw?.kernelBoot);
  if (fw && kernelBoot) causes.push(...kernelBootCauses(fwPath.child('kernelBoot'), kernelBoot));
  const efi = obj(bootloader?.efi);
  const secureBoot = efi !== undefined && bool(efi.secureBoot) !== false;
  const smm = obj(spec.domain.features?.smm);
  const smmOn = smm !== undefined && bool(smm.enabled) !== false;
  // From v1.9 TDX's stateless firmware needs no SMM.
  const tdxExempt = ctx.version !== 'v1.8' && obj(spec.domain.launchSecurity)?.tdx !== undefined;
  if (secureBoot && !smmOn && !tdxExempt) {
    causes.push(fwPath.cause('FieldValueInvalid', `${fwPath.printed} has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.`));
  }
  return causes;
};

/** validateKernelBoot */
function kernelBootCauses(path: FieldPath, kernelBoot: Record<string, unknown>): AdmissionCause[] {
  const container = obj(kernelBoot.container);
  if (!container) {
    return str(kernelBoot.kernelArgs) !== '' ? [path.child('kernelArgs').cause('FieldValueInvalid', 'kernel arguments cannot be provided without an external kernel')] : [];
  }
  const causes: AdmissionCause[] = [];
  const c = path.child('container');
  if (str(container.image) === '') causes.push(c.child('image').cause('FieldValueRequired', `${c.printed} must be defined with an image`));
  const kernelPath = str(container.kernelPath);
  const initrdPath = str(container.initrdPath);
  if (kernelPath === '' && initrdPath === '') causes.push(c.cause('FieldValueRequired', `${c.printed} must be defined with at least one of the following: kernelPath, initrdPath`));
  if (kernelPath !== '') causes.push(...absolutePathCauses(c.child('kernelPath'), kernelPath));
  if (initrdPath !== '') causes.push(...absolutePathCauses(c.child('initrdPath'), initrdPath));
  return causes;
}

/** validateLaunchSecurity: amd64 checks, nothing more on s390x (v1.8: the SecureExecution gate), else refused. */
const launchSecurity: Check = (spec, field, ctx) => {
  const ls = obj(spec.domain.launchSecurity);
  if (!ls) return [];
  const arch = str(spec.architecture);
  if (arch === 'amd64') return launchSecurityAmd64(spec, ls, field, ctx);
  if (arch === 's390x') {
    if (ctx.version === 'v1.8' && !ctx.gate('SecureExecution')) return [field.child('launchSecurity').cause('FieldValueInvalid', 'SecureExecution feature gate is not enabled in kubevirt-config')];
    return [];
  }
  return [field.child('architecture').cause('FieldValueInvalid', `No launchSecurity support for architecture: ${arch}`)];
};

/** ValidateLaunchSecurityAmd64 */
function launchSecurityAmd64(spec: VirtualMachineInstanceSpec, ls: Record<string, unknown>, field: FieldPath, ctx: ValidationContext): AdmissionCause[] {
  const path = field.child('launchSecurity');
  const sev = obj(ls.sev);
  const snp = obj(ls.snp);
  const tdx = obj(ls.tdx);
  const selected = [sev && 'SEV', snp && 'SNP', tdx && 'TDX'].filter((t): t is string => typeof t === 'string');
  if (selected.length !== 1) return [path.cause('FieldValueForbidden', 'One and only one launchSecurity type can be set')];
  const type = selected[0]!;
  const gate = tdx ? 'WorkloadEncryptionTDX' : 'WorkloadEncryptionSEV';
  if (!ctx.gate(gate)) return [path.cause('FieldValueInvalid', `${gate} feature gate is not enabled in kubevirt-config`)];
  const causes: AdmissionCause[] = [];
  const smm = obj(spec.domain.features?.smm);
  if (tdx && smm && bool(smm.enabled) !== false) causes.push(path.cause('FieldValueInvalid', 'TDX does not work along with SMM'));
  const efi = obj(obj(spec.domain.firmware?.bootloader)?.efi);
  if (!efi) causes.push(path.cause('FieldValueInvalid', `${type} requires OVMF (UEFI)`));
  else {
    if ((sev || snp) && bool(efi.secureBoot) !== false) causes.push(path.cause('FieldValueInvalid', `${type} does not work along with SecureBoot`));
    if ((snp || tdx) && bool(efi.persistent) === true) causes.push(path.cause('FieldValueInvalid', `${type} does not work along with Persistent EFI variables`));
  }
  if (sev && spec.startStrategy !== 'Paused' && sev.attestation !== undefined && sev.attestation !== null) {
    causes.push(path.cause('FieldValueInvalid', "SEV attestation requires VMI StartStrategy 'Paused'"));
  }
  for (const iface of arr(spec.domain.devices?.interfaces).map(obj)) {
    if (iface && iface.bootOrder !== undefined && iface.bootOrder !== null) causes.push(path.cause('FieldValueInvalid', `${type} does not work with bootable NICs: ${str(iface.name)}`));
  }
  return causes;
}

/** A Hyper-V feature and the one it needs (getHypervFeatureDependencies), leaves first. */
const HYPERV_DEPENDENCIES: readonly { feature: string; requires: string }[] = [
  { feature: 'evmcs', requires: 'vapic' },
  { feature: 'ipi', requires: 'vpindex' },
  { feature: 'tlbflush', requires: 'vpindex' },
  { feature: 'synictimer', requires: 'synic' },
  { feature: 'synic', requires: 'vpindex' },
];

/** isFeatureStateEnabled: set with `enabled: true` (after the VMI defaults). */
function featureEnabled(state: unknown): boolean {
  return bool(obj(state)?.enabled) === true;
}

/**
 * ValidateVirtualMachineInstanceHyperv. The admitter passes `spec.domain.features.hyperv` and the
 * dependency table appends `domain.features.hyperv` again: KubeVirt prints the path doubled.
 */
const hyperv: Check = (spec, field) => {
  const features = obj(spec.domain.features);
  const hv = obj(features?.hyperv);
  const base = field.child('domain', 'features', 'hyperv');
  const causes: AdmissionCause[] = [];
  if (hv) {
    const printed = (name: string): FieldPath => FieldPath.root(`${base.printed}.domain.features.hyperv.${name}`, [...base.at, name]);
    for (const { feature, requires } of HYPERV_DEPENDENCIES) {
      if (!featureEnabled(hv[feature]) || featureEnabled(hv[requires])) continue;
      const p = printed(feature);
      causes.push(p.cause('FieldValueInvalid', `'${p.printed}' requires '${printed(requires).printed}', which was disabled.`));
    }
    const evmcs = obj(hv.evmcs);
    if (evmcs && bool(evmcs.enabled) !== false) causes.push(...evmcsNeedsVmx(spec, field));
  }
  if (hv && features?.hypervPassthrough !== undefined && features.hypervPassthrough !== null) {
    causes.push(base.cause('FieldValueInvalid', 'Cannot explicitly set hyperV features if HypervPassthrough is being used. Please use either HyperV or HypervPassthrough.'));
  }
  return causes;
};

/** EVMCS needs the vmx CPU feature with the require policy (fields printed from `spec`, whatever the object). */
function evmcsNeedsVmx(spec: VirtualMachineInstanceSpec, field: FieldPath): AdmissionCause[] {
  const features = arr(spec.domain.cpu?.features);
  const featuresPath = field.child('domain', 'cpu', 'features');
  if (features.length === 0) return [featuresPath.cause('FieldValueRequired', 'vmx cpu feature is required when evmcs is set', 'spec.domain.cpu.features')];
  return features.flatMap((f, i) => {
    const feature = obj(f) ?? {};
    if (str(feature.name) !== 'vmx' || str(feature.policy) === 'require') return [];
    return [featuresPath.index(i).child('policy').cause('FieldValueInvalid', 'vmx cpu feature has to be set to require policy', `spec.domain.cpu.features[${i}].policy`)];
  });
}

/** ValidateVirtualMachineInstancePerArch */
const perArchitecture: Check = (spec, field) => {
  const arch = str(spec.architecture);
  if (arch === 'amd64') return [...watchdogOnly(spec, field, 'i6300esb', 'amd64 only supports I6300ESB watchdog device'), ...videoTypes(spec, field, 'amd64', ['vga', 'cirrus', 'virtio', 'ramfb', 'bochs'])];
  if (arch === 's390x') return [...watchdogOnly(spec, field, 'diag288', 's390x only supports Diag288 watchdog device'), ...videoTypes(spec, field, 's390x', ['virtio'])];
  if (arch === 'arm64') return arm64Settings(spec, field);
  return [field.child('architecture').cause('FieldValueInvalid', `unsupported architecture: ${arch}`)];
};

function watchdogOnly(spec: VirtualMachineInstanceSpec, field: FieldPath, model: 'i6300esb' | 'diag288', message: string): AdmissionCause[] {
  const watchdog = obj(spec.domain.devices?.watchdog);
  if (!watchdog) return [];
  const other = model === 'i6300esb' ? 'diag288' : 'i6300esb';
  if (obj(watchdog[model]) && !obj(watchdog[other])) return [];
  return [field.child('domain', 'devices', 'watchdog').cause('FieldValueNotSupported', message)];
}

function videoTypes(spec: VirtualMachineInstanceSpec, field: FieldPath, arch: string, valid: readonly string[]): AdmissionCause[] {
  const video = obj(spec.domain.devices?.video);
  if (!video) return [];
  const type = str(video.type);
  if (valid.includes(type)) return [];
  return [field.child('domain', 'devices', 'video', 'type').cause('FieldValueNotSupported', `video model '${type}' is not supported on ${arch} architecture`)];
}

/** ValidateVirtualMachineInstanceArm64Setting */
function arm64Settings(spec: VirtualMachineInstanceSpec, field: FieldPath): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  if (obj(obj(spec.domain.firmware?.bootloader)?.bios)) {
    causes.push(field.child('domain', 'firmware', 'bootloader', 'bios').cause('FieldValueNotSupported', 'Arm64 does not support bios boot, please change to uefi boot'));
  }
  const model = str(spec.domain.cpu?.model);
  if (model !== '' && model !== 'host-passthrough') {
    causes.push(field.child('domain', 'cpu', 'model').cause('FieldValueNotSupported', 'currently, host-passthrough is the only model supported on Arm64'));
  }
  arr(spec.domain.devices?.disks).forEach((d, i) => {
    const disk = obj(d) ?? {};
    for (const target of ['disk', 'cdrom', 'lun'] as const) {
      const t = obj(disk[target]);
      const bus = str(t?.bus);
      if (t && bus !== '' && bus !== 'virtio' && bus !== 'scsi') {
        causes.push(field.child('domain', 'devices', 'disks').index(i).child(target, 'bus').cause('FieldValueNotSupported', 'Arm64 not support this disk bus type, please use virtio or scsi'));
      }
    }
  });
  if (obj(spec.domain.devices?.watchdog)) causes.push(field.child('domain', 'devices', 'watchdog').cause('FieldValueNotSupported', 'Arm64 not support Watchdog device'));
  if (obj(spec.domain.devices?.sound)) causes.push(field.child('domain', 'devices', 'sound').cause('FieldValueNotSupported', 'Arm64 not support sound device'));
  causes.push(...videoTypes(spec, field, 'arm64', ['virtio', 'ramfb']));
  return causes;
}

function rule(area: string, scope: SpecValidator['scope'], check: Check): SpecValidator {
  return { area, scope, validate: (s: ValidationSubject, ctx) => check(s.spec, s.specField, ctx) };
}

export const FIRMWARE_FEATURES_VALIDATORS: readonly SpecValidator[] = [
  rule('emulated-machine', 'both', emulatedMachine),
  rule('firmware-acpi', 'both', firmwareAcpi),
  rule('firmware', 'both', firmware),
  rule('launch-security', 'both', launchSecurity),
  rule('hyperv', 'vmi', hyperv),
  rule('per-architecture', 'vmi', perArchitecture),
];
