// Which kubeconfig files exist, and their contexts merged as kubectl merges them: the setting's
// file, else every existing file of $KUBECONFIG (the first file defining a name or
// current-context wins), else ~/.kube/config. No file means no contexts: never client-node's
// "loaded-context" fallback to localhost:8080, which is not a cluster anyone configured.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';

export interface KubeconfigFiles {
  files: string[];
  /** What was looked at, for the message when nothing was found. */
  looked: string;
}

export function kubeconfigFiles(setting: string, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): KubeconfigFiles {
  if (setting) return { files: existsSync(setting) ? [setting] : [], looked: `${setting} (l1vh.kubeconfig)` };
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  if (fromEnv.length > 0) return { files: fromEnv.filter((f) => existsSync(f)), looked: `$KUBECONFIG (${fromEnv.join(delimiter)})` };
  const file = join(home, '.kube', 'config');
  return { files: existsSync(file) ? [file] : [], looked: `${file} ($KUBECONFIG is unset)` };
}

/** Loads and merges the files into `kc` (kubectl's rule: the first definition of a name wins). */
export function loadMerged(kc: KubeConfig, files: readonly string[], make: () => KubeConfig): void {
  kc.loadFromFile(files[0]!);
  let current = kc.getCurrentContext();
  for (const file of files.slice(1)) {
    const more = make();
    more.loadFromFile(file);
    for (const c of more.clusters) if (!kc.clusters.some((x) => x.name === c.name)) kc.addCluster(c);
    for (const u of more.users) if (!kc.users.some((x) => x.name === u.name)) kc.addUser(u);
    for (const c of more.contexts) if (!kc.contexts.some((x) => x.name === c.name)) kc.addContext(c);
    if (!current && more.getCurrentContext()) current = more.getCurrentContext();
  }
  if (current) kc.setCurrentContext(current);
}
