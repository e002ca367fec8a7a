// Turns a failed request into one line naming the cause. Pure, so it is tested directly.

import { MAX_BYTES_TEXT } from './limits.js';

export interface RequestInfo {
  /** "list nodes (cluster-scoped)": the permission the request needs. */
  permission: string;
}

const TLS_CODES: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server certificate is not signed by the kubeconfig's certificate-authority",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server certificate's issuer is not the kubeconfig's certificate-authority",
  SELF_SIGNED_CERT_IN_CHAIN: "the server certificate chain ends in a CA the kubeconfig does not trust",
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed and not trusted by the kubeconfig',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not yet valid',
  ERR_TLS_CERT_ALTNAME_INVALID: "the server certificate does not name the kubeconfig's server host",
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer with TLS (is it plain HTTP?)',
  EPROTO: 'TLS handshake failed',
};

const NET_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'host name lookup failed temporarily (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
};

export function describeNetworkError(e: unknown, ctx: RequestInfo & { server: string; timeoutMs: number }): string {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'L1VH_TIMEOUT') return `request to ${ctx.server} timed out after ${formatMs(ctx.timeoutMs)} (--request-timeout) while trying to ${ctx.permission}`;
  if (code === 'L1VH_TOO_LARGE') return `response from ${ctx.server} to ${ctx.permission} is over ${MAX_BYTES_TEXT}; refused`;
  if (code === 'L1VH_TRUNCATED') return `response from ${ctx.server} to ${ctx.permission} was cut short (${msg} received); connection closed mid-body`;
  if (TLS_CODES[code]) return `TLS failure talking to ${ctx.server}: ${TLS_CODES[code]} (${code})`;
  if (/certificate|ssl|tls/i.test(msg) && !NET_CODES[code]) return `TLS failure talking to ${ctx.server}: ${msg.split('\n')[0]}`;
  if (code === 'ECONNRESET' && /aborted|socket hang up/i.test(msg)) return `connection to ${ctx.server} was reset while trying to ${ctx.permission}`;
  if (NET_CODES[code]) return `cannot reach the API server ${ctx.server}: ${NET_CODES[code]} (${code})`;
  return `cannot reach the API server ${ctx.server}: ${msg.split('\n')[0]}`;
}

export function describeStatus(status: number, body: Buffer, ctx: RequestInfo & { server: string; user: string }): string {
  const who = ctx.user ? `user "${ctx.user}"` : 'the kubeconfig user';
  if (status === 401) return `unauthorized (401) by ${ctx.server}: the credentials of ${who} were rejected (expired or invalid token/certificate?)`;
  if (status === 403) return `forbidden (403): ${who} may not ${ctx.permission} (see docs/rbac.md)`;
  if (status === 410) return `the list expired while paging (410 Gone) while trying to ${ctx.permission}; retry`;
  return `API server ${ctx.server} answered ${status} to ${ctx.permission}${statusMessage(body)}`;
}

/** The Status message of an error body, one line, bounded. */
function statusMessage(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.subarray(0, 64 * 1024).toString('utf8')) as { message?: unknown };
    if (typeof parsed.message === 'string' && parsed.message) return `: ${parsed.message.split('\n')[0]!.slice(0, 200)}`;
  } catch {
    // not a Status object: say nothing more
  }
  return '';
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
