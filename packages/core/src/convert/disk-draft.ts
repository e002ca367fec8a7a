// A <disk> under construction, mirroring KubeVirt's api.Disk so the storage steps can set and
// overwrite fields in KubeVirt's order; rendered once, in schema.go field order.

import { el, type XmlElement } from '../xml/element.js';

export interface DiskSourceDraft {
  dev?: string;
  file?: string;
  name?: string;
  reservations?: XmlElement;
  dataStore?: { type?: string; format: string; source: DiskSourceDraft };
}

export interface DiskDriverDraft {
  cache?: string;
  errorPolicy?: string;
  io?: string;
  name: string;
  type: string;
  iothread?: number;
  iothreads?: number[];
  queues?: number;
  discard?: string;
  iommu?: string;
}

export interface DiskDraft {
  device: string;
  type: string;
  model?: string;
  source: DiskSourceDraft;
  target: { bus?: string; dev?: string; tray?: string };
  serial?: string;
  driver: DiskDriverDraft;
  readonly: boolean;
  alias: string;
  backingStore?: { type: string; format: string; source: DiskSourceDraft };
  boot?: number;
  address?: XmlElement;
  blockio?: { logical?: number; physical?: number; discardGranularity?: number };
  filesystemOverhead?: string;
  capacity?: bigint;
  shareable: boolean;
}

function sourceElement(name: string, s: DiskSourceDraft, alwaysPresent: boolean): XmlElement | undefined {
  const children = [
    s.reservations,
    s.dataStore && el('dataStore', { type: s.dataStore.type }, [el('format', { type: s.dataStore.format }), sourceElement('source', s.dataStore.source, true)]),
  ];
  if (!alwaysPresent && !s.dev && !s.file && !s.name && !children.some(Boolean)) return undefined;
  return el(name, { dev: s.dev || undefined, file: s.file || undefined, name: s.name || undefined }, children);
}

export function renderDisk(d: DiskDraft): XmlElement {
  const dr = d.driver;
  const t = d.target;
  return el('disk', { device: d.device, type: d.type, model: d.model || undefined }, [
    sourceElement('source', d.source, true),
    el('target', { bus: t.bus || undefined, dev: t.dev || undefined, tray: t.tray || undefined }),
    d.serial ? el('serial', {}, d.serial) : undefined,
    el(
      'driver',
      {
        cache: dr.cache || undefined,
        error_policy: dr.errorPolicy || undefined,
        io: dr.io || undefined,
        name: dr.name,
        type: dr.type,
        iothread: dr.iothread,
        queues: dr.queues,
        discard: dr.discard || undefined,
        iommu: dr.iommu || undefined,
      },
      dr.iothreads ? [el('iothreads', {}, dr.iothreads.map((id) => el('iothread', { id })))] : [],
    ),
    d.readonly ? el('readonly') : undefined,
    el('alias', { name: d.alias }),
    d.backingStore &&
      el('backingStore', { type: d.backingStore.type || undefined }, [
        el('format', { type: d.backingStore.format }),
        sourceElement('source', d.backingStore.source, true),
      ]),
    d.boot !== undefined ? el('boot', { order: d.boot }) : undefined,
    d.address,
    d.blockio &&
      el('blockio', {
        logical_block_size: d.blockio.logical || undefined,
        physical_block_size: d.blockio.physical || undefined,
        discard_granularity: d.blockio.discardGranularity,
      }),
    d.filesystemOverhead !== undefined ? el('filesystemOverhead', {}, d.filesystemOverhead) : undefined,
    d.capacity !== undefined ? el('capacity', {}, d.capacity.toString()) : undefined,
    d.shareable ? el('shareable') : undefined,
  ]);
}
