import { stringify } from 'yaml';
import { itemsWithFindings, type ExplainReport } from './explain-report.js';

export function formatExplainYaml(r: ExplainReport): string {
  return stringify({ items: itemsWithFindings(r) }, { lineWidth: 0 });
}
