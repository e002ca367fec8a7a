// GetMemoryOverhead's constants (pkg/hypervisor/{kvm,mshv}/hypervisorbackend.go; the two backends
// share every number). Only the QEMU process term moves between releases: VERSION_TRAITS.

import { VERSION_TRAITS, type VersionKey } from '../profile/versions.js';

export const MI = 1024 * 1024;

/** The per-process RSS terms, in order, as `ps` measured them for KubeVirt. */
export interface ProcessTerm {
  id: string;
  label: string;
  mi: number;
}

export function processTerms(version: VersionKey): ProcessTerm[] {
  return [
    { id: 'virt-launcher-monitor', label: 'virt-launcher-monitor process', mi: 25 },
    { id: 'virt-launcher', label: 'virt-launcher process', mi: 100 },
    { id: 'virtlogd', label: 'virtlogd process', mi: 25 },
    { id: 'virtqemud', label: 'virtqemud process', mi: 40 },
    { id: 'qemu', label: 'QEMU process (minus guest RAM and page tables)', mi: VERSION_TRAITS[version].qemuOverheadMi },
  ];
}

export const OVERHEAD_MI = {
  perVcpu: 8,
  iothread: 8,
  video: 32,
  arm64Pflash: 128,
  vfio: 1024,
  downwardMetrics: 1,
  perExecProbe: 10,
  virtProbe: 100,
  sev: 256,
  swtpm: 53,
  dedicatedOrGuaranteed: 100,
  /** network/resources/memory.go: passt with every port forwarded. */
  passt: 250,
} as const;

/** Page tables: one byte per 512 bytes of requested memory, after rounding the request up to kB. */
export const PAGE_TABLE_DIVISOR = 512n;
