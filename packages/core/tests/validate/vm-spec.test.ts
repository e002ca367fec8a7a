// VM-level admission rules of ValidateVirtualMachineSpec (vms-admitter.go): run strategy,
// DataVolume templates, the LiveUpdate limits. A refused manifest with KubeVirt's exact cause and
// an admitted one at the boundary for each; messages from KubeVirt's source and the vectors.
import { describe, it } from 'vitest';
import { admit, loadObjects, loadProfile, PLACEHOLDER_VMI_UID } from '@l1vh/core';
import { expect } from 'vitest';
import { baseVm, expectRow, invalid, required, vmWith, type Row } from './admit-causes.js';

const noStrategy = () => {
  const vm = baseVm();
  delete vm.spec.runStrategy;
  return vm;
};

const dvTemplate = (name: string, spec: Record<string, unknown>) => ({ metadata: { name }, spec });
const withDataVolume = (dv: Record<string, unknown>, referenced = true) =>
  vmWith((s, vm) => {
    vm.spec.dataVolumeTemplates = [dv];
    if (referenced) {
      s.domain.devices.disks.push({ name: 'data', disk: { bus: 'virtio' } });
      s.volumes.push({ name: 'data', dataVolume: { name: 'data-dv' } });
    }
  });
const blankStorage = { storage: { resources: { requests: { storage: '1Gi' } } }, source: { blank: {} } };

const rows: Row[] = [
  // validateRunStrategy
  { name: 'no runStrategy and no running (vector vm-no-runstrategy)', manifest: noStrategy(), want: [invalid('spec.running', 'RunStrategy must be specified')] },
  { name: 'an unknown runStrategy (vector vm-runstrategy-invalid)', manifest: vmWith((_s, vm) => (vm.spec.runStrategy = 'Sometimes')), want: [invalid('spec.runStrategy', 'Invalid RunStrategy (Sometimes)')] },
  { name: 'the deprecated running alone', manifest: (() => {
    const vm = noStrategy();
    vm.spec.running = false;
    return vm;
  })(), want: [] },
  {
    name: 'running and runStrategy together',
    manifest: vmWith((_s, vm) => (vm.spec.running = true)),
    want: [invalid('spec.running', 'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead')],
  },
  { name: 'RerunOnFailure', manifest: vmWith((_s, vm) => (vm.spec.runStrategy = 'RerunOnFailure')), want: [] },
  { name: 'WaitAsReceiver on main (DecentralizedLiveMigration is Beta there)', manifest: vmWith((_s, vm) => (vm.spec.runStrategy = 'WaitAsReceiver')), want: [] },
  {
    name: 'WaitAsReceiver on v1.9 without its gate',
    manifest: vmWith((_s, vm) => (vm.spec.runStrategy = 'WaitAsReceiver')),
    cluster: { version: 'v1.9.0' },
    want: [invalid('spec.runStrategy', 'Invalid RunStrategy (WaitAsReceiver), DecentralizedLiveMigration feature gate is not enabled in kubevirt resource')],
  },
  // storageadmitters.ValidateDataVolumeTemplate: printed as spec.dataVolumeTemplate[i]
  { name: 'a referenced DataVolume template', manifest: withDataVolume(dvTemplate('data-dv', blankStorage)), want: [] },
  {
    name: 'a DataVolume template no volume uses',
    manifest: withDataVolume(dvTemplate('data-dv', blankStorage), false),
    want: [required('spec.dataVolumeTemplate[0]', "DataVolumeTemplate entry spec.dataVolumeTemplate[0] must be referenced in the VMI template's 'volumes' list")],
  },
  {
    name: 'a DataVolume template without a name',
    manifest: withDataVolume(dvTemplate('', blankStorage), false),
    want: [required('spec.dataVolumeTemplate[0].name', "'name' field must not be empty for DataVolumeTemplate entry spec.dataVolumeTemplate[0].name.")],
  },
  { name: 'a DataVolume template without pvc or storage', manifest: withDataVolume(dvTemplate('data-dv', { source: { blank: {} } })), want: [invalid('spec.dataVolumeTemplate[0].PVC.Storage', 'Missing Data volume PVC or Storage')] },
  {
    name: 'a DataVolume template with two sources',
    manifest: withDataVolume(dvTemplate('data-dv', { ...blankStorage, source: { blank: {}, http: { url: 'https://x' } } })),
    want: [invalid('spec.dataVolumeTemplate[0].source', 'Multiple dataVolume sources')],
  },
  // validateLiveUpdateFeatures (LiveUpdate is the default rollout strategy)
  {
    name: 'maxGuest with a guest that is not 2Mi aligned',
    manifest: vmWith((s) => Object.assign(s.domain, { memory: { guest: '1025Mi', maxGuest: '4Gi' }, resources: { requests: { memory: '1025Mi' } } })),
    want: [invalid('spec.template.spec.domain.memory.guest', 'Guest memory must be 2Mi aligned')],
  },
  { name: 'maxGuest with an aligned guest', manifest: vmWith((s) => (s.domain.memory.maxGuest = '4Gi')), want: [] },
  {
    name: 'maxGuest below the guest',
    manifest: vmWith((s) => (s.domain.memory.maxGuest = '512Mi')),
    want: [invalid('spec.template.spec.domain.memory.guest', 'Guest memory is greater than the configured maxGuest memory')],
  },
];

describe('VM-level admission rules', () => {
  for (const row of rows) it(row.name, () => expectRow(row));
});

describe('where causes point', () => {
  const causesOf = (manifest: Record<string, unknown>) => {
    const { objects } = loadObjects([{ path: 'm.yaml', text: JSON.stringify(manifest) }]);
    return admit(objects[0]!, loadProfile([], objects).profile, { vmiUid: PLACEHOLDER_VMI_UID }).rejection?.causes ?? [];
  };
  it('a pool prints and locates its VM template (ValidateVMPoolSpec → ValidateVirtualMachineSpec)', () => {
    const vm = noStrategy();
    const pool = { apiVersion: 'pool.kubevirt.io/v1beta1', kind: 'VirtualMachinePool', metadata: { name: 'p', namespace: 'default' }, spec: { replicas: 1, virtualMachineTemplate: { metadata: {}, spec: vm.spec } } };
    expect(causesOf(pool)).toEqual([{ type: 'FieldValueInvalid', field: 'spec.virtualMachineTemplate.spec.running', message: 'RunStrategy must be specified', at: ['spec', 'virtualMachineTemplate', 'spec', 'running'] }]);
  });
  it('a VMI-webhook cause on a VM is located in its template', () => {
    const vm = vmWith((s) => (s.domain.features = { hyperv: { synictimer: {}, synic: { enabled: false } } }));
    expect(causesOf(vm).map((c) => c.at)).toEqual([['spec', 'template', 'spec', 'domain', 'features', 'hyperv', 'synictimer']]);
  });
});
