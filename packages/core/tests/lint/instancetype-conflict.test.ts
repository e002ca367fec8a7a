import { describe, expect, it } from 'vitest';
import { parseFieldPath } from '../../src/lint/rules/instancetype-conflict.js';
import { runRuleTests } from './support.js';

// As in the golden vectors (../shared/golden/README.md): KubeVirt's admission rejects a VM that
// sets memory.guest beside an instancetype ("VM field(s) spec.template.spec.domain.memory.guest
// conflicts with selected instance type").
const vm = (domain: string): string => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm1
spec:
  instancetype:
    name: u1.medium
  template:
    spec:
      domain:
${domain}
`;

runRuleTests('instancetype-conflict', {
  valid: [{ name: 'instancetype alone', manifest: vm('        devices: {}') }],
  invalid: [
    {
      name: 'memory.guest beside an instancetype',
      manifest: vm('        devices: {}\n        memory:\n          guest: 1Gi'),
      errors: [{ messageId: 'fieldConflict', line: 13, column: 11, message: ['spec.template.spec.domain.memory.guest'] }],
    },
    {
      // common-instancetypes: u1.micro has 1Gi, the windows.2k22 preference requires 2Gi.
      name: 'preference requirement not met',
      manifest: vm('        devices: {}').replace('name: u1.medium', 'name: u1.micro\n  preference:\n    name: windows.2k22'),
      errors: [{ messageId: 'rejected', line: 8, column: 3, message: ['insufficient Memory resources of 1Gi provided by instance type, preference requires 2Gi'] }],
    },
  ],
});

describe('parseFieldPath', () => {
  it('splits dotted KubeVirt field paths with indices', () => {
    expect(parseFieldPath('spec.template.spec.domain.devices.disks[0].name')).toEqual(['spec', 'template', 'spec', 'domain', 'devices', 'disks', 0, 'name']);
    expect(parseFieldPath('spec.template.spec.domain.cpu.sockets')).toEqual(['spec', 'template', 'spec', 'domain', 'cpu', 'sockets']);
  });
});
