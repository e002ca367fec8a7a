// Small cluster profiles and VMIs for the KubeVirt unit-test tables (built the way a user
// would write them: a KubeVirt CR with observedKubeVirtVersion, one node, optional extras).
import type { VirtualMachineInstance } from '../../src/api/kubevirt-types.js';
import type { ClusterProfile } from '../../src/profile/cluster-profile.js';
import { loadProfile } from '../../src/profile/resolve-profile.js';

export type Backend = 'kvm' | 'mshv';

export interface ProfileOptions {
  backend?: Backend;
  version?: string;
  arch?: string;
  configuration?: Record<string, unknown>;
  extra?: Record<string, unknown>[];
}

export function profileOf(o: ProfileOptions = {}): ClusterProfile {
  const backend = o.backend ?? 'kvm';
  const arch = o.arch ?? 'amd64';
  const gates = backend === 'mshv' ? { featureGates: ['ConfigurableHypervisor'] } : {};
  const dev = { ...gates, ...((o.configuration?.['developerConfiguration'] as Record<string, unknown>) ?? {}) };
  if (backend === 'mshv') dev['featureGates'] = [...new Set([...(dev['featureGates'] as string[]), 'ConfigurableHypervisor'])];
  const configuration = { ...(o.configuration ?? {}), developerConfiguration: dev, ...(backend === 'mshv' ? { hypervisors: [{ name: 'hyperv-direct' }] } : {}) };
  const list = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'kubevirt.io/v1', kind: 'KubeVirt', metadata: { name: 'kubevirt', namespace: 'kubevirt' }, spec: { configuration }, status: { observedKubeVirtVersion: o.version ?? 'v1.10.0-alpha.0' } },
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'node-1', labels: { 'kubernetes.io/arch': arch, 'kubevirt.io/schedulable': 'true' } },
        status: { allocatable: { [`devices.kubevirt.io/${backend}`]: '1000', 'devices.kubevirt.io/tun': '1000', 'devices.kubevirt.io/vhost-net': '1000' }, nodeInfo: { architecture: arch } },
      },
      ...(o.extra ?? []),
    ],
  };
  return loadProfile([{ path: 'test-cluster.yaml', text: JSON.stringify(list) }]).profile;
}

/** KubeVirt's hypervisorbackend_test base VMI: requests.memory 1Gi, nothing else. */
export function vmiOf(spec: Partial<VirtualMachineInstance['spec']> & { domain?: Partial<VirtualMachineInstance['spec']['domain']> } = {}, meta: Partial<VirtualMachineInstance['metadata']> = {}): VirtualMachineInstance {
  const { domain, ...rest } = spec;
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'testvmi', namespace: 'default', ...meta },
    spec: { ...rest, domain: { devices: {}, ...(domain ?? {}) } },
  } as VirtualMachineInstance;
}

export const MI = 1024 * 1024;
