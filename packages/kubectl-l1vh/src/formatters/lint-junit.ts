// JUnit XML for CI dashboards: one testsuite per file, one failing testcase per error or warning
// finding (infos go to system-out), one passing testcase for a file without them.
import type { LintReport, LocatedFinding } from '../lint-report.js';

export function formatLintJunit(r: LintReport): string {
  const byFile = new Map<string, LocatedFinding[]>(r.files.map((f) => [f, []]));
  for (const f of r.findings) {
    const key = f.file ?? '';
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key)!.push(f);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, findings] of byFile) {
    const failing = findings.filter((f) => f.severity !== 'info');
    const infos = findings.filter((f) => f.severity === 'info');
    const cases = failing.map((f) => {
      const where = f.line !== undefined ? `${file}:${f.line}:${f.col}` : file;
      return `    <testcase classname="${esc(file)}" name="${esc(`${f.ruleId} ${where}`)}">\n      <failure type="${f.severity}" message="${esc(f.message)}">${esc(`${where}: ${f.severity} ${f.ruleId}: ${f.message}`)}</failure>\n    </testcase>\n`;
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${esc(file)}" name="${esc(file)}"></testcase>\n`);
    const out = infos.length > 0 ? `    <system-out>${esc(infos.map((f) => `${f.line !== undefined ? `${file}:${f.line}:${f.col}` : file}: info ${f.ruleId}: ${f.message}`).join('\n'))}</system-out>\n` : '';
    tests += cases.length;
    failures += failing.length;
    suites.push(`  <testsuite name="${esc(file)}" tests="${cases.length}" failures="${failing.length}" errors="0">\n${cases.join('')}${out}  </testsuite>\n`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubectl-l1vh lint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('')}</testsuites>\n`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
