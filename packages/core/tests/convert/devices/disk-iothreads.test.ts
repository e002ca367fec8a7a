// IO thread assignment on disks and the SCSI controller, after storage/configurator_test.go
// "IOThreads" and compute/controllers_test.go.
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, vmi } from './support.js';
import type { Disk, Volume } from '@l1vh/core';

const pvc = (name: string): Volume => ({ name, persistentVolumeClaim: { claimName: `${name}-claim` } });
const drivers = (xml: string | null): string[] => devicesNamed(xml, 'disk').map((d) => /<driver [^>]*>(<iothreads>.*<\/iothreads>)?/.exec(d)![0]);
const withDisks = (disks: Disk[], domain = {}) => vmi({ devices: { disks }, volumes: disks.map((d) => pvc(d.name)), domain });

describe('disk IO threads', () => {
  it('round-robins shared threads over virtio disks (auto policy, 1 CPU → 2 threads)', () => {
    const r = convert(withDisks([{ name: 'disk1', disk: { bus: 'virtio' } }, { name: 'disk2', disk: { bus: 'virtio' } }], { ioThreadsPolicy: 'auto' }));
    expect(drivers(r.domainXml).map((d) => /iothread="(\d+)"/.exec(d)?.[1])).toEqual(['1', '2']);
  });

  it('gives dedicated disks ids after the shared pool', () => {
    const r = convert(withDisks([{ name: 'auto-disk', disk: { bus: 'virtio' } }, { name: 'dedicated-disk', disk: { bus: 'virtio' }, dedicatedIOThread: true }], { ioThreadsPolicy: 'auto' }));
    expect(drivers(r.domainXml).map((d) => /iothread="(\d+)"/.exec(d)?.[1])).toEqual(['1', '2']);
  });

  it('does not give non-virtio disks a thread', () => {
    const r = convert(withDisks([{ name: 'scsi-disk', lun: { bus: 'scsi' } }], { ioThreadsPolicy: 'auto' }));
    expect(drivers(r.domainXml)[0]).not.toContain('iothread');
  });

  it('lists the supplemental pool inside the driver', () => {
    const r = convert(withDisks([{ name: 'mydisk', disk: { bus: 'virtio' } }], { ioThreadsPolicy: 'supplementalPool', ioThreads: { supplementalPoolThreadCount: 2 } }));
    expect(drivers(r.domainXml)[0]).toContain('><iothreads><iothread id="1"></iothread><iothread id="2"></iothread></iothreads>');
  });
});

describe('SCSI controller IO thread', () => {
  const scsi = (xml: string | null) => devicesNamed(xml, 'controller').find((c) => c.includes('type="scsi"'));

  it('takes the shared thread after the virtio disks, with one queue per vCPU (4 shared threads)', () => {
    // 3 CPUs allow 6 threads; 4 non-dedicated disks (any bus) make the shared pool 4. Only the virtio disk advances it.
    const r = convert(withDisks(
      [
        { name: 'scsi-disk', disk: { bus: 'scsi' }, dedicatedIOThread: true },
        { name: 'virtio-disk', disk: { bus: 'virtio' } },
        { name: 'sata1', disk: { bus: 'sata' } },
        { name: 'sata2', disk: { bus: 'sata' } },
        { name: 'sata3', disk: { bus: 'sata' } },
      ],
      { ioThreadsPolicy: 'auto', resources: { requests: { memory: '1Gi', cpu: '3' } } },
    ));
    expect(scsi(r.domainXml)).toBe('<controller type="scsi" index="0" model="virtio-non-transitional"><driver iothread="2" queues="3"></driver></controller>');
  });

  it('rolls the thread over the shared pool (2 shared threads, 2 virtio disks → 1; 2 vCPUs → 2 queues)', () => {
    const r = convert(withDisks(
      [
        { name: 'scsi-disk', disk: { bus: 'scsi' }, dedicatedIOThread: true },
        { name: 'virtio-disk1', disk: { bus: 'virtio' } },
        { name: 'virtio-disk2', disk: { bus: 'virtio' } },
      ],
      { ioThreadsPolicy: 'auto', resources: { requests: { memory: '1Gi', cpu: '2' } } },
    ));
    expect(scsi(r.domainXml)).toContain('<driver iothread="1" queues="2"></driver>');
  });

  it('has no driver when no scsi disk asks for a dedicated thread', () => {
    const r = convert(withDisks([{ name: 'scsi-disk', disk: { bus: 'scsi' } }], { ioThreadsPolicy: 'auto' }));
    expect(scsi(r.domainXml)).toBe('<controller type="scsi" index="0" model="virtio-non-transitional"></controller>');
  });
});
