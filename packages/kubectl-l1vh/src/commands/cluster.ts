// kubectl l1vh cluster: is the targeted cluster (or --profile) ready for L1VH?

import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import type { ProfileSummary } from '@l1vh/core';
import { profileOrExit, readProfileSources } from '../cluster/profile-source.js';
import { formatClusterText } from '../formatters/cluster-text.js';
import type { CliIO } from '../io.js';
import { EXIT } from '../report.js';

export const CLUSTER_HELP = `Usage: kubectl l1vh cluster [--profile FILE]... [-o text|json] [cluster flags]

Readiness of the cluster for Hyper-V L1VH: KubeVirt version, feature gates and hypervisor
configuration (and which semantics apply), and per node the architecture, allocatable
devices.kubevirt.io/mshv and /kvm, whether VMs can be scheduled there (kubevirt.io/schedulable
label, cordon, taints) and what a new default VM would get.

Options:
  --profile FILE            read a profile (e.g. from 'kubectl l1vh snapshot') instead of the cluster
  -o, --output FMT          text (default) or json
  --kubeconfig, --context, --cluster, --request-timeout, -v   as kubectl

Exit codes: 0 ready for L1VH, 1 not ready, 2 usage, 3 the cluster could not be read.
`;

const FORMATS: Record<string, (r: ProfileSummary) => string> = {
  text: formatClusterText,
  json: (r) => JSON.stringify(r, null, 2) + '\n',
};

export async function clusterCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS);
  if (values.help) {
    io.stdout(CLUSTER_HELP);
    return EXIT.OK;
  }
  const format = values.output ?? 'text';
  const formatter = FORMATS[format];
  if (!formatter) throw new UsageError(`unknown output format "${format}" (valid: ${Object.keys(FORMATS).join(', ')})`);
  if (positionals.length > 0) throw new UsageError(`cluster takes no arguments (got "${positionals[0]}")`);
  const sources = await readProfileSources(values.profile, values, io);
  if ('exit' in sources) return sources.exit;
  const resolved = profileOrExit(sources, [], io);
  if ('exit' in resolved) return resolved.exit;
  const readiness = resolved.summary;
  io.stdout(formatter(readiness));
  return readiness.ready ? EXIT.OK : EXIT.FINDINGS;
}
