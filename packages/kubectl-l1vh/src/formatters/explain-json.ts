// The machine-readable contract: {"items":[…]}, one item per VM-like object (docs/explain-json.md).
import { itemsWithFindings, type ExplainReport } from './explain-report.js';

export function formatExplainJson(r: ExplainReport): string {
  return JSON.stringify({ items: itemsWithFindings(r) }, null, 2) + '\n';
}
