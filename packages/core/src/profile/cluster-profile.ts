// A cluster profile is just Kubernetes objects (what `kubectl get … -o yaml` prints), indexed
// for the later stages. Objects read later override earlier ones with the same identity.

import type { DataVolume, Namespace, Node, PersistentVolumeClaim, ResourceQuota } from '../api/k8s-types.js';
import type { Instancetype, KubeVirtCR, Preference } from '../api/kubevirt-types.js';
import type { ManifestObject } from '../parse/read-objects.js';
import { isVmLike } from '../parse/vm-like.js';
import { resolveKubeVirtConfig, type KubeVirtConfig } from './kubevirt-config.js';
import { versionKeyOf, versionReason, type VersionKey } from './versions.js';

/** A profile entry: the typed value plus the object it came from (for source positions). */
export interface Sourced<T> {
  value: T;
  /** Undefined for built-in objects. */
  object: ManifestObject | undefined;
}

export interface ClusterProfile {
  /** Where the profile came from: file names, or '<embedded>'. */
  origin: string;
  /** The objects it was built from, in order (withInputs adds to them). */
  objects: readonly ManifestObject[];
  kubevirt: Sourced<KubeVirtCR> | undefined;
  observedVersion: string | undefined;
  version: VersionKey;
  /** The selection trace's words for `version` (fixed per profile, so built once with it). */
  versionReason: string;
  config: KubeVirtConfig;
  defaultArchitecture: string;
  nodes: Sourced<Node>[];
  pvcs: Map<string, Sourced<PersistentVolumeClaim>>;
  dataVolumes: Map<string, Sourced<DataVolume>>;
  namespaces: Map<string, Sourced<Namespace>>;
  quotas: Sourced<ResourceQuota>[];
  /** Keyed by `namespace/name` for namespaced kinds and `/name` for cluster-scoped ones. */
  instancetypes: Map<string, Sourced<Instancetype>>;
  preferences: Map<string, Sourced<Preference>>;
  /** Lazily indexed built-ins; use lookupInstancetype/lookupPreference rather than reading this. */
  builtins: () => { instancetypes: Map<string, Sourced<Instancetype>>; preferences: Map<string, Sourced<Preference>> };
}

export const nsKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

export interface ProfileInput {
  origin: string;
  objects: readonly ManifestObject[];
  /** Built-in objects consulted only when the profile lacks the same identity (common-instancetypes).
   * A thunk: the built-in set is parsed only when a VM names an instancetype or preference. */
  builtins?: () => readonly ManifestObject[];
}

export function buildProfile(input: ProfileInput): ClusterProfile {
  return indexProfile(input.origin, input.objects, lazyBuiltins(input.builtins));
}

/** buildProfile with the objects given beside the VMs added as withInputs adds them, in one build. */
export function buildProfileWithInputs(input: ProfileInput, inputs: readonly ManifestObject[]): ClusterProfile {
  const contextual = contextualInputs(input.objects.some((o) => o.kind === 'KubeVirt'), inputs);
  return buildProfile(contextual.length === 0 ? input : { ...input, objects: [...input.objects, ...contextual] });
}

/** The profile rebuilt from other objects, sharing its built-ins (and their index). */
export function rebuildProfile(profile: ClusterProfile, objects: readonly ManifestObject[]): ClusterProfile {
  return indexProfile(profile.origin, objects, profile.builtins);
}

function indexProfile(origin: string, objects: readonly ManifestObject[], builtins: ClusterProfile['builtins']): ClusterProfile {
  let kubevirt: Sourced<KubeVirtCR> | undefined;
  const nodes = new Map<string, Sourced<Node>>();
  const pvcs = new Map<string, Sourced<PersistentVolumeClaim>>();
  const dataVolumes = new Map<string, Sourced<DataVolume>>();
  const namespaces = new Map<string, Sourced<Namespace>>();
  const quotas = new Map<string, Sourced<ResourceQuota>>();
  const instancetypes = new Map<string, Sourced<Instancetype>>();
  const preferences = new Map<string, Sourced<Preference>>();

  const add = (obj: ManifestObject): void => {
    const sourced = <T>(): Sourced<T> => ({ value: obj.value as unknown as T, object: obj });
    const put = <T>(map: Map<string, Sourced<T>>, key: string): void => {
      map.set(key, sourced<T>());
    };
    switch (obj.kind) {
      case 'KubeVirt':
        if (!kubevirt) kubevirt = sourced<KubeVirtCR>();
        break;
      case 'Node':
        put(nodes, obj.name);
        break;
      case 'PersistentVolumeClaim':
        put(pvcs, nsKey(obj.namespace ?? 'default', obj.name));
        break;
      case 'DataVolume':
        put(dataVolumes, nsKey(obj.namespace ?? 'default', obj.name));
        break;
      case 'Namespace':
        put(namespaces, obj.name);
        break;
      case 'ResourceQuota':
        put(quotas, nsKey(obj.namespace ?? 'default', obj.name));
        break;
      case 'VirtualMachineInstancetype':
        put(instancetypes, nsKey(obj.namespace ?? 'default', obj.name));
        break;
      case 'VirtualMachineClusterInstancetype':
        put(instancetypes, nsKey(undefined, obj.name));
        break;
      case 'VirtualMachinePreference':
        put(preferences, nsKey(obj.namespace ?? 'default', obj.name));
        break;
      case 'VirtualMachineClusterPreference':
        put(preferences, nsKey(undefined, obj.name));
        break;
      default:
        break;
    }
  };
  for (const obj of objects) add(obj);

  const observedVersion = kubevirt?.value.status?.observedKubeVirtVersion;
  const version = versionKeyOf(observedVersion);
  const config = resolveKubeVirtConfig(kubevirt?.value.spec?.configuration, version);
  const nodeList = [...nodes.values()];
  return {
    origin,
    objects,
    kubevirt,
    observedVersion,
    version,
    versionReason: versionReason(version, observedVersion),
    config,
    defaultArchitecture: defaultArchitectureOf(kubevirt?.value, config, nodeList),
    nodes: nodeList,
    pvcs,
    dataVolumes,
    namespaces,
    quotas: [...quotas.values()],
    instancetypes,
    preferences,
    builtins,
  };
}

