// kubectl's --request-timeout: "0" (no limit), a plain number of seconds, or a Go duration
// such as 30s, 1m, 1m30s, 500ms.

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Default when the flag is absent: kubectl waits forever; l1vh bounds every request. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Milliseconds (0 = none), or an error message. */
export function parseRequestTimeout(text: string | undefined): { ms: number } | { error: string } {
  if (text === undefined) return { ms: DEFAULT_REQUEST_TIMEOUT_MS };
  const t = text.trim();
  if (t.startsWith('-')) return { error: `--request-timeout "${text}" is negative: use 0 (no limit), a number of seconds, or a duration like 30s, 1m` };
  if (/^\d+$/.test(t)) return { ms: Number(t) * 1000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < t.length) {
    re.lastIndex = pos;
    const m = re.exec(t);
    if (!m) return { error: `invalid --request-timeout "${text}" (use 0, a number of seconds, or a duration like 30s, 1m, 1m30s)` };
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    pos = re.lastIndex;
  }
  if (t.length === 0) return { error: 'empty --request-timeout' };
  return { ms: Math.ceil(total) };
}
