// One formatter per lint output format; an unknown -o lists these names.
import type { LintReport } from '../lint-report.js';
import { formatLintJson } from './lint-json.js';
import { formatLintJunit } from './lint-junit.js';
import { formatLintSarif } from './lint-sarif.js';
import { formatLintText } from './lint-text.js';

export const LINT_FORMATS = {
  text: formatLintText,
  json: formatLintJson,
  sarif: formatLintSarif,
  junit: formatLintJunit,
} as const satisfies Record<string, (r: LintReport) => string>;

export type LintFormat = keyof typeof LINT_FORMATS;
