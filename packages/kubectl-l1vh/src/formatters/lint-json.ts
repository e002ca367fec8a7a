// Machine-readable lint output: every finding with its 1-based span, and a summary.
import type { LintReport } from '../lint-report.js';

export function formatLintJson(r: LintReport): string {
  const count = (s: string): number => r.findings.filter((f) => f.severity === s).length;
  const summary = { files: r.files.length, objects: r.objects, errors: count('error'), warnings: count('warning'), infos: count('info') };
  return JSON.stringify({ findings: r.findings, summary }, null, 2) + '\n';
}
