// kubectl l1vh snapshot > cluster.yaml: the live cluster as a profile file for --profile.

import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import { stringify } from 'yaml';
import { connectCluster } from '../cluster/connect.js';
import { readLive } from '../cluster/profile-source.js';
import type { CliIO } from '../io.js';
import { EXIT } from '../report.js';

export const SNAPSHOT_HELP = `Usage: kubectl l1vh snapshot [-o yaml|json] [cluster flags] > cluster.yaml

Captures what l1vh needs from the cluster as one v1/List: the KubeVirt CR, Nodes, Namespaces,
ResourceQuotas, PVCs, DataVolumes, VirtualMachine(Cluster)Instancetypes and -Preferences, from
all namespaces. Bookkeeping (managedFields, uid, resourceVersion, timestamps,
last-applied-configuration) and node images, conditions and addresses are stripped; Secrets are
never read. Use the file offline with --profile cluster.yaml.

Options:
  -o, --output FMT          yaml (default) or json
  --kubeconfig, --context, --cluster, --request-timeout, -v   as kubectl
`;

export async function snapshotCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS);
  if (values.help) {
    io.stdout(SNAPSHOT_HELP);
    return EXIT.OK;
  }
  const format = values.output ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`unknown output format "${format}" (valid: yaml, json)`);
  if (positionals.length > 0) throw new UsageError(`snapshot takes no arguments (got "${positionals[0]}")`);
  if (values.profile) throw new UsageError('snapshot reads the cluster; --profile does not apply');
  const client = await connectCluster(values, io);
  const list = { apiVersion: 'v1', kind: 'List', items: (await readLive(client, io)).objects };
  io.stdout(format === 'json' ? JSON.stringify(list, null, 2) + '\n' : stringify(list, { lineWidth: 0 }));
  return EXIT.OK;
}
