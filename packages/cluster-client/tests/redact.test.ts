import { describe, expect, it } from 'vitest';
import { redactUrl, urlSecrets } from '../src/redact.js';

describe('server URL credentials', () => {
  it('replaces user-info, keeps the rest of the URL', () => {
    expect(redactUrl('https://admin:s3cret@api.example:6443/k8s/clusters/c-1')).toBe('https://[redacted]@api.example:6443/k8s/clusters/c-1');
    expect(redactUrl('http://token@127.0.0.1:8001')).toBe('http://[redacted]@127.0.0.1:8001/');
    expect(redactUrl('https://api.example:6443')).toBe('https://api.example:6443');
    expect(redactUrl('not a url://u:p@host')).toBe('not a url://[redacted]@host');
  });

  it('lists the password raw and decoded, for scrubbing messages', () => {
    expect(urlSecrets('https://admin:p%40ss@h')).toEqual(['p%40ss', 'p@ss', 'admin:p%40ss']);
    expect(urlSecrets('https://tok3n@h')).toEqual(['tok3n', 'tok3n']);
    expect(urlSecrets('https://h')).toEqual([]);
  });
});
