// `whatif -o json`: the contract in docs/whatif-json.md (fields are only ever added).
import { changeFlag } from '@l1vh/core';
import type { WhatIfReport } from './whatif-report.js';

export function formatWhatIfJson(r: WhatIfReport): string {
  const { result } = r;
  const doc = {
    profile: result.profile,
    changes: result.changes.map((c) => ({ ...c, flag: changeFlag(c) })),
    edits: result.edits,
    notes: result.notes,
    placement: result.placementRule,
    summary: result.summary,
    items: result.items,
    nodes: result.nodes,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
