// What the shells see of the cluster. The implementation (open.ts) is loaded lazily (the CLI's
// separate chunk, the extension's first refresh), so nothing here may import @kubernetes/client-node.

import type { ClusterKind, KubeObject } from '@l1vh/core';

export type { KubeObject } from '@l1vh/core';
/** An API resource: a row of core's CLUSTER_KINDS. */
export type ResourceRef = ClusterKind;

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
  /**
   * PATH given to exec-auth plugins (an editor started from a desktop lacks the terminal's); asked
   * for only when the kubeconfig user has an exec plugin (finding it may be slow).
   */
  execPath?: () => Promise<string>;
}

export interface ClusterClient {
  /** The API server URL, with any credentials in it redacted. */
  server: string;
  /** The kubeconfig context used. */
  context: string;
  /** From -n, else the kubeconfig context, else "default". */
  namespace: string;
  /** One object; null when it does not exist (404). */
  get(resource: ResourceRef, namespace: string | undefined, name: string): Promise<KubeObject | null>;
  /** Every object, following `continue` tokens; bounded in pages, bytes and time. */
  list(resource: ResourceRef, scope: ListScope): Promise<KubeObject[]>;
}

export type ClusterModule = { openCluster(opts: ClusterOptions): Promise<ClusterClient>; listContexts(opts: ClusterOptions): { contexts: string[]; current: string } };

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
