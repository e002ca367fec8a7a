// The exec-auth PATH is looked up (a login shell in the editor: slow) only for a user with an exec plugin.
import { describe, expect, it } from 'vitest';
import { prepareExec } from '../src/kubeconfig.js';

describe('prepareExec', () => {
  it('does not ask for the PATH when the user has no exec plugin', async () => {
    let asked = 0;
    expect(await prepareExec({ name: 'token-user', token: 'abcd' } as never, async () => (asked++, '/usr/bin'))).toBeUndefined();
    expect(asked).toBe(0);
  });

  it('asks once for an exec plugin, and says when the plugin is not on that PATH', async () => {
    let asked = 0;
    const user = { name: 'exec-user', exec: { command: 'no-such-plugin-l1vh', env: null } };
    expect(await prepareExec(user as never, async () => (asked++, '/nonexistent-l1vh-dir'))).toBe('exec-auth plugin "no-such-plugin-l1vh" of user "exec-user" is not on the PATH (/nonexistent-l1vh-dir)');
    expect(asked).toBe(1);
    expect(user.exec.env).toEqual([{ name: 'PATH', value: '/nonexistent-l1vh-dir' }]);
  });
});
