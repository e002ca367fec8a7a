import { stringify } from 'yaml';
import type { ExplainReport } from './explain-index.js';

export function formatExplainYaml(r: ExplainReport): string {
  return stringify({ items: r.items }, { lineWidth: 0 });
}
