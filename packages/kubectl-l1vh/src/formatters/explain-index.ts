// One formatter per output format; an unknown -o lists these names.
import type { ExplainItem } from '@l1vh/core';
import type { ItemFinding } from '../lint-report.js';
import { formatExplainJson } from './explain-json.js';
import { formatExplainText } from './explain-text.js';
import { formatExplainYaml } from './explain-yaml.js';

export interface ExplainReport {
  items: ExplainItem[];
  profile: string;
  showXml: boolean;
  /** Lint findings per item (same order as items); absent = not linted. */
  findings?: ItemFinding[][];
}

/** Items as the machine-readable formats print them: each with its `findings` array. */
export function itemsWithFindings(r: ExplainReport): (ExplainItem & { findings?: ItemFinding[] })[] {
  return r.findings ? r.items.map((it, i) => ({ ...it, findings: r.findings![i] ?? [] })) : r.items;
}

export const EXPLAIN_FORMATS = {
  text: formatExplainText,
  json: formatExplainJson,
  yaml: formatExplainYaml,
} as const satisfies Record<string, (r: ExplainReport) => string>;

export type ExplainFormat = keyof typeof EXPLAIN_FORMATS;
