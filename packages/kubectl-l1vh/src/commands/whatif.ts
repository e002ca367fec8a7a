// kubectl l1vh whatif [FILE|DIR|-|vm/NAME|vmi/NAME]... CHANGE...: what happens to every VM when
// the cluster changes. Parses flags, gathers inputs and the profile as explain does, calls
// core's whatIf and prints.

import { CHANGE_KINDS, isVmLike, loadObjects, locateWhatIf, parseChange, sourceFiles, whatIf, type Change, type ChangeKind } from '@l1vh/core';
import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import { readInputsWithCluster } from '../cluster-inputs.js';
import { connectCluster, type ClusterFlags } from '../cluster/connect.js';
import { listLiveFleet } from '../cluster/live-fleet.js';
import { liveProfileSources, profileOrExit, readProfileSources, type ProfileSources } from '../cluster/profile-source.js';
import { WHATIF_FORMATS, type WhatIfFormat } from '../formatters/whatif-index.js';
import type { CliIO } from '../io.js';
import type { Inputs } from '../read-inputs.js';
import { EXIT, printFindings, printProblems } from '../report.js';
import { tuneForThroughput } from '../v8-tuning.js';

export const WHATIF_HELP = `Usage: kubectl l1vh whatif [FILE|DIR|-|vm/NAME|vmi/NAME]... CHANGE... [--profile FILE]... [-o text|json] [--show-xml-diff]

What happens to every VM when the cluster changes: per VM, before → after (verdict, hypervisor
and domain type, memory overhead, launcher requests and limits, the decision step that changed);
per node, the launcher-pod requests that would land there against its allocatable; a summary.
"After" is exactly what explain gives on the profile edited to the change.

Changes (at least one; each flag once, --feature-gate and --node-device repeatable):
  --hypervisor kvm|hyperv-direct        spec.configuration.hypervisors[0].name
  --feature-gate NAME=on|off            e.g. ConfigurableHypervisor=on, HyperVL1VH=off
  --use-emulation on|off                spec.configuration.developerConfiguration.useEmulation
  --kubevirt-version v1.8|v1.9|main     an upgrade or a rollback (status.observedKubeVirtVersion)
  --node-device NODE=mshv|kvm|none      the node's allocatable devices.kubevirt.io/mshv|kvm
                                        (a pool re-imaged or replaced); NODE "all" for every node

Inputs: files, directories, - (stdin), vm/NAME and vmi/NAME as for explain. With none, the VMs
and VMIs in the --profile files are the inputs, or else those of the live cluster (every
namespace, or -n NS) with the live cluster as profile.

Placement: running VMIs stay on today's node (status.nodeName) while it is eligible; every other
started VM goes to the first node explain finds eligible with room left in its allocatable.

Options:
  --profile FILE     cluster profile (as for explain); repeatable
  -o, --output FMT   text (default) or json (docs/whatif-json.md)
  --show-xml-diff    text: the domain XML diff of each VM whose XML changes
  --vmi-uid UID      UID for VMIs whose metadata.uid is unknown (default all zeros)
  --kubeconfig, --context, --cluster, -n, --request-timeout, -v   as kubectl

Exit codes: 0 no VM that runs before stops running after; 1 one does (or an input manifest is
invalid, or a vm/NAME is not found); 2 usage, profile or file I/O error (a missing path, a binary
or oversized file, an unknown --node-device node); 3 the cluster could not be read.
`;

const CHANGE_OPTIONS = {
  hypervisor: { type: 'string' },
  'feature-gate': { type: 'string', multiple: true },
  'use-emulation': { type: 'string' },
  'kubevirt-version': { type: 'string' },
  'node-device': { type: 'string', multiple: true },
} as const;

