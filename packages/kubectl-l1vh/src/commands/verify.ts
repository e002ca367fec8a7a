// kubectl l1vh verify: for running VMIs, does our prediction match what KubeVirt did?
// Compares the domain type with the launcher pod's hypervisor device and the overhead with
// virt-controller's kubevirt.io/memory-overhead-bytes annotation.

import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import { listLiveVmis } from '../cluster/launcher-pods.js';
import { predict } from '../cluster/predict.js';
import { liveProfileSources, profileOrExit } from '../cluster/profile-source.js';
import { connectCluster } from '../cluster/connect.js';
import { formatTable } from '../formatters/table.js';
import type { CliIO } from '../io.js';
import { EXIT } from '../report.js';

export const VERIFY_HELP = `Usage: kubectl l1vh verify [-n NS | -A] [-o text|json] [cluster flags]

For each running VMI, compares l1vh's prediction with what KubeVirt did: the libvirt domain type
(from the launcher pod's devices.kubevirt.io/mshv|kvm limit on the compute container; neither
means QEMU emulation) and the memory overhead (the pod's kubevirt.io/memory-overhead-bytes
annotation, else VMI status.memory.memoryOverhead).

Options:
  -n, --namespace NS        VMIs in NS (default: the kubeconfig context's namespace)
  -A, --all-namespaces      VMIs in every namespace
  -o, --output FMT          text (default) or json
  --kubeconfig, --context, --cluster, --request-timeout, -v   as kubectl

Exit codes: 0 every comparison agrees, 1 a disagreement, 2 usage, 3 the cluster could not be read.
`;

type Verdict = 'agree' | 'differ' | 'unknown';

export interface VerifyRow {
  namespace: string;
  name: string;
  node: string | null;
  phase: string;
  domainType: { predicted: string | null; actual: string | null; verdict: Verdict };
  overheadBytes: { predicted: number | null; actual: number | null; verdict: Verdict };
}

const verdict = <T>(p: T | null, a: T | null): Verdict => (p === null || a === null ? 'unknown' : p === a ? 'agree' : 'differ');

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS);
  if (values.help) {
    io.stdout(VERIFY_HELP);
    return EXIT.OK;
  }
  const format = values.output ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown output format "${format}" (valid: text, json)`);
  if (positionals.length > 0) throw new UsageError(`verify takes no arguments (got "${positionals[0]}")`);
  if (values.profile) throw new UsageError('verify compares with the live cluster; --profile does not apply');
  if (values['all-namespaces'] && values.namespace !== undefined) throw new UsageError('use -n NS or -A, not both');

  const client = await connectCluster(values, io);
  const namespace = values['all-namespaces'] ? undefined : client.namespace;
  const [sources, live] = await Promise.all([liveProfileSources(client, io), listLiveVmis(client, namespace)]);
  const resolved = profileOrExit(sources, [], io);
  if ('exit' in resolved) return resolved.exit;
  const profile = resolved.profile;
  const rows: VerifyRow[] = live
    .filter((v) => v.pod !== null)
    .map((v) => {
      const p = predict(v, profile);
      return {
        namespace: v.namespace,
        name: v.name,
        node: v.nodeName,
        phase: v.phase,
        domainType: { predicted: p.domainType ?? (p.error ? `fails: ${p.error}` : null), actual: v.domainType, verdict: p.error ? 'differ' : verdict(p.domainType, v.domainType) },
        overheadBytes: { predicted: p.overheadBytes, actual: v.overheadBytes, verdict: verdict(p.overheadBytes, v.overheadBytes) },
      };
    });

  if (format === 'json') io.stdout(JSON.stringify({ server: client.server, namespace: namespace ?? null, items: rows }, null, 2) + '\n');
  else if (rows.length === 0) io.stdout(`No running VMIs with a virt-launcher pod ${namespace === undefined ? 'in any namespace' : `in namespace ${namespace}`}.\n`);
  else {
    io.stdout(
      formatTable(
        ['NAMESPACE', 'NAME', 'NODE', 'DOMAIN (predicted/actual)', '', 'OVERHEAD BYTES (predicted/actual)', ''],
        rows.map((r) => [r.namespace, r.name, r.node ?? '-', `${r.domainType.predicted ?? '?'}/${r.domainType.actual ?? '?'}`, r.domainType.verdict, `${r.overheadBytes.predicted ?? '?'}/${r.overheadBytes.actual ?? '?'}`, r.overheadBytes.verdict]),
      ),
    );
    const agree = rows.filter((r) => r.domainType.verdict === 'agree').length;
    const oAgree = rows.filter((r) => r.overheadBytes.verdict === 'agree').length;
    io.stdout(`\n${rows.length} VMI(s): domain type agrees for ${agree}, overhead agrees for ${oAgree}.\n`);
  }
  return rows.some((r) => r.domainType.verdict === 'differ' || r.overheadBytes.verdict === 'differ') ? EXIT.FINDINGS : EXIT.OK;
}
