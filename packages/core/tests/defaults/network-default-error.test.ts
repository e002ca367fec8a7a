// Admission's dry run for a VM without instancetype or preference checks only the pod-network
// default, without copying: defaultNetworkInterfaceError must agree with the full defaults pass
// (setSpecDefaults, whose messages vmi-defaults.test.ts checks) and leave the spec untouched.

import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstanceSpec } from '../../src/api/kubevirt-types.js';
import { deepClone } from '../../src/clone.js';
import { defaultNetworkInterfaceError } from '../../src/defaults/network-defaults.js';
import { setSpecDefaults } from '../../src/defaults/vmi-defaults.js';
import { defaultsContext, spec } from './fixtures.js';

const NETWORK_CONFIGS: Record<string, unknown>[] = [
  {},
  { permitBridgeInterfaceOnPodNetwork: false },
  { defaultNetworkInterface: 'bridge', permitBridgeInterfaceOnPodNetwork: false },
  { defaultNetworkInterface: 'masquerade', permitBridgeInterfaceOnPodNetwork: false },
  { defaultNetworkInterface: 'slirp' },
  { defaultNetworkInterface: 'unknown-binding' },
];

const SPECS: [string, () => VirtualMachineInstanceSpec][] = [
  ['no interfaces or networks', () => spec()],
  ['an interface', () => spec({ devices: { interfaces: [{ name: 'nic', masquerade: {} }] } })],
  ['a network only', () => spec({}, { networks: [{ name: 'nic', pod: {} }] })],
  ['autoattachPodInterface false', () => spec({ devices: { autoattachPodInterface: false } })],
  ['empty lists', () => spec({ devices: { interfaces: [] } }, { networks: [] })],
];

describe('defaultNetworkInterfaceError', () => {
  for (const [label, make] of SPECS) {
    it.each(NETWORK_CONFIGS.map((c) => [JSON.stringify(c), c]))(`agrees with setSpecDefaults for ${label}, config %s`, (_name, networkConfiguration) => {
      const ctx = defaultsContext({ network: networkConfiguration });
      const s = make();
      const before = deepClone(s);
      expect(defaultNetworkInterfaceError(s, ctx.config)).toBe(setSpecDefaults(make(), ctx));
      expect(s).toEqual(before);
    });
  }

  it('finds the rejections (the comparison above is not vacuous)', () => {
    const errors = NETWORK_CONFIGS.map((networkConfiguration) => defaultNetworkInterfaceError(spec(), defaultsContext({ network: networkConfiguration }).config));
    expect(errors.filter((e) => e !== null)).toHaveLength(3);
  });
});
