// The live cluster's VMs and VMIs as whatif inputs: each as `explain vm/NAME` reads it (spec
// and identity, no status), plus today's node of every VMI that holds one. A VMI owned by a
// listed VirtualMachine is that VM's running instance: the VM is the input, the VMI its node.

import { CLUSTER_KINDS as RESOURCES, inputObject, type KubeObject, type SourceText } from '@l1vh/core';
import type { ClusterClient } from '@l1vh/cluster-client';

export interface LiveFleet {
  sources: SourceText[];
  /** `namespace/name` of the input → the node its running VMI is on. */
  runningOn: Map<string, string>;
}

/** Phases after which a VMI's pod no longer holds its node. */
const FINAL_PHASES = new Set(['Succeeded', 'Failed']);

const idOf = (o: KubeObject): string => `${o.metadata?.namespace ?? 'default'}/${o.metadata?.name ?? ''}`;

export async function listLiveFleet(client: ClusterClient, namespace: string | undefined): Promise<LiveFleet> {
  const scope = namespace !== undefined ? { namespace } : {};
  const [vms, vmis] = await Promise.all([client.list(RESOURCES.vm, scope), client.list(RESOURCES.vmi, scope)]);
  const vmIds = new Set(vms.map(idOf));
  const source = (kind: string, short: string, o: KubeObject): SourceText => ({
    path: `${short}/${o.metadata?.namespace ?? 'default'}/${o.metadata?.name ?? ''}`,
    text: '',
    value: inputObject({ ...o, apiVersion: 'kubevirt.io/v1', kind }),
  });
  const sources = vms.map((vm) => source(RESOURCES.vm.kind, 'vm', vm));
  const runningOn = new Map<string, string>();
  for (const vmi of vmis) {
    const owner = vmi.metadata?.ownerReferences?.find((r) => r.kind === 'VirtualMachine')?.name;
    const ownerId = owner !== undefined ? `${vmi.metadata?.namespace ?? 'default'}/${owner}` : undefined;
    const status = (vmi.status ?? {}) as { nodeName?: unknown; phase?: unknown };
    const holdsNode = typeof status.nodeName === 'string' && status.nodeName !== '' && !FINAL_PHASES.has(String(status.phase));
    const id = ownerId !== undefined && vmIds.has(ownerId) ? ownerId : idOf(vmi);
    if (holdsNode) runningOn.set(id, status.nodeName as string);
    if (id === idOf(vmi) && !vmIds.has(id)) sources.push(source(RESOURCES.vmi.kind, 'vmi', vmi));
  }
  return { sources, runningOn };
}
