// Running VMIs and their virt-launcher pods: what KubeVirt actually did, for verify and report.

import { BACKENDS, CLUSTER_KINDS as RESOURCES, DOMAIN_TYPE_OF, quantityValueOf, type DomainType, type HypervisorId } from '@l1vh/core';
import type { ClusterClient, KubeObject } from '@l1vh/cluster-client';

/** Where virt-controller records its overhead figure on the launcher pod. */
export const OVERHEAD_ANNOTATION = 'kubevirt.io/memory-overhead-bytes';
const LAUNCHER_SELECTOR = 'kubevirt.io=virt-launcher';
const CREATED_BY = 'kubevirt.io/created-by';

export interface LiveVmi {
  vmi: KubeObject;
  namespace: string;
  name: string;
  phase: string;
  nodeName: string | null;
  pod: KubeObject | null;
  /** From the compute container's device limits; null without a launcher pod. */
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  /** The pod annotation, else VMI status.memory.memoryOverhead. */
  overheadBytes: number | null;
}

export async function listLiveVmis(client: ClusterClient, namespace: string | undefined): Promise<LiveVmi[]> {
  const [vmis, pods] = await Promise.all([
    client.list(RESOURCES.vmi, namespace !== undefined ? { namespace } : {}),
    client.list(RESOURCES.pod, { ...(namespace !== undefined ? { namespace } : {}), labelSelector: LAUNCHER_SELECTOR }),
  ]);
  return vmis.map((vmi) => {
    const uid = vmi.metadata?.uid;
    const candidates = pods.filter((p) => uid && (p.metadata?.labels?.[CREATED_BY] === uid || p.metadata?.ownerReferences?.some((o) => o.uid === uid)));
    const pod = candidates.find((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running') ?? candidates[0] ?? null;
    const hypervisor = pod ? hypervisorOfPod(pod) : null;
    const status = (vmi.status ?? {}) as { phase?: string; nodeName?: string; memory?: { memoryOverhead?: string } };
    const annotated = pod?.metadata?.annotations?.[OVERHEAD_ANNOTATION];
    const overheadBytes = annotated !== undefined && /^\d+$/.test(annotated) ? Number(annotated) : bytesOf(status.memory?.memoryOverhead);
    return {
      vmi,
      namespace: vmi.metadata?.namespace ?? 'default',
      name: vmi.metadata?.name ?? '',
      phase: status.phase ?? 'Unknown',
      nodeName: status.nodeName ?? null,
      pod,
      hypervisor,
      domainType: hypervisor ? DOMAIN_TYPE_OF[hypervisor] : null,
      overheadBytes,
    };
  });
}

/** The hypervisor device the compute container asked for; none means emulation (QEMU). */
export function hypervisorOfPod(pod: KubeObject): HypervisorId {
  const containers = ((pod.spec as { containers?: { name?: string; resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> } }[] } | undefined)?.containers) ?? [];
  const compute = containers.find((c) => c.name === 'compute') ?? containers[0];
  const res = { ...(compute?.resources?.requests ?? {}), ...(compute?.resources?.limits ?? {}) };
  if (res[BACKENDS.mshv.resource] !== undefined) return 'mshv';
  if (res[BACKENDS.kvm.resource] !== undefined) return 'kvm';
  return 'qemu';
}

/** A memory quantity in bytes (Quantity.Value()); null when absent or unreadable. */
function bytesOf(q: string | number | undefined): number | null {
  const v = quantityValueOf(q);
  return v === null ? null : Number(v);
}
