// How a lint run is cut into shares: contiguous ranges of files with similar byte totals, so
// concatenating the shares' findings keeps input order.

import type { SourceText } from '@l1vh/core';

/** Contiguous [start, end) ranges over files of these sizes, at most `parts` of them, none empty. */
export function splitByBytes(sizes: readonly number[], parts: number): [number, number][] {
  const total = sizes.reduce((n, s) => n + s, 0);
  const ranges: [number, number][] = [];
  let start = 0;
  let acc = 0;
  for (let i = 0; i < sizes.length && ranges.length < parts - 1; i++) {
    acc += sizes[i]!;
    if (acc >= (total * (ranges.length + 1)) / parts) {
      ranges.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < sizes.length) ranges.push([start, sizes.length]);
  return ranges;
}

/**
 * Files that may hold objects other VMs resolve against (instancetypes, preferences, PVCs,
 * DataVolumes, Nodes, Namespaces, quotas, the KubeVirt CR). A cheap textual hint: a false
 * positive only costs every thread one extra parse; a VM's `instancetype: {kind: …}` reference
 * does not match because instancetype objects are recognised by their apiVersion.
 */
const CONTEXT_HINT = /instancetype\.kubevirt\.io\/|\bkind["']?\s*:\s*["']?(?:KubeVirt|Node|PersistentVolumeClaim|DataVolume|Namespace|ResourceQuota)["']?\s*(?:[,}#\r\n]|$)/;

export function mayHoldContext(source: SourceText): boolean {
  return CONTEXT_HINT.test(source.text);
}
