// kubectl l1vh domain (FILE|DIR|-)...: only the libvirt domain XML, one document per VM, ready
// for `virsh define --validate` or a diff. A VM that will not run (any verdict but `runs`) gets no
// XML: one line on stderr, file:line: kind namespace/name: verdict: reason, and one line per
// KubeVirt cause at its file:line:col. The exit code is explain's: 1 when any VM will not run.

import { explainAll, loadObjects, loadProfile } from '@l1vh/core';
import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import type { CliIO } from '../io.js';
import { readInputs } from '../read-inputs.js';
import { EXIT, printFindings, printProblems } from '../report.js';

export const DOMAIN_HELP = `Usage: kubectl l1vh domain (FILE|DIR|-)... [--profile FILE]... [-n NS] [--vmi-uid UID] [--xml-indent tab]

Prints the libvirt domain XML virt-launcher would define for each VirtualMachine-like object, one
XML document per VM in input order. With several VMs each document is preceded by a comment
naming it (a comment before the root element keeps each document valid on its own).
A VM that will not run (rejected, unschedulable, launch-fails: see explain) prints no XML but
"file:line: kind namespace/name: verdict: reason" on stderr, and each admission cause on its own
line as "file:line:col: field: message"; explain shows the preview KubeVirt would make of it.

Options:
  --profile FILE     cluster profile (as for explain); repeatable
  -n, --namespace NS the namespace of objects without metadata.namespace (as kubectl apply -n)
  --vmi-uid UID      UID for VMIs whose metadata.uid is unknown (default all zeros)
  --xml-indent tab   indent with tabs, as virt-launcher does (default: two spaces)

Exit codes: 0 every VM runs (and has XML); 1 a VM will not run or an input is invalid; 2 usage or
file I/O error (a missing path, a binary or oversized file).
`;

export async function domainCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    profile: COMMON_OPTIONS.profile,
    help: COMMON_OPTIONS.help,
    namespace: COMMON_OPTIONS.namespace,
    'vmi-uid': { type: 'string' },
    'xml-indent': { type: 'string' },
  });
  if (values.help) {
    io.stdout(DOMAIN_HELP);
    return EXIT.OK;
  }
  if (positionals.length === 0) throw new UsageError('domain needs at least one FILE, DIR or - (stdin)');
  if (values['xml-indent'] !== undefined && values['xml-indent'] !== 'tab' && values['xml-indent'] !== 'spaces') throw new UsageError('--xml-indent takes tab or spaces');

  const inputs = await readInputs(positionals, io);
  const profileInputs = await readInputs(values.profile ?? [], io);
  if (profileInputs.problems.length > 0 || inputs.problems.length > 0) {
    printProblems([...profileInputs.problems, ...inputs.problems], io);
    return EXIT.USAGE;
  }
  const loaded = loadObjects(inputs.sources, { namespace: values.namespace });
  const { profile, findings: profileFindings } = loadProfile(profileInputs.sources, loaded.objects);
  if (profileFindings.some((f) => f.severity === 'error')) {
    printFindings(profileFindings, profileInputs.sources, io);
    return EXIT.USAGE;
  }
  const items = explainAll(loaded.objects, profile, {
    ...(values['vmi-uid'] ? { vmiUid: values['vmi-uid'] } : {}),
    indent: values['xml-indent'] === 'tab' ? '\t' : '  ',
  }).map((e) => e.item);
  let failed = 0;
  const several = items.length > 1;
  for (const it of items) {
    const where = `${it.source.file}:${it.source.line}`;
    const who = `${it.kind} ${it.namespace}/${it.name}`;
    if (it.verdict !== 'runs' || it.domainXml === null) {
      failed++;
      io.stderr(`${where}: ${who}: ${it.verdict === 'runs' ? 'no domain XML was produced' : `${it.verdict}: ${oneLine(it.error ?? '')}`}\n`);
      for (const c of it.causes) {
        const at = c.source ? `${c.source.file}:${c.source.line}:${c.source.col}` : where;
        io.stderr(`${at}: ${c.field ? `${c.field}: ` : ''}${oneLine(c.message)}\n`);
      }
      continue;
    }
    const xml = it.domainXml!;
    io.stdout(`${several ? `<!-- ${commentSafe(`${who} (${where})`)} -->\n` : ''}${xml.endsWith('\n') ? xml : xml + '\n'}`);
  }
  printFindings(loaded.findings, inputs.sources, io);
  return failed > 0 || loaded.findings.some((f) => f.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

/** XML comments may not contain "--". */
function commentSafe(s: string): string {
  return s.replace(/--+/g, '-');
}
