// The VM controller starting a VM (watch/vm/vm.go startVMI + SetupVMIFromVM): the VMI is the
// template with the VM's name and namespace, a stable firmware UUID, a disk per volume, the
// auto-attach preferences, an input device if asked for, the default pod interface, and then
// the instancetype and preference.

import type { VirtualMachine, VirtualMachineInstance } from '../api/kubevirt-types.js';
import { applyAutoAttachPreferences } from '../instancetype/apply-preference.js';
import { applyToVmi, setMatcherAnnotations } from '../instancetype/apply-to-vmi.js';
import { controllerMessage } from '../instancetype/conflicts.js';
import { findInstancetype, findPreference } from '../instancetype/resolve-matchers.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { VERSION_TRAITS } from '../profile/versions.js';
import { legacyFirmwareUuid } from './legacy-firmware-uuid.js';
import { setDefaultNetworkInterface, setDefaultVolumeDisks } from './network-defaults.js';

export interface VmiFromVm {
  vmi: VirtualMachineInstance | null;
  error: string | null;
  /** True when firmware.uuid was computed here (the VM named none). */
  uuidComputed: boolean;
}

/**
 * SetupVMIFromVM. `vm` must have a template spec (vm-mutation checks it). The VMI is built from
 * the template in place: `vm` is admission's private copy, whose template nothing reads after.
 */
export function setupVmiFromVm(vm: VirtualMachine): { vmi: VirtualMachineInstance; uuidComputed: boolean } {
  const template = vm.spec.template!;
  const meta = { ...(template.metadata ?? {}) };
  delete meta.generateName;
  meta.name = vm.metadata.name ?? '';
  meta.namespace = vm.metadata.namespace ?? 'default';
  if (template.metadata?.labels) meta.labels = template.metadata.labels;
  else delete meta.labels;
  meta.ownerReferences = [
    { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: vm.metadata.name ?? '', uid: vm.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
  ];
  const vmi: VirtualMachineInstance = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: meta, spec: template.spec! };
  const firmware = (vmi.spec.domain.firmware ??= {});
  const uuidComputed = !firmware.uuid;
  if (uuidComputed) firmware.uuid = legacyFirmwareUuid(meta.name);
  setDefaultVolumeDisks(vmi.spec);
  return { vmi, uuidComputed };
}

/** Takes `vm.spec.template` over (see setupVmiFromVm). */
export function vmiFromVm(vm: VirtualMachine, profile: ClusterProfile): VmiFromVm {
  const { vmi, uuidComputed } = setupVmiFromVm(vm);
  const fail = (error: string): VmiFromVm => ({ vmi: null, error, uuidComputed });
  const preference = findPreference(vm, profile);
  if (vm.spec.preference) {
    if (preference.error) return fail(preference.error);
    if (preference.spec) applyAutoAttachPreferences(preference.spec, vmi.spec);
  }
  const devices = vmi.spec.domain.devices;
  if (devices.autoattachInputDevice === true && !(devices.inputs?.length)) devices.inputs = [{ name: 'default-0' }];
  const netError = setDefaultNetworkInterface(vmi.spec, profile.config);
  if (netError) return fail(netError);

  const instancetype = findInstancetype(vm, profile);
  if (instancetype.error) return fail(instancetype.error);
  if (instancetype.spec || preference.spec) {
    setMatcherAnnotations(vm, vmi.metadata);
    const conflicts = applyToVmi('spec', instancetype.spec, preference.spec, vmi.spec, vmi.metadata, VERSION_TRAITS[profile.version]);
    if (conflicts.length > 0) return fail(controllerMessage(conflicts));
  }
  return { vmi, error: null, uuidComputed };
}
