// One formatter per output format; an unknown -o lists these names.
import type { ExplainReport } from './explain-report.js';
import { formatExplainJson } from './explain-json.js';
import { formatExplainText } from './explain-text.js';
import { formatExplainYaml } from './explain-yaml.js';

export const EXPLAIN_FORMATS = {
  text: formatExplainText,
  json: formatExplainJson,
  yaml: formatExplainYaml,
} as const satisfies Record<string, (r: ExplainReport) => string>;

export type ExplainFormat = keyof typeof EXPLAIN_FORMATS;
