// Small builders shared by the admission unit tests.
import type { VirtualMachineInstance, VirtualMachineInstanceSpec } from '../../src/api/kubevirt-types.js';
import type { DefaultsContext } from '../../src/defaults/vmi-defaults.js';
import { resolveKubeVirtConfig, type KubeVirtConfig } from '../../src/profile/kubevirt-config.js';
import { VERSION_TRAITS, type VersionKey } from '../../src/profile/versions.js';

export function clusterConfig(configuration: Record<string, unknown> = {}, version: VersionKey = 'main'): KubeVirtConfig {
  return resolveKubeVirtConfig(configuration, version);
}

export function defaultsContext(configuration: Record<string, unknown> = {}, arch = 'amd64', version: VersionKey = 'main'): DefaultsContext {
  return { config: clusterConfig(configuration, version), traits: VERSION_TRAITS[version], defaultArchitecture: arch, kubevirt: undefined };
}

/** A VMI spec with the Go zero values admission relies on (domain, devices, resources). */
export function spec(domain: Partial<VirtualMachineInstanceSpec['domain']> = {}, rest: Partial<VirtualMachineInstanceSpec> = {}): VirtualMachineInstanceSpec {
  return { ...rest, domain: { resources: {}, ...domain, devices: { ...(domain.devices ?? {}) } } };
}

export function vmi(s: VirtualMachineInstanceSpec, name = 'testvmi'): VirtualMachineInstance {
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name, namespace: 'default' }, spec: s, status: {} };
}