export async function whatifCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...COMMON_OPTIONS,
    ...CHANGE_OPTIONS,
    'show-xml-diff': { type: 'boolean' },
    'vmi-uid': { type: 'string' },
  });
  if (values.help) {
    io.stdout(WHATIF_HELP);
    return EXIT.OK;
  }
  const format = (values.output ?? 'text') as WhatIfFormat;
  if (!(format in WHATIF_FORMATS)) throw new UsageError(`unknown output format "${format}" (valid: ${Object.keys(WHATIF_FORMATS).join(', ')})`);
  const changes = parseChanges(values);
  if (changes.length === 0) throw new UsageError('whatif needs at least one change (--hypervisor, --feature-gate, --use-emulation, --kubevirt-version, --node-device)');

  const gathered = await gatherInputs(positionals, values, io);
  if ('exit' in gathered) return gathered.exit;
  const { inputs } = gathered;
  const loaded = loadObjects(inputs.sources, gathered.fromProfile ? {} : { namespace: values.namespace });
  const objects = loaded.objects.filter((o) => isVmLike(o.kind));
  // Texts by bytes; live fleet and vm/NAME sources are values (no text): counted by VMs.
  tuneForThroughput({ bytes: inputs.sources.reduce((n, s) => n + s.text.length, 0), objects: objects.length });
  const resolved = profileOrExit(gathered.profile, gathered.fromProfile ? [] : loaded.objects, io);
  if ('exit' in resolved) return resolved.exit;
  const profile = resolved.profile;
  const out = whatIf({ profile, objects, changes, runningOn: gathered.runningOn, explain: values['vmi-uid'] ? { vmiUid: values['vmi-uid'] } : {} });
  if (!out.ok) throw new UsageError(out.message);
  const result = locateWhatIf(out.result, sourceFiles(loaded.files, profile));
  io.stdout(WHATIF_FORMATS[format]({ result, showXmlDiff: values['show-xml-diff'] === true }));
  printProblems(inputs.problems, io);
  if (!gathered.fromProfile) printFindings(loaded.findings, inputs.sources, io);
  // A path that cannot be read (missing, binary, too large) is an I/O error, as in explain.
  if (inputs.problems.some((p) => !p.notFound)) return EXIT.USAGE;
  const invalid = inputs.problems.length > 0 || (!gathered.fromProfile && loaded.findings.some((f) => f.severity === 'error'));
  return result.summary.stopRunning > 0 || invalid ? EXIT.FINDINGS : EXIT.OK;
}

type ChangeValues = { [K in keyof typeof CHANGE_OPTIONS]?: (typeof CHANGE_OPTIONS)[K] extends { multiple: true } ? string[] : string };

function parseChanges(values: ChangeValues): Change[] {
  const changes: Change[] = [];
  for (const kind of CHANGE_KINDS) {
    const raw = values[kind as keyof ChangeValues];
    for (const text of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
      const parsed = parseChange(kind as ChangeKind, text);
      if (!parsed.ok) throw new UsageError(parsed.message);
      changes.push(parsed.change);
    }
  }
  return changes;
}

interface Gathered {
  inputs: Inputs;
  profile: ProfileSources;
  /** The inputs are the profile files' own VMs (already part of the profile). */
  fromProfile: boolean;
  runningOn: Map<string, string>;
}

/** Inputs and profile sources exactly as explain gathers them; with no inputs, the profile's or the live cluster's VMs. */
async function gatherInputs(positionals: string[], values: ClusterFlags & { profile?: string[] | undefined; 'all-namespaces'?: boolean | undefined }, io: CliIO): Promise<Gathered | { exit: number }> {
  if (positionals.length > 0) {
    const { inputs, client } = await readInputsWithCluster(positionals, values, io);
    const profile = await readProfileSources(values.profile, client, io);
    if ('exit' in profile) return profile;
    return { inputs, profile, fromProfile: false, runningOn: new Map() };
  }
  if (values.profile && values.profile.length > 0) {
    const profile = await readProfileSources(values.profile, null, io);
    if ('exit' in profile) return profile;
    return { inputs: { sources: [...profile.texts], problems: [] }, profile, fromProfile: true, runningOn: new Map() };
  }
  if (values['all-namespaces'] && values.namespace !== undefined) throw new UsageError('use -n NS or -A, not both');
  const client = await connectCluster(values, io);
  const [profile, fleet] = await Promise.all([liveProfileSources(client, io), listLiveFleet(client, values.namespace !== undefined ? client.namespace : undefined)]);
  return { inputs: { sources: fleet.sources, problems: [] }, profile, fromProfile: false, runningOn: fleet.runningOn };
}
