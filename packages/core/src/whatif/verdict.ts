// One word per explained VM: does it run? Read from the explain item only.

import type { ExplainItem } from '../explain/explain.js';

export type Verdict = 'runs' | 'rejected' | 'unschedulable' | 'launch-fails';

/**
 * rejected: admission refused it (no selection ran); unschedulable: no node can take the
 * launcher pod (it stays Pending, whatever the device outcome); launch-fails: the pod lands but
 * virt-launcher fails (device missing, conversion error); runs otherwise.
 */
export function verdictOf(item: ExplainItem): Verdict {
  if (item.decision.steps.length === 0) return 'rejected';
  if (item.nodes.length > 0 && !item.nodes.some((n) => n.eligible)) return 'unschedulable';
  if (item.error !== null) return 'launch-fails';
  return 'runs';
}
