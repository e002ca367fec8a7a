// Kubernetes core shapes that the cluster profile and the launcher pod model read.
// Only the fields l1vh uses are typed; everything is optional because manifests are user input.

export type Quantity = string | number;
export type ResourceList = Record<string, Quantity>;

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal' | string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt' | string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
    preferredDuringSchedulingIgnoredDuringExecution?: unknown[];
  };
  podAffinity?: unknown;
  podAntiAffinity?: unknown;
}

export interface Node {
  apiVersion?: string;
  kind?: 'Node';
  metadata: ObjectMeta;
  spec?: { taints?: Taint[]; unschedulable?: boolean };
  status?: {
    allocatable?: ResourceList;
    capacity?: ResourceList;
    nodeInfo?: { architecture?: string; operatingSystem?: string; kernelVersion?: string };
  };
}

export interface PersistentVolumeClaim {
  metadata: ObjectMeta;
  spec?: { volumeMode?: 'Filesystem' | 'Block' | string; accessModes?: string[]; resources?: { requests?: ResourceList }; storageClassName?: string };
  status?: { phase?: string; capacity?: ResourceList };
}

export interface DataVolume {
  metadata: ObjectMeta;
  spec?: {
    pvc?: { volumeMode?: string; resources?: { requests?: ResourceList } };
    storage?: { volumeMode?: string; resources?: { requests?: ResourceList } };
    source?: unknown;
    sourceRef?: { kind?: string; name?: string; namespace?: string };
  };
}

export interface Namespace {
  metadata: ObjectMeta;
}

export interface ResourceQuota {
  metadata: ObjectMeta;
  spec?: { hard?: ResourceList };
}

export interface Probe {
  exec?: { command?: string[] };
  httpGet?: { port?: number | string; path?: string };
  tcpSocket?: { port?: number | string };
  guestAgentPing?: Record<string, never>;
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface ResourceRequirements {
  requests?: ResourceList;
  limits?: ResourceList;
  claims?: { name: string }[];
}
