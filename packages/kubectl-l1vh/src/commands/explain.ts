// kubectl l1vh explain (FILE|DIR|-)...: per VM, the hypervisor and why, the domain XML,
// overhead and launcher resources.

import { explainAll, lintParsed, loadObjects, locateItem, sourceFiles, type ExplainItem } from '@l1vh/core';
import { findingsPerItem } from '../lint-report.js';
import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import type { CliIO } from '../io.js';
import { readInputsWithCluster } from '../cluster-inputs.js';
import { profileOrExit, readProfileSources } from '../cluster/profile-source.js';
import { EXIT, printFindings, printProblems } from '../report.js';
import { EXPLAIN_FORMATS, type ExplainFormat } from '../formatters/explain-index.js';

export const EXPLAIN_HELP = `Usage: kubectl l1vh explain (FILE|DIR|-|vm/NAME|vmi/NAME)... [--profile FILE]... [-o text|json|yaml] [--show-xml]

Explains each VirtualMachine-like object: the hypervisor it gets on the profile's nodes and why,
the libvirt domain XML, the memory overhead and the virt-launcher resources.

vm/NAME and vmi/NAME read the object from the cluster (namespace from -n or the kubeconfig
context); the live cluster is then the profile unless --profile is given. Cluster flags:
--kubeconfig, --context, --cluster, -n, --request-timeout, -v (exit 3 when the cluster cannot be read).
-n NS also applies to objects in files without metadata.namespace (as kubectl apply -n does); an
object whose metadata.namespace differs is refused, as kubectl refuses it.

Options:
  --profile FILE     cluster profile (kubectl get kubevirt,nodes,pvc -A -o yaml); repeatable.
                     Without it the embedded default profile applies (KubeVirt main,
                     ConfigurableHypervisor + hyperv-direct, one amd64 node with /dev/mshv).
  -o, --output FMT   text (default), json or yaml
  --show-xml         include the domain XML in text output
  --vmi-uid UID      UID for VMIs whose metadata.uid is unknown (default all zeros)
  --xml-indent tab   indent the XML with tabs, as virt-launcher does (default: two spaces)

Each VM gets a verdict: runs, rejected (KubeVirt's admission refuses it; each cause is printed
as file:line:col), unschedulable (no node can run its launcher pod) or launch-fails (virt-launcher
fails). For a VM that will not run the preview is still shown where KubeVirt would build it,
labelled "preview only".

Exit codes: 0 every VM runs; 1 a VM will not run, invalid input manifests or a vm/NAME not found;
2 usage, configuration or file I/O error (a missing path, a binary or oversized file); 3 the
cluster could not be read.
`;

export async function explainCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...COMMON_OPTIONS,
    'show-xml': { type: 'boolean' },
    'vmi-uid': { type: 'string' },
    'xml-indent': { type: 'string' },
  });
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return EXIT.OK;
  }
  const format = (values.output ?? 'text') as ExplainFormat;
  if (!(format in EXPLAIN_FORMATS)) throw new UsageError(`unknown output format "${format}" (valid: ${Object.keys(EXPLAIN_FORMATS).join(', ')})`);
  if (positionals.length === 0) throw new UsageError('explain needs at least one FILE, DIR or - (stdin)');
  if (values['xml-indent'] !== undefined && values['xml-indent'] !== 'tab' && values['xml-indent'] !== 'spaces') throw new UsageError('--xml-indent takes tab or spaces');

  const { inputs, client } = await readInputsWithCluster(positionals, values, io);
  const sources = await readProfileSources(values.profile, client, io);
  if ('exit' in sources) return sources.exit;
  const loaded = loadObjects(inputs.sources, { namespace: values.namespace });
  const resolved = profileOrExit(sources, loaded.objects, io);
  if ('exit' in resolved) return resolved.exit;
  const profile = resolved.profile;
  const explained = explainAll(loaded.objects, profile, {
    ...(values['vmi-uid'] ? { vmiUid: values['vmi-uid'] } : {}),
    indent: values['xml-indent'] === 'tab' ? '\t' : '  ',
  });
  const items: ExplainItem[] = explained.map((e) => e.item);
  // Findings from the same parse and the same explain results: nothing is computed twice.
  const lint = lintParsed(loaded.files, profile, { explained: new Map(explained.map((e) => [e.object.value, e])), namespace: values.namespace });
  const findings = findingsPerItem(items, lint.findings, inputs.sources);
  const files = sourceFiles(loaded.files, profile);
  io.stdout(EXPLAIN_FORMATS[format]({ items: items.map((it) => locateItem(it, files)), profile: profile.origin, showXml: values['show-xml'] === true, findings }));
  printProblems(inputs.problems, io);
  printFindings(loaded.findings, inputs.sources, io);
  // A path that cannot be read (missing, binary, too large) is an I/O error, as in lint and domain.
  if (inputs.problems.some((p) => !p.notFound)) return EXIT.USAGE;
  // Exit 1 when any VM will not run (rejected, unschedulable, launch fails) or an input is invalid.
  const wontRun = items.some((it) => it.verdict !== 'runs');
  return wontRun || inputs.problems.length > 0 || loaded.findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
}
