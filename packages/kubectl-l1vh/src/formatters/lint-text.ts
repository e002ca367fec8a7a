// One line per finding: file:line:col: severity rule: message (the compiler-style line editors
// and CI log parsers understand).
import { whereOf, type LintReport } from '../lint-report.js';

export function formatLintText(r: LintReport): string {
  return r.findings.map((f) => `${whereOf(f) ? whereOf(f) + ': ' : ''}${f.severity} ${f.ruleId}: ${f.message}\n`).join('');
}
