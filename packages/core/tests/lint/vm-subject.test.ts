import { describe, expect, it } from 'vitest';
import { classifyAdmissionError } from '../../src/lint/vm-subject.js';

// Messages as KubeVirt words them (golden vectors' `error` fields and pkg/instancetype).
describe('classifyAdmissionError', () => {
  it.each([
    ['vm admission (instancetype): VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type', 'instancetype'],
    ['vm admission (instancetype): failure checking preference requirements: insufficient Memory resources of 1Gi provided by instance type, preference requires 2Gi', 'instancetype'],
    ['vm admission (instancetype): 2 vCPUs provided by the instance type are not divisible by the number of threads per core 2', 'instancetype'],
    ['failure to find instancetype: virtualmachineclusterinstancetypes.instancetype.kubevirt.io "x" not found', 'not-found'],
    ['spec.domain.devices.disks[0].name is required', 'rejected'],
    ['l1vh internal error during admission (please report): boom', 'unavailable'],
  ])('%s → %s', (error, status) => {
    expect(classifyAdmissionError(error, false)).toBe(status);
  });
  it('no error with a VMI is admitted', () => {
    expect(classifyAdmissionError(null, true)).toBe('admitted');
  });
});