function lazyBuiltins(load: (() => readonly ManifestObject[]) | undefined): ClusterProfile['builtins'] {
  let cache: ReturnType<ClusterProfile['builtins']> | undefined;
  return () => {
    if (cache) return cache;
    const instancetypes = new Map<string, Sourced<Instancetype>>();
    const preferences = new Map<string, Sourced<Preference>>();
    for (const obj of load?.() ?? []) {
      const entry = { value: obj.value as unknown, object: undefined };
      if (obj.kind === 'VirtualMachineClusterInstancetype') instancetypes.set(nsKey(undefined, obj.name), entry as Sourced<Instancetype>);
      if (obj.kind === 'VirtualMachineClusterPreference') preferences.set(nsKey(undefined, obj.name), entry as Sourced<Preference>);
    }
    cache = { instancetypes, preferences };
    return cache;
  };
}

/**
 * The profile plus objects given beside the VMs (instancetypes, PVCs, …), which resolve like the
 * profile's own; a KubeVirt CR among them counts only when the profile has none.
 */
export function withInputs(profile: ClusterProfile, inputs: readonly ManifestObject[]): ClusterProfile {
  const contextual = contextualInputs(profile.kubevirt !== undefined, inputs);
  return contextual.length === 0 ? profile : rebuildProfile(profile, [...profile.objects, ...contextual]);
}

/** The inputs a profile takes in: all but the VM-like objects, and a KubeVirt CR only when the profile has none. */
function contextualInputs(hasKubeVirt: boolean, inputs: readonly ManifestObject[]): ManifestObject[] {
  return inputs.filter((o) => !isVmLike(o.kind) && (o.kind !== 'KubeVirt' || !hasKubeVirt));
}

/** Resolves an instancetype matcher: a namespaced kind looks in the VM's namespace, the default kind is cluster-wide. */
export function lookupInstancetype(profile: ClusterProfile, kind: string | undefined, namespace: string, name: string): Sourced<Instancetype> | undefined {
  const key = isNamespacedKind(kind) ? nsKey(namespace, name) : nsKey(undefined, name);
  return profile.instancetypes.get(key) ?? (isNamespacedKind(kind) ? undefined : profile.builtins().instancetypes.get(key));
}

export function lookupPreference(profile: ClusterProfile, kind: string | undefined, namespace: string, name: string): Sourced<Preference> | undefined {
  const key = isNamespacedKind(kind) ? nsKey(namespace, name) : nsKey(undefined, name);
  return profile.preferences.get(key) ?? (isNamespacedKind(kind) ? undefined : profile.builtins().preferences.get(key));
}

function isNamespacedKind(kind: string | undefined): boolean {
  return !!kind && !kind.startsWith('VirtualMachineCluster') && !kind.startsWith('virtualmachinecluster');
}

export function nodeArchitecture(node: Node): string | undefined {
  return node.metadata.labels?.['kubernetes.io/arch'] ?? node.status?.nodeInfo?.architecture;
}

/** virt-operator copies architectureConfiguration.defaultArchitecture (else its own GOARCH) to status. */
function defaultArchitectureOf(cr: KubeVirtCR | undefined, config: KubeVirtConfig, nodes: Sourced<Node>[]): string {
  const fromStatus = cr?.status?.defaultArchitecture;
  if (typeof fromStatus === 'string' && fromStatus) return fromStatus;
  const configured = config.architectureConfiguration.defaultArchitecture;
  if (configured) return configured;
  const arches = new Set(nodes.map((n) => nodeArchitecture(n.value)).filter((a): a is string => !!a));
  return arches.size === 1 ? [...arches][0]! : 'amd64';
}
