// What the commands see of the cluster. The implementation (client.ts) is a separate lazily
// loaded chunk, so nothing here may import @kubernetes/client-node.

/** A Kubernetes object as the API server returns it. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { kind?: string; name?: string; uid?: string }[];
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An API resource: enough to build its URL and to name it in RBAC messages. */
export interface ResourceRef {
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

export interface ListScope {
  /** Undefined: all namespaces (or a cluster-scoped resource). */
  namespace?: string;
  labelSelector?: string;
  /** A 404 (the resource type is not served, e.g. CDI not installed) yields an empty list. */
  optional?: boolean;
}

export interface ClusterOptions {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  namespace?: string;
  /** Per-request time limit in ms; 0 means none. */
  requestTimeoutMs: number;
  /** kubectl-style -v level; >= 6 logs each request (method, URL, status, time), never credentials. */
  verbosity: number;
  env: Record<string, string | undefined>;
  log: (line: string) => void;
}

export interface ClusterClient {
  /** The API server URL. */
  server: string;
  /** From -n, else the kubeconfig context, else "default". */
  namespace: string;
  /** One object; null when it does not exist (404). */
  get(resource: ResourceRef, namespace: string | undefined, name: string): Promise<KubeObject | null>;
  /** Every object, following `continue` tokens; bounded in pages, bytes and time. */
  list(resource: ResourceRef, scope: ListScope): Promise<KubeObject[]>;
}

export type ClusterModule = { openCluster(opts: ClusterOptions): Promise<ClusterClient> };

/**
 * A failure to read the cluster: one line, naming the cause, never a credential. A brand
 * (not instanceof) identifies it, because the client chunk carries its own copy of this class.
 */
export class ClusterError extends Error {
  readonly clusterError = true as const;
  override name = 'ClusterError';
}

export function isClusterError(e: unknown): e is ClusterError {
  return typeof e === 'object' && e !== null && (e as { clusterError?: unknown }).clusterError === true;
}
