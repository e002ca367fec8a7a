// Editors started from a desktop launcher often lack the PATH a terminal has, so exec-auth plugins
// (kubelogin, aws, gke-gcloud-auth-plugin) are not found. Ask the login shell once, with a timeout.

import { execFile } from 'node:child_process';

export interface LoginShellPath {
  /** PATH entries of the login shell, or null when it could not be read. */
  path: string | null;
  /** Why it could not be read. */
  error?: string;
}

const MARK = '__L1VH_PATH__';
/** One answer per shell: a login shell can be slow (rc files), so ask it once. */
const cached = new Map<string, Promise<LoginShellPath>>();

export function loginShellPath(timeoutMs = 3000): Promise<LoginShellPath> {
  const shell = process.env.SHELL;
  if (!shell || process.platform === 'win32') return Promise.resolve({ path: null, error: 'no login shell ($SHELL unset)' });
  let answer = cached.get(shell);
  if (!answer) cached.set(shell, (answer = readLoginShellPath(shell, timeoutMs)));
  return answer;
}

function readLoginShellPath(shell: string, timeoutMs: number): Promise<LoginShellPath> {
  return new Promise((resolve) => {
    execFile(shell, ['-lc', `printf '${MARK}%s${MARK}' "$PATH"`], { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout) => {
      const m = new RegExp(`${MARK}(.*)${MARK}`).exec(stdout ?? '');
      if (m?.[1]) resolve({ path: m[1] });
      else resolve({ path: null, error: err ? `${shell} -lc failed: ${err.killed ? `timed out after ${timeoutMs} ms` : err.message}` : `${shell} -lc printed no PATH` });
    });
  });
}

/** Editor PATH followed by login-shell entries it lacks. */
export function mergePath(editorPath: string | undefined, loginPath: string | null): string {
  const parts = (editorPath ?? '').split(':').filter(Boolean);
  for (const p of (loginPath ?? '').split(':')) if (p && !parts.includes(p)) parts.push(p);
  return parts.join(':');
}
