// Kubeconfig loading (only in trusted workspaces; the caller checks). @kubernetes/client-node is
// imported lazily so activation never pays for it.

import { access, constants } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeconfigFiles, loadMerged } from './kubeconfig-files.js';
import { loginShellPath, mergePath } from './login-shell-path.js';

export type ClientNode = typeof import('@kubernetes/client-node');

export function loadClientNode(): Promise<ClientNode> {
  return import('@kubernetes/client-node');
}

export interface LoadedKubeConfig {
  kc: KubeConfig;
  contexts: string[];
  context: string;
}

export async function loadKubeConfig(file: string, context: string): Promise<LoadedKubeConfig | { error: string }> {
  const found = kubeconfigFiles(file);
  if (found.files.length === 0) return { error: `no kubeconfig file: looked at ${found.looked}` };
  const k8s = await loadClientNode();
  const kc = new k8s.KubeConfig();
  try {
    loadMerged(kc, found.files, () => new k8s.KubeConfig());
  } catch (e) {
    return { error: `cannot read kubeconfig ${found.files.join(', ')}: ${message(e)}` };
  }
  const contexts = kc.getContexts().map((c) => c.name);
  if (contexts.length === 0) return { error: `no contexts in kubeconfig ${file || '$KUBECONFIG or ~/.kube/config'}` };
  if (context) {
    if (!contexts.includes(context)) return { error: `context "${context}" is not in the kubeconfig (has: ${contexts.join(', ')})` };
    kc.setCurrentContext(context);
  }
  const problem = await prepareExecAuth(kc);
  if (problem) return { error: problem };
  return { kc, contexts, context: kc.getCurrentContext() };
}

/** The contexts of the kubeconfig files (no auth set-up: the picker only lists them). */
export async function kubeconfigContexts(file: string): Promise<{ contexts: string[]; current: string; files: string[] } | { error: string }> {
  const found = kubeconfigFiles(file);
  if (found.files.length === 0) return { error: `no kubeconfig file: looked at ${found.looked}` };
  const k8s = await loadClientNode();
  const kc = new k8s.KubeConfig();
  try {
    loadMerged(kc, found.files, () => new k8s.KubeConfig());
  } catch (e) {
    return { error: `cannot read kubeconfig ${found.files.join(', ')}: ${message(e)}` };
  }
  return { contexts: kc.getContexts().map((c) => c.name), current: kc.getCurrentContext(), files: found.files };
}

/**
 * Gives exec-auth plugins the login shell's PATH (client-node spawns them with the env we set) and
 * says clearly when the plugin is nowhere to be found.
 */
async function prepareExecAuth(kc: KubeConfig): Promise<string | undefined> {
  const user = kc.getCurrentUser();
  const exec = (user?.exec ?? user?.authProvider?.config?.exec) as { command?: string; env?: { name: string; value: string }[] | null } | undefined;
  if (!exec?.command) return undefined;
  const login = await loginShellPath();
  const path = mergePath(process.env.PATH, login.path);
  const env = (exec.env ?? []).filter((e) => e.name !== 'PATH');
  const own = exec.env?.find((e) => e.name === 'PATH')?.value;
  env.push({ name: 'PATH', value: own ? mergePath(own, path) : path });
  exec.env = env;
  if (await findExecutable(exec.command, own ? mergePath(own, path) : path)) return undefined;
  const why = login.path ? 'nor on the login shell PATH' : `and the login shell PATH is unknown (${login.error ?? 'unreadable'})`;
  return `exec-auth plugin "${exec.command}" of user "${user?.name ?? '?'}" is not on the editor PATH ${why}`;
}

async function findExecutable(command: string, path: string): Promise<boolean> {
  const candidates = isAbsolute(command) || command.includes('/') ? [command] : path.split(':').filter(Boolean).map((d) => join(d, command));
  for (const c of candidates) {
    try {
      await access(c, constants.X_OK);
      return true;
    } catch {
      // try the next directory
    }
  }
  return false;
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}
