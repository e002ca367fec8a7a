// virt-launcher's pre-start hook on disks (manager.go preStartHook → SetDriverCacheMode,
// SetOptimalIOMode), applied once the converter is done:
//  - an empty cache becomes none, assuming O_DIRECT works on the node (else writethrough);
//  - with cache none and no explicit io, a block backend or a preallocated image gets io="native".
// A disk without a backing path (empty cdrom) is left alone; any other such disk is an error.

import { child, getAttr, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { volumeFacts } from '../volume-facts.js';

/** DiskDriver attribute order (schema.go), so inserted attributes land where Go writes them. */
const DRIVER_ATTR_ORDER = ['cache', 'error_policy', 'io', 'name', 'type', 'iothread', 'queues', 'discard', 'iommu'];

function setDriverAttr(driver: XmlElement, name: string, value: string): void {
  const existing = driver.attrs.find(([k]) => k === name);
  if (existing) {
    existing[1] = value;
    return;
  }
  const rank = DRIVER_ATTR_ORDER.indexOf(name);
  const at = driver.attrs.findIndex(([k]) => DRIVER_ATTR_ORDER.indexOf(k) > rank);
  if (at < 0) driver.attrs.push([name, value]);
  else driver.attrs.splice(at, 0, [name, value]);
}

/** disksource.Resolve: the backend path (the CBT data store's source when present) and whether it is a block device. */
function backend(disk: XmlElement): { path: string; block: boolean } {
  const source = child(disk, 'source');
  const store = source && child(source, 'dataStore');
  const inner = store && child(store, 'source');
  for (const s of [inner, source]) {
    if (!s) continue;
    const file = getAttr(s, 'file');
    if (file) return { path: file, block: false };
    const dev = getAttr(s, 'dev');
    if (dev) return { path: dev, block: true };
  }
  return { path: '', block: false };
}

export const applyDiskRuntimeFixups: Configurator = (ctx, domain) => {
  // IsPreAllocated probes the image on the node; a PVC annotated as preallocated stands in for it.
  const preallocated = volumeFacts(ctx).discardIgnore;
  for (const disk of domain.devices.disk) {
    const driver = child(disk, 'driver');
    if (!driver) continue;
    const { path, block } = backend(disk);
    if (!path) {
      if (getAttr(disk, 'device') === 'cdrom') continue;
      return 'unable to set a driver cache mode, disk has no backend path';
    }
    if (!getAttr(driver, 'cache')) setDriverAttr(driver, 'cache', 'none');
    if (getAttr(driver, 'io')) continue;
    const alias = getAttr(child(disk, 'alias') ?? disk, 'name') ?? '';
    const volume = alias.replace(/^ua-/, '');
    if (getAttr(driver, 'cache') === 'none' && (block || preallocated.has(volume))) setDriverAttr(driver, 'io', 'native');
  }
  return undefined;
};
