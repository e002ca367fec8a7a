// Loads the kubeconfig the way kubectl does (the one kubeconfig module of the CLI and the editor): --kubeconfig, else every path in $KUBECONFIG
// (first file wins for each name and for current-context), else ~/.kube/config, else the
// in-cluster service account. --context and --cluster override the current context.

import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { ClusterError, type ClusterOptions } from './types.js';

export interface LoadedKubeConfig {
  kc: KubeConfig;
  cluster: Cluster;
  user: User;
  namespace: string;
  /** The context used. */
  context: string;
  /** Where it came from, for messages. */
  origin: string;
}

/** The kubeconfig's context names and its current context (the editor's target picker). */
export function listContexts(opts: ClusterOptions): { contexts: string[]; current: string } {
  const { kc } = readConfigFiles(opts);
  return { contexts: kc.getContexts().map((c) => c.name), current: kc.getCurrentContext() };
}

export function loadKubeConfig(opts: ClusterOptions): LoadedKubeConfig {
  const { kc, origin } = readConfigFiles(opts);
  if (opts.context !== undefined) {
    if (!kc.getContextObject(opts.context)) throw new ClusterError(`context "${opts.context}" not found in ${origin}`);
    kc.setCurrentContext(opts.context);
  }
  const ctxName = kc.getCurrentContext();
  const ctx = ctxName ? kc.getContextObject(ctxName) : null;
  if (!ctx) throw new ClusterError(ctxName ? `current context "${ctxName}" not found in ${origin}` : `no current context in ${origin} (use --context)`);
  let effective: Context = ctx;
  if (opts.cluster !== undefined) {
    if (!kc.getCluster(opts.cluster)) throw new ClusterError(`cluster "${opts.cluster}" not found in ${origin}`);
    effective = { ...ctx, cluster: opts.cluster };
    kc.loadFromOptions({ clusters: kc.clusters, users: kc.users, contexts: kc.contexts.map((c) => (c.name === ctx.name ? effective : c)), currentContext: ctx.name });
  }
  const cluster = kc.getCluster(effective.cluster);
  if (!cluster) throw new ClusterError(`context "${ctx.name}" names cluster "${effective.cluster}", which is not in ${origin}`);
  const user = (effective.user ? kc.getUser(effective.user) : null) ?? { name: effective.user ?? '' };
  if (effective.user && !kc.getUser(effective.user)) throw new ClusterError(`context "${ctx.name}" names user "${effective.user}", which is not in ${origin}`);
  return { kc, cluster, user, namespace: opts.namespace ?? effective.namespace ?? 'default', context: ctx.name, origin };
}

function readConfigFiles(opts: ClusterOptions): { kc: KubeConfig; origin: string } {
  if (opts.kubeconfig !== undefined) return { kc: loadFile(opts.kubeconfig), origin: opts.kubeconfig };
  const envPaths = (opts.env.KUBECONFIG ?? '').split(delimiter).filter((p) => p.length > 0);
  if (envPaths.length > 0) {
    const existing = envPaths.filter((p) => existsSync(p));
    if (existing.length === 0) throw new ClusterError(`none of the KUBECONFIG files exist (${envPaths.join(delimiter)})`);
    return { kc: mergeFirstWins(existing.map(loadFile)), origin: existing.join(delimiter) };
  }
  const home = opts.env.HOME ?? opts.env.USERPROFILE;
  const defaultPath = home ? join(home, '.kube', 'config') : undefined;
  if (defaultPath && existsSync(defaultPath)) return { kc: loadFile(defaultPath), origin: defaultPath };
  if (opts.env.KUBERNETES_SERVICE_HOST) {
    const kc = new KubeConfig();
    try {
      kc.loadFromCluster();
    } catch (e) {
      throw new ClusterError(`in-cluster configuration unusable: ${firstLine(e)}`);
    }
    return { kc, origin: 'the in-cluster service account' };
  }
  throw new ClusterError('no kubeconfig: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config');
}

function loadFile(path: string): KubeConfig {
  if (!existsSync(path)) throw new ClusterError(`kubeconfig ${path}: no such file`);
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(path);
  } catch (e) {
    throw new ClusterError(`malformed kubeconfig ${path}: ${firstLine(e)}`);
  }
  return kc;
}

/** kubectl's merge: the first file that defines a name wins, and the first current-context wins. */
function mergeFirstWins(configs: KubeConfig[]): KubeConfig {
  const pick = <T extends { name: string }>(lists: T[][]): T[] => {
    const seen = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!seen.has(item.name)) seen.set(item.name, item);
    return [...seen.values()];
  };
  const out = new KubeConfig();
  out.loadFromOptions({
    clusters: pick(configs.map((c) => c.clusters)),
    users: pick(configs.map((c) => c.users)),
    contexts: pick(configs.map((c) => c.contexts)),
    currentContext: configs.map((c) => c.currentContext).find((c) => !!c) ?? '',
  });
  return out;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
}

/** Every secret the user entry holds, so that messages can be scrubbed of them. */
export function secretsOf(user: User): string[] {
  const out = [user.token, user.password, user.keyData, user.certData].filter((s): s is string => typeof s === 'string' && s.length >= 4);
  // Decoded key/cert material too, in case a library quotes it.
  for (const b64 of [user.keyData]) if (b64) out.push(...Buffer.from(b64, 'base64').toString('utf8').split('\n').filter((l) => l.length > 16 && !l.startsWith('-----')));
  return out;
}

/**
 * Gives an exec-auth plugin the PATH to run with (client-node spawns it with the env we set) and
 * says clearly when the plugin is nowhere on it.
 */
export async function prepareExec(user: User, execPath: () => Promise<string>): Promise<string | undefined> {
  const exec = (user.exec ?? (user.authProvider as { config?: { exec?: unknown } } | undefined)?.config?.exec) as { command?: string; env?: { name: string; value: string }[] | null } | undefined;
  if (!exec?.command) return undefined;
  const path = await execPath();
  const own = exec.env?.find((e) => e.name === 'PATH')?.value;
  const effective = own ? `${own}${delimiter}${path}` : path;
  exec.env = [...(exec.env ?? []).filter((e) => e.name !== 'PATH'), { name: 'PATH', value: effective }];
  const candidates = isAbsolute(exec.command) || exec.command.includes('/') ? [exec.command] : effective.split(delimiter).filter(Boolean).map((d) => join(d, exec.command!));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return undefined;
    } catch {
      // try the next directory
    }
  }
  return `exec-auth plugin "${exec.command}" of user "${user.name}" is not on the PATH (${effective || 'empty'})`;
}
