// Which cluster the previews describe, without `vscode`: the live cluster (through the shared
// cluster client, with the login shell's PATH for exec-auth plugins), an offline profile text, or
// core's embedded profile. Only fetches; core's resolveProfile builds the profile and its summary.

import { resolveProfile, type ClusterProfile, type LiveObjects, type ProfileRequest, type ProfileSummary, type SourceText } from '@l1vh/core';
import { readLiveProfile, type ClusterModule, type ClusterOptions } from '@l1vh/cluster-client';
import { loginShellPath, mergePath, type LoginShellPath } from './login-shell-path.js';

export type TargetSource = 'cluster' | 'offline-file' | 'embedded';

export interface TargetState {
  source: TargetSource;
  /** Context name, profile file name or "embedded profile". */
  label: string;
  profile: ClusterProfile;
  /** KubeVirt version, semantics, MSHV intent, node counts and readiness (computed on first read). */
  readonly summary: ProfileSummary;
  trusted: boolean;
  /** Why this source was used (fallback reasons, warnings). */
  notes: string[];
  contexts: string[];
}

export const CLUSTER_TIMEOUT_MS = 10_000;

export interface ClusterSettings {
  /** '' = $KUBECONFIG or ~/.kube/config, as kubectl. */
  kubeconfig: string;
  /** '' = the current context. */
  context: string;
}

export type LiveRead = { live: LiveObjects; context: string; contexts: string[] } | { error: string; contexts: string[] };

function clusterOptions(s: ClusterSettings, env: Record<string, string | undefined>, execPath?: () => Promise<string>): ClusterOptions {
  return {
    ...(s.kubeconfig ? { kubeconfig: s.kubeconfig } : {}),
    ...(s.context ? { context: s.context } : {}),
    requestTimeoutMs: CLUSTER_TIMEOUT_MS,
    verbosity: 0,
    env,
    log: () => undefined,
    ...(execPath !== undefined ? { execPath } : {}),
  };
}

/** Loaded on first use: activation never pays for @kubernetes/client-node. */
function clusterModule(): Promise<ClusterModule> {
  return import('@l1vh/cluster-client/open') as Promise<ClusterModule>;
}

/** The kubeconfig's contexts, or why there are none. */
export async function kubeContexts(s: ClusterSettings, env: Record<string, string | undefined> = process.env): Promise<{ contexts: string[]; current: string } | { error: string }> {
  try {
    const mod = await clusterModule();
    return mod.listContexts(clusterOptions({ kubeconfig: s.kubeconfig, context: '' }, env));
  } catch (e) {
    return { error: message(e) };
  }
}

/**
 * The live cluster's profile objects; exec-auth plugins get the editor PATH plus the login shell's
 * (the login shell is asked only when the kubeconfig user has an exec plugin).
 */
export async function readLiveTarget(s: ClusterSettings, env: Record<string, string | undefined> = process.env): Promise<LiveRead> {
  const mod = await clusterModule();
  let login: LoginShellPath | undefined;
  const opts = clusterOptions(s, env, async () => mergePath(env.PATH, (login = await loginShellPath()).path));
  let contexts: string[] = [];
  try {
    contexts = mod.listContexts(opts).contexts;
    const client = await mod.openCluster(opts);
    try {
      return { live: await readLiveProfile(client), context: client.context, contexts };
    } catch (e) {
      return { error: `cluster "${client.context}" unreachable: ${message(e)}`, contexts };
    }
  } catch (e) {
    return { error: `no cluster: ${message(e)}${login?.path === null && /exec-auth/.test(message(e)) ? ` (login shell PATH unknown: ${login.error ?? 'unreadable'})` : ''}`, contexts };
  }
}

/** The target state from what was fetched: core resolves the profile. */
export function describeTarget(source: TargetSource, label: string, request: Omit<ProfileRequest, 'inputs'>, trusted: boolean, notes: string[], contexts: string[]): TargetState {
  const resolved = resolveProfile(request);
  const origin = resolved.profile.origin;
  const problems = resolved.findings.filter((f) => f.severity === 'error').map((f) => `${origin}: ${f.message}`);
  return {
    source,
    label,
    profile: resolved.profile,
    get summary() {
      return resolved.summary;
    },
    trusted,
    notes: [...notes, ...problems.slice(0, 3)],
    contexts,
  };
}

/** The embedded default profile (no texts, no live objects). */
export function embeddedTarget(trusted: boolean, notes: string[], contexts: string[]): TargetState {
  return describeTarget('embedded', 'embedded profile', {}, trusted, notes, contexts);
}

export function offlineTarget(label: string, text: SourceText, notes: string[]): TargetState {
  return describeTarget('offline-file', label, { texts: [text] }, true, notes, []);
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}
