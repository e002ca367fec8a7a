// v1.SetObjectDefaults_VirtualMachineInstance (kubevirt.io/api core/v1 defaults.go and the
// generated defaulters): firmware and features always exist, feature states that exist but say
// nothing are enabled, disks get a target, CD-ROMs are read-only and closed, inputs are USB
// tablets, probes get Kubernetes' minimums.

import type { Probe } from '../api/k8s-types.js';
import type { FeatureState, VirtualMachineInstance } from '../api/kubevirt-types.js';

/** Sets `enabled: true` on a feature state that exists without saying. */
function enableIfUnset(state: FeatureState | undefined): void {
  if (state && state.enabled === undefined) state.enabled = true;
}

/** Timers spell their switch `present`. */
function presentIfUnset(timer: { present?: boolean } | undefined): void {
  if (timer && timer.present === undefined) timer.present = true;
}

/** Hyper-V features whose only default is `enabled` (spinlocks and synictimer have more). */
const PLAIN_HYPERV = ['relaxed', 'vapic', 'vpindex', 'runtime', 'synic', 'reset', 'vendorid', 'frequencies', 'reenlightenment', 'ipi', 'evmcs'] as const;

/** Spinlock retries when enabled without a count. */
const DEFAULT_SPINLOCK_RETRIES = 4096;

export function applyApiDefaults(vmi: VirtualMachineInstance, firmwareUuid: () => string): void {
  const domain = vmi.spec.domain;
  domain.firmware ??= {};
  domain.features ??= {};
  if (!domain.firmware.uuid) domain.firmware.uuid = firmwareUuid();

  const timer = domain.clock?.timer;
  if (timer) for (const t of [timer.hpet, timer.kvm, timer.pit, timer.rtc, timer.hyperv]) presentIfUnset(t);

  const features = domain.features;
  // ACPI is a struct, not a pointer, in the Go type: it always exists and defaults on.
  features.acpi ??= {};
  enableIfUnset(features.acpi);
  enableIfUnset(features.apic);
  const hv = features.hyperv;
  if (hv) {
    for (const key of PLAIN_HYPERV) enableIfUnset(hv[key]);
    if (hv.spinlocks) {
      enableIfUnset(hv.spinlocks);
      if (hv.spinlocks.enabled && hv.spinlocks.spinlocks === undefined) hv.spinlocks.spinlocks = DEFAULT_SPINLOCK_RETRIES;
    }
    if (hv.synictimer) {
      enableIfUnset(hv.synictimer);
      enableIfUnset(hv.synictimer.direct);
    }
    if (hv.tlbflush) {
      enableIfUnset(hv.tlbflush);
      enableIfUnset(hv.tlbflush.direct);
      enableIfUnset(hv.tlbflush.extended);
    }
  }
  enableIfUnset(features.smm);
  enableIfUnset(features.pvspinlock);

  for (const disk of domain.devices.disks ?? []) {
    if (!disk.disk && !disk.cdrom && !disk.lun) disk.disk = {};
    if (disk.cdrom) {
      disk.cdrom.readonly ??= true;
      if (!disk.cdrom.tray) disk.cdrom.tray = 'closed';
    }
    enableIfUnset(disk.blockSize?.matchVolume);
  }
  for (const input of domain.devices.inputs ?? []) {
    if (!input.bus) input.bus = 'usb';
    if (!input.type) input.type = 'tablet';
  }
  for (const gpu of domain.devices.gpus ?? []) enableIfUnset(gpu.virtualGPUOptions?.display?.ramFB);
  defaultProbe(vmi.spec.readinessProbe);
  defaultProbe(vmi.spec.livenessProbe);
}

function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  if ((probe.timeoutSeconds ?? 0) < 1) probe.timeoutSeconds = 1;
  if ((probe.periodSeconds ?? 0) < 1) probe.periodSeconds = 10;
  if ((probe.successThreshold ?? 0) < 1) probe.successThreshold = 1;
  if ((probe.failureThreshold ?? 0) < 1) probe.failureThreshold = 3;
}
