// What each hypervisor is called in every layer. libvirt has no `mshv` domain type: MSHV
// guests are libvirt type `hyperv`, which is why the user-facing name and the domain type differ.

export type HypervisorId = 'mshv' | 'kvm' | 'qemu';
export type DomainType = 'hyperv' | 'kvm' | 'qemu';
/** A hardware-accelerated backend virt-launcher can be told to use (`--hypervisor`). */
export type BackendId = 'mshv' | 'kvm';

export interface Backend {
  id: BackendId;
  /** `spec.configuration.hypervisors[0].name` that selects it. */
  configName: string;
  /** The device plugin and its node resource: devices.kubevirt.io/<device>. */
  device: string;
  devicePath: string;
  resource: string;
  domainType: DomainType;
  /** virt-launcher's error when the device is missing and emulation is off. */
  missingError: string;
}

export const BACKENDS: Readonly<Record<BackendId, Backend>> = {
  mshv: {
    id: 'mshv',
    configName: 'hyperv-direct',
    device: 'mshv',
    devicePath: '/dev/mshv',
    resource: 'devices.kubevirt.io/mshv',
    domainType: 'hyperv',
    missingError: 'MSHV not present',
  },
  kvm: {
    id: 'kvm',
    configName: 'kvm',
    device: 'kvm',
    devicePath: '/dev/kvm',
    resource: 'devices.kubevirt.io/kvm',
    domainType: 'kvm',
    missingError: 'kvm not present and emulation is not allowed',
  },
};

export const HYPERVISOR_LABELS: Readonly<Record<HypervisorId, string>> = {
  mshv: 'MSHV (Hyper-V L1VH direct virtualization)',
  kvm: 'KVM',
  qemu: 'QEMU software emulation',
};

export const DOMAIN_TYPE_OF: Readonly<Record<HypervisorId, DomainType>> = { mshv: 'hyperv', kvm: 'kvm', qemu: 'qemu' };

/** KubeVirt's backend factories map `hyperv-direct` to mshv and every other name to kvm. */
export function backendForConfigName(name: string | undefined): BackendId {
  return name === BACKENDS.mshv.configName ? 'mshv' : 'kvm';
}

export const FEATURE_GATES = {
  configurableHypervisor: 'ConfigurableHypervisor',
  hyperVL1VH: 'HyperVL1VH',
  /** An earlier name of the L1VH work; KubeVirt never shipped it. */
  obsoleteHyperVLayered: 'HyperVLayered',
  crossArchitectureVirtualization: 'CrossArchitectureVirtualization',
} as const;
