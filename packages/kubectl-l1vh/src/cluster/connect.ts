// Opens the cluster for a command: kubectl-style flags → ClusterOptions → the lazily loaded
// client chunk. Only commands that need the cluster call this, so offline runs never load it.

import { UsageError } from '../args.js';
import type { CliIO } from '../io.js';
import { parseRequestTimeout } from './request-timeout.js';
import type { ClusterClient, ClusterModule, ClusterOptions } from '@l1vh/cluster-client';

export interface ClusterFlags {
  kubeconfig?: string | undefined;
  context?: string | undefined;
  cluster?: string | undefined;
  namespace?: string | undefined;
  'request-timeout'?: string | undefined;
  verbose?: string | undefined;
}

export function clusterOptions(flags: ClusterFlags, io: CliIO): ClusterOptions {
  const timeout = parseRequestTimeout(flags['request-timeout']);
  if ('error' in timeout) throw new UsageError(timeout.error);
  const verbosity = flags.verbose === undefined ? 0 : Number(flags.verbose);
  if (!Number.isInteger(verbosity) || verbosity < 0) throw new UsageError(`-v takes a level 0-10, not "${flags.verbose}"`);
  return {
    ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
    ...(flags.context !== undefined ? { context: flags.context } : {}),
    ...(flags.cluster !== undefined ? { cluster: flags.cluster } : {}),
    ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}),
    requestTimeoutMs: timeout.ms,
    verbosity,
    env: io.env,
    log: (line) => io.stderr(`l1vh: ${line}\n`),
  };
}

/** build.mjs maps this import to the separate file dist/cluster-client.cjs. */
async function loadClientModule(): Promise<ClusterModule> {
  return (await import('@l1vh/cluster-client/open')) as ClusterModule;
}

export async function connectCluster(flags: ClusterFlags, io: CliIO): Promise<ClusterClient> {
  const opts = clusterOptions(flags, io);
  const mod = await loadClientModule();
  return mod.openCluster(opts);
}

/** "Reading the cluster…" on a terminal only; pipes and CI logs stay clean. */
export function progress(io: CliIO, text: string): void {
  if (io.stderrIsTTY) io.stderr(`\r\x1b[2K${text}`);
}

export function progressDone(io: CliIO): void {
  if (io.stderrIsTTY) io.stderr('\r\x1b[2K');
}
