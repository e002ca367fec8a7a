// <capacity> follows storagetypes.GetDiskCapacity: the smaller of the PVC's storage request and
// capacity from status.volumeStatus, only when both are present and whole int64 byte counts.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi } from './devices/support.js';
import type { VirtualMachineInstance } from '@l1vh/core';

function capacityOf(pvcInfo: Record<string, unknown>): string | undefined {
  const v = vmi({
    devices: { disks: [{ name: 'data', disk: { bus: 'virtio' } }] },
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
    status: { volumeStatus: [{ name: 'data', target: 'vda', persistentVolumeClaimInfo: pvcInfo }] } as VirtualMachineInstance['status'],
  });
  const disk = devicesNamed(convert(v).domainXml, 'disk')[0] ?? '';
  return /<capacity>(\d+)<\/capacity>/.exec(disk)?.[1];
}

describe('disk capacity from the PVC status', () => {
  it.each([
    ['request below capacity', { capacity: { storage: '10Gi' }, requests: { storage: '5Gi' } }, String(5 * 2 ** 30)],
    ['capacity below request', { capacity: { storage: '1G' }, requests: { storage: '2G' } }, '1000000000'],
    ['no request', { capacity: { storage: '10Gi' } }, undefined],
    ['no capacity', { requests: { storage: '10Gi' } }, undefined],
    ['a fractional byte count', { capacity: { storage: '1500m' }, requests: { storage: '10Gi' } }, undefined],
  ])('%s', (_, info, expected) => {
    expect(capacityOf(info)).toBe(expected);
  });
});
