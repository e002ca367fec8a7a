// Which node each VM's virt-launcher pod occupies, and what that adds up to per node. The
// assumption, stated once (PLACEMENT_RULE) and applied the same way before and after:
// - a VM runs only when its verdict is `runs`, and only as many pods as it would start (a VMI:
//   1; a VM: 1 when its run strategy starts it or it has a running VMI; pools and replica sets:
//   spec.replicas);
// - a running VMI stays on today's node (status.nodeName) — after the change too, while that
//   node is still eligible for it;
// - every other pod goes, in input order, to the first node explain finds eligible (arch,
//   nodeSelector, affinity, taints, cordon, device resources) where it still fits in the
//   node's allocatable; when none has room, to the first eligible node, which is then over-committed.
// Requests are the compute container's (requests, else limits, as Kubernetes defaults them),
// plus one pod; only resources the node lists in allocatable (and every devices.kubevirt.io/*
// resource, absent meaning 0) are compared. Other pods on the node are not known to a profile.

import type { Node } from '../api/k8s-types.js';
import type { ExplainItem } from '../explain/explain.js';
import type { Sourced } from '../profile/cluster-profile.js';
import { add, canonicalQuantity, cmp, newQuantity, readQuantity, value, ZERO_QUANTITY, type Quantity } from '../quantity/index.js';
import type { Verdict } from '../explain/verdict.js';

export const PLACEMENT_RULE =
  "running VMIs stay on today's node (status.nodeName) while it is eligible; every other started VM goes, in input order, to the first node explain finds eligible that still has room in its allocatable (else the first eligible node, then over-committed); VMs that do not run, and stopped VMs, occupy nothing";

export interface PlacementVm {
  /** `namespace/name`, for reports. */
  id: string;
  /** Pods the object runs when started (0: stopped). */
  pods: number;
  /** Today's node of its running VMI, if any. */
  runningOn: string | null;
  item: ExplainItem;
  verdict: Verdict;
}

export interface NodeLoad {
  node: string;
  /** The node's allocatable as the profile writes it. */
  allocatable: Record<string, string>;
  /** `namespace/name` of each pod placed here (a pool's replicas repeat the pool). */
  vms: string[];
  /** Summed requests of those pods, plus `pods`. */
  requests: Record<string, string>;
  /** Resources whose requests exceed allocatable. */
  overcommitted: string[];
}

export interface Placement {
  nodes: NodeLoad[];
  /** Per VM (input order): the node of each of its pods. */
  nodesOf: string[][];
}

const POD = 'pods';
const DEVICE_PREFIX = 'devices.kubevirt.io/';

/** The compute container's effective requests: limits stand in for absent requests (Kubernetes' defaulting). */
export function podRequests(item: ExplainItem): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const res = item.launcherResources;
  for (const [k, v] of Object.entries({ ...(res?.limits ?? {}), ...(res?.requests ?? {}) })) {
    const q = readQuantity(v);
    if (q) out.set(k, q);
  }
  out.set(POD, newQuantity(1, 'DecimalSI'));
  return out;
}

interface Bin {
  node: string;
  allocatable: Map<string, Quantity>;
  allocatableText: Record<string, string>;
  used: Map<string, Quantity>;
  vms: string[];
}

/** Places every pod of every VM on the given side's nodes. */
export function placeFleet(vms: readonly PlacementVm[], nodes: readonly Sourced<Node>[]): Placement {
  const bins: Bin[] = nodes.map((n) => ({ node: n.value.metadata.name ?? '', allocatable: allocatableOf(n.value), allocatableText: allocatableTextOf(n.value), used: new Map(), vms: [] }));
  const byName = new Map(bins.map((b) => [b.node, b]));
  const nodesOf: string[][] = vms.map(() => []);
  const put = (i: number, bin: Bin, req: Map<string, Quantity>): void => {
    for (const [k, q] of req) bin.used.set(k, add(bin.used.get(k) ?? ZERO_QUANTITY, q));
    bin.vms.push(vms[i]!.id);
    nodesOf[i]!.push(bin.node);
  };
  const pending: { i: number; req: Map<string, Quantity> }[] = [];
  vms.forEach((vm, i) => {
    if (vm.verdict !== 'runs' || vm.pods <= 0) return;
    const req = podRequests(vm.item);
    const today = vm.runningOn ? byName.get(vm.runningOn) : undefined;
    const stays = today && vm.item.nodes.some((n) => n.node === today.node && n.eligible);
    for (let p = 0; p < vm.pods; p++) {
      if (p === 0 && today && stays) put(i, today, req);
      else pending.push({ i, req });
    }
  });
  // Pinned pods first (they are there already), then the rest in input order.
  for (const { i, req } of pending) {
    const eligible = vms[i]!.item.nodes.filter((n) => n.eligible).map((n) => byName.get(n.node)).filter((b): b is Bin => !!b);
    const bin = eligible.find((b) => fits(b, req)) ?? eligible[0];
    if (bin) put(i, bin, req);
  }
  return { nodes: bins.map(toLoad), nodesOf };
}

function allocatableOf(node: Node): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(node.status?.allocatable ?? {})) {
    const q = readQuantity(v as string | number);
    if (q) out.set(k, q);
  }
  return out;
}

/** As the profile writes it (what `kubectl get node -o yaml` shows). */
function allocatableTextOf(node: Node): Record<string, string> {
  return Object.fromEntries(Object.entries(node.status?.allocatable ?? {}).filter(([, v]) => readQuantity(v as string | number)).map(([k, v]) => [k, String(v)]));
}

/** The capacity a resource has on the node; undefined when the profile does not say (not compared). */
function capacityOf(bin: Bin, resource: string): Quantity | undefined {
  return bin.allocatable.get(resource) ?? (resource.startsWith(DEVICE_PREFIX) ? ZERO_QUANTITY : undefined);
}

function fits(bin: Bin, req: Map<string, Quantity>): boolean {
  for (const [k, q] of req) {
    const cap = capacityOf(bin, k);
    if (cap && cmp(add(bin.used.get(k) ?? ZERO_QUANTITY, q), cap) > 0) return false;
  }
  return true;
}

function toLoad(bin: Bin): NodeLoad {
  const over = [...bin.used].filter(([k, q]) => {
    const cap = capacityOf(bin, k);
    return cap !== undefined && cmp(q, cap) > 0;
  });
  return {
    node: bin.node,
    allocatable: bin.allocatableText,
    vms: bin.vms,
    requests: Object.fromEntries([...bin.used].sort(([a], [b]) => a.localeCompare(b)).map(([k, q]) => [k, canonicalQuantity(q)])),
    overcommitted: over.map(([k]) => k).sort(),
  };
}

/** A memory quantity in bytes (rounded up as Quantity.Value()); 0 when absent. */
export function memoryBytes(q: string | undefined): number {
  const p = readQuantity(q);
  return p ? Number(value(p)) : 0;
}
