// What every explain formatter renders: the items, the profile they were explained against and
// the lint findings per item.
import type { LocatedExplainItem } from '@l1vh/core';
import type { ItemFinding } from '../lint-report.js';

export interface ExplainReport {
  /** Items with their places as line/col (the edge's conversion of core's offsets). */
  items: LocatedExplainItem[];
  profile: string;
  showXml: boolean;
  /** Lint findings per item (same order as items); absent = not linted. */
  findings?: ItemFinding[][];
}

/** Items as the machine-readable formats print them: each with its `findings` array. */
export function itemsWithFindings(r: ExplainReport): (LocatedExplainItem & { findings?: ItemFinding[] })[] {
  return r.findings ? r.items.map((it, i) => ({ ...it, findings: r.findings![i] ?? [] })) : r.items;
}
