// kubectl l1vh lint (FILE|DIR|-)...: workspace lint. Findings go to stdout in the chosen
// format; messages about the run to stderr. Exit 0 clean, 1 findings at or above --fail-on,
// 2 usage, configuration or I/O problems.

import type { Severity } from '@l1vh/core';
import { resolve } from 'node:path';
import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import { loadConfigFile } from '../config-file.js';
import { LINT_FORMATS, type LintFormat } from '../formatters/lint-index.js';
import type { CliIO } from '../io.js';
import { ruleTable, SEVERITY_RANK, type LintReport } from '../lint-report.js';
import { lintFiles, mayHoldContext } from '../parallel/index.js';
import { listInputsWithCluster } from '../cluster-inputs.js';
import { readSource } from '../read-inputs.js';
import { readProfileSources } from '../cluster/profile-source.js';
import { EXIT, printFindings, printProblems } from '../report.js';

export const LINT_HELP = `Usage: kubectl l1vh lint (FILE|DIR|-|vm/NAME|vmi/NAME)... [--profile FILE]... [-o text|json|sarif|junit] [--fail-on error|warning|info]

Lints every VirtualMachine-like object (and KubeVirt CRs, hook ConfigMaps, …) against the cluster
profile: VMs that cannot launch, silent MSHV fallbacks, obsolete or invalid hypervisor names,
features MSHV lacks, instancetype problems. Rules: docs/rules/<rule>.md.

Options:
  --profile FILE        cluster profile (as for explain); repeatable. Default: .l1vh.yaml's
                        profile, else the embedded default profile.
  -o, --output FMT      text (default; file:line:col: severity rule: message), json, sarif, junit
  --fail-on SEVERITY    exit 1 when a finding is at or above it: error (default), warning, info
  --config FILE         use this .l1vh.yaml instead of the one found upward from the working directory
  --no-config           ignore .l1vh.yaml files
  -n, --namespace NS    the namespace of objects without metadata.namespace (as kubectl apply -n);
                        an object with another namespace is an error, as kubectl refuses it

Files that are not Kubernetes manifests (docker-compose.yml, mkdocs.yml, Helm Chart.yaml and
values.yaml, CI workflows, YAML without apiVersion/kind) and Helm/Go templates are skipped with
one info each. A suppression naming an unknown rule is a warning.

Suppressing: '# l1vh-disable-next-line RULE[,RULE]', '# l1vh-disable RULE' (to the end of the
file), the annotation 'l1vh.dev/ignore: RULE,…' on the object, or rules: {RULE: off} in .l1vh.yaml.

Exit codes: 0 no findings at or above --fail-on; 1 there are; 2 usage, configuration or file I/O
error (a missing path, a binary or oversized file).
`;

const SEVERITIES = Object.keys(SEVERITY_RANK) as Severity[];

export async function lintCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...COMMON_OPTIONS,
    'fail-on': { type: 'string' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(LINT_HELP);
    return EXIT.OK;
  }
  const format = values.output ?? 'text';
  if (!(format in LINT_FORMATS)) throw new UsageError(`unknown output format "${format}" (valid: ${Object.keys(LINT_FORMATS).join(', ')})`);
  if (values['fail-on'] !== undefined && !SEVERITIES.includes(values['fail-on'] as Severity)) throw new UsageError(`--fail-on takes ${SEVERITIES.slice().reverse().join(', ')}`);
  if (positionals.length === 0) throw new UsageError('lint needs at least one FILE, DIR or - (stdin)');

  const loaded = values['no-config'] ? undefined : loadConfigFile(io, values.config);
  if (loaded && !loaded.ok) {
    io.stderr(`kubectl-l1vh lint: ${loaded.message}\n`);
    return EXIT.USAGE;
  }
  const config = loaded?.config;
  const failOn = (values['fail-on'] ?? config?.failOn ?? 'error') as Severity;

  const profileFiles = values.profile ?? config?.profiles ?? [];
  // Files are read and checked now, but only those that may hold context (instancetypes, PVCs, …)
  // keep their text: the lint reads the others again, a batch at a time (parallel/).
  const { files: listed, problems, client } = await listInputsWithCluster(positionals, values, io, mayHoldContext);
  // The config file itself is YAML in the workspace, but not a manifest.
  const configPath = config?.path ? resolve(io.cwd, config.path) : undefined;
  const files = listed.filter((s) => s.path === '<stdin>' || (resolve(io.cwd, s.path) !== configPath && !config?.ignores(s.path)));
  if (problems.length > 0) {
    printProblems(problems, io);
    return EXIT.USAGE;
  }
  const profileSources = await readProfileSources(profileFiles, client, io);
  if ('exit' in profileSources) return profileSources.exit;
  const result = await lintFiles(files, profileSources, config?.lint ?? {}, {
    read: (path) => readSource(path, io),
    ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
  });
  if (result.profileFindings.some((f) => f.severity === 'error')) {
    printFindings(result.profileFindings, profileSources.texts, io);
    return EXIT.USAGE;
  }
  if (result.problems.length > 0) {
    printProblems(result.problems, io);
    return EXIT.USAGE;
  }
  const report: LintReport = {
    findings: result.findings,
    files: files.map((s) => s.path),
    objects: result.objects,
    rules: ruleTable(),
    cwd: io.cwd,
  };
  io.stdout(LINT_FORMATS[format as LintFormat](report));
  const failing = report.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]).length;
  if (format === 'text') io.stderr(summaryLine(report, failing, failOn));
  return failing > 0 ? EXIT.FINDINGS : EXIT.OK;
}

function summaryLine(r: LintReport, failing: number, failOn: Severity): string {
  const n = (s: Severity): number => r.findings.filter((f) => f.severity === s).length;
  const plural = (k: number, w: string): string => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${plural(r.files.length, 'file')}, ${plural(r.objects, 'VM')}: ${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')}${failing > 0 ? ` (${failing} at or above ${failOn})` : ''}\n`;
}
