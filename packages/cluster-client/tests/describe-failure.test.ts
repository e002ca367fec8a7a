// Failures the loopback server cannot produce (DNS, expired certificates): the messages name the cause.
import { describe, expect, it } from 'vitest';
import { describeNetworkError, describeStatus } from '../src/describe-failure.js';

const ctx = { permission: 'list nodes (cluster-scoped)', server: 'https://api.example:6443', timeoutMs: 30_000 };
const err = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('describeNetworkError', () => {
  it('DNS failures name the host lookup', () => {
    expect(describeNetworkError(err('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example'), ctx)).toBe('cannot reach the API server https://api.example:6443: host name not found (DNS) (ENOTFOUND)');
    expect(describeNetworkError(err('EAI_AGAIN'), ctx)).toContain('(DNS)');
  });

  it('TLS verification codes become a sentence', () => {
    expect(describeNetworkError(err('CERT_HAS_EXPIRED'), ctx)).toBe('TLS failure talking to https://api.example:6443: the server certificate has expired (CERT_HAS_EXPIRED)');
    expect(describeNetworkError(err('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), ctx)).toContain("does not name the kubeconfig's server host");
  });
});

describe('describeStatus', () => {
  it('keeps only the first line of a Status message', () => {
    const body = Buffer.from(JSON.stringify({ kind: 'Status', message: 'first\nsecond' }));
    expect(describeStatus(503, body, { ...ctx, user: 'u' })).toBe('API server https://api.example:6443 answered 503 to list nodes (cluster-scoped): first');
  });
});
