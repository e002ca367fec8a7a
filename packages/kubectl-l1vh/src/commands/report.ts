// kubectl l1vh report: the cluster's VMIs counted by hypervisor (from their launcher pods'
// device resources) and by L1VH fallback reason, as OpenMetrics text or a table.

import { HYPERVISOR_LABELS, mshvIntent, type HypervisorId } from '@l1vh/core';
import { COMMON_OPTIONS, parse, UsageError } from '../args.js';
import { connectCluster } from '../cluster/connect.js';
import { FALLBACK_REASONS, fallbackReason, type FallbackReason } from '../cluster/fallback.js';
import { listLiveVmis } from '../cluster/launcher-pods.js';
import { liveProfileSources, profileOrExit } from '../cluster/profile-source.js';
import { formatOpenMetrics } from '../formatters/openmetrics.js';
import { formatTable } from '../formatters/table.js';
import type { CliIO } from '../io.js';
import { EXIT } from '../report.js';

export const REPORT_HELP = `Usage: kubectl l1vh report [-o openmetrics|table] [-n NS] [cluster flags]

Counts the cluster's VMIs by the hypervisor their virt-launcher pod requested
(devices.kubevirt.io/mshv → mshv, /kvm → kvm, neither → qemu) and, where the cluster is
configured for MSHV, by the reason a VMI did not get it:

  kubevirt_vmi_hypervisor_type{hypervisor="mshv|kvm|qemu"}      (gauges: current counts)
  kubevirt_vmi_l1vh_fallback{reason="${Object.keys(FALLBACK_REASONS).join('|')}"}

Options:
  -o, --output FMT          table (default) or openmetrics (text exposition, ends with # EOF)
  -n, --namespace NS        only VMIs in NS (default: all namespaces)
  --kubeconfig, --context, --cluster, --request-timeout, -v   as kubectl
`;

const HYPERVISORS: readonly HypervisorId[] = ['mshv', 'kvm', 'qemu'];

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS);
  if (values.help) {
    io.stdout(REPORT_HELP);
    return EXIT.OK;
  }
  const format = values.output ?? 'table';
  if (format !== 'table' && format !== 'openmetrics') throw new UsageError(`unknown output format "${format}" (valid: openmetrics, table)`);
  if (positionals.length > 0) throw new UsageError(`report takes no arguments (got "${positionals[0]}")`);
  if (values.profile) throw new UsageError('report counts live VMIs; --profile does not apply');

  const client = await connectCluster(values, io);
  const [sources, live] = await Promise.all([liveProfileSources(client, io), listLiveVmis(client, values.namespace)]);
  const resolved = profileOrExit(sources, [], io);
  if ('exit' in resolved) return resolved.exit;
  // Only the intent: the readiness summary would explain a default VM against every node.
  const intent = mshvIntent(resolved.profile);
  const byHypervisor = new Map<HypervisorId, number>(HYPERVISORS.map((h) => [h, 0]));
  const byReason = new Map<FallbackReason, number>((Object.keys(FALLBACK_REASONS) as FallbackReason[]).map((r) => [r, 0]));
  for (const v of live) {
    if (v.hypervisor) byHypervisor.set(v.hypervisor, byHypervisor.get(v.hypervisor)! + 1);
    const reason = fallbackReason(v, intent);
    if (reason) byReason.set(reason, byReason.get(reason)! + 1);
  }

  if (format === 'openmetrics') {
    io.stdout(
      formatOpenMetrics([
        { name: 'kubevirt_vmi_hypervisor_type', type: 'gauge', help: 'Current VMIs by the hypervisor their virt-launcher pod requested.', samples: HYPERVISORS.map((h) => ({ labels: { hypervisor: h }, value: byHypervisor.get(h)! })) },
        { name: 'kubevirt_vmi_l1vh_fallback', type: 'gauge', help: 'Current VMIs that did not get MSHV although the cluster is configured for it, by reason.', samples: [...byReason].map(([reason, value]) => ({ labels: { reason }, value })) },
      ]),
    );
  } else {
    io.stdout(formatTable(['HYPERVISOR', 'VMIS', ''], HYPERVISORS.map((h) => [h, String(byHypervisor.get(h)), HYPERVISOR_LABELS[h]])));
    const reasons = [...byReason].filter(([, n]) => n > 0);
    io.stdout('\n' + (reasons.length > 0 ? formatTable(['FALLBACK REASON', 'VMIS', ''], reasons.map(([r, n]) => [r, String(n), FALLBACK_REASONS[r]])) : 'No L1VH fallbacks.\n'));
  }
  return EXIT.OK;
}
