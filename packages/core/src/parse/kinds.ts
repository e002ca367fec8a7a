// Which objects l1vh reads, by API group. Kinds of these groups that are not listed are errors
// (a typo in a KubeVirt kind must not vanish); kinds of any other group are skipped silently.

export type KnownKind =
  | 'VirtualMachine'
  | 'VirtualMachineInstance'
  | 'VirtualMachinePool'
  | 'VirtualMachineInstanceReplicaSet'
  | 'VirtualMachineInstancetype'
  | 'VirtualMachineClusterInstancetype'
  | 'VirtualMachinePreference'
  | 'VirtualMachineClusterPreference'
  | 'KubeVirt'
  | 'Node'
  | 'PersistentVolumeClaim'
  | 'DataVolume'
  | 'Namespace'
  | 'ResourceQuota'
  | 'List';

interface GroupEntry {
  versions: readonly string[];
  kinds: readonly KnownKind[];
  /** Other kinds of this group are reported, not skipped. */
  strict: boolean;
}

export const KIND_TABLE: Readonly<Record<string, GroupEntry>> = {
  'kubevirt.io': {
    versions: ['v1', 'v1alpha3'],
    kinds: ['VirtualMachine', 'VirtualMachineInstance', 'VirtualMachineInstanceReplicaSet', 'KubeVirt'],
    strict: true, // real kubevirt.io kinds l1vh does not read are listed in KNOWN_KUBEVIRT_KINDS
  },
  'pool.kubevirt.io': { versions: ['v1alpha1', 'v1beta1'], kinds: ['VirtualMachinePool'], strict: true },
  'instancetype.kubevirt.io': {
    versions: ['v1alpha1', 'v1alpha2', 'v1beta1', 'v1'],
    kinds: ['VirtualMachineInstancetype', 'VirtualMachineClusterInstancetype', 'VirtualMachinePreference', 'VirtualMachineClusterPreference'],
    strict: true,
  },
  'cdi.kubevirt.io': { versions: ['v1beta1', 'v1alpha1'], kinds: ['DataVolume'], strict: false },
  '': { versions: ['v1'], kinds: ['Node', 'PersistentVolumeClaim', 'Namespace', 'ResourceQuota', 'List'], strict: false },
};

/** kubevirt.io kinds that are real but not read by l1vh; skipped without a finding. */
const KNOWN_KUBEVIRT_KINDS = new Set([
  'VirtualMachineInstancePreset',
  'VirtualMachineInstanceMigration',
  'VirtualMachineSnapshot',
  'VirtualMachineRestore',
  'VirtualMachineExport',
  'VirtualMachineClone',
  'MigrationPolicy',
  'VirtualMachineInstanceMigrationList',
]);

export type Classification =
  | { status: 'known'; kind: KnownKind }
  | { status: 'skip' }
  | { status: 'unknown-kind'; message: string }
  | { status: 'unknown-version'; message: string };

export function classify(apiVersion: string, kind: string): Classification {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  const entry = KIND_TABLE[group];
  if (!entry) return { status: 'skip' };
  const known = (entry.kinds as readonly string[]).includes(kind);
  if (!known) {
    if (group === 'kubevirt.io' && KNOWN_KUBEVIRT_KINDS.has(kind)) return { status: 'skip' };
    if (entry.strict) {
      return { status: 'unknown-kind', message: `unknown kind "${kind}" for apiVersion ${apiVersion} (expected one of ${entry.kinds.join(', ')})` };
    }
    return { status: 'skip' };
  }
  if (!entry.versions.includes(version)) {
    return { status: 'unknown-version', message: `unknown apiVersion "${apiVersion}" for kind ${kind} (expected ${entry.versions.map((v) => (group ? `${group}/${v}` : v)).join(' or ')})` };
  }
  return { status: 'known', kind: kind as KnownKind };
}
