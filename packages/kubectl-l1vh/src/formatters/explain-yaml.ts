import { stringify } from 'yaml';
import { itemsWithFindings, type ExplainReport } from './explain-index.js';

export function formatExplainYaml(r: ExplainReport): string {
  return stringify({ items: itemsWithFindings(r) }, { lineWidth: 0 });
}
