// virt-controller's network-binding overhead (pkg/network/resources/memory.go), added after
// GetMemoryOverhead (and after its ratio): 250Mi when any interface uses passtBinding, plus the
// computeResourceOverhead.requests.memory of each distinct registered binding plugin in use.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../profile/kubevirt-config.js';
import { add, mustParse, parseQuantity, ZERO_QUANTITY, type Quantity } from '../quantity/index.js';
import { MI, OVERHEAD_MI } from './overhead-constants.js';

export interface NetworkOverheadTerm {
  id: string;
  label: string;
  quantity: Quantity;
  cause: string;
  /** Index of the interface that caused it. */
  interfaceIndex: number;
}

export function networkOverheadTerms(vmi: VirtualMachineInstance, config: KubeVirtConfig): NetworkOverheadTerm[] {
  const interfaces = vmi.spec.domain.devices.interfaces ?? [];
  const terms: NetworkOverheadTerm[] = [];
  const passt = interfaces.findIndex((i) => i.passtBinding !== undefined && i.passtBinding !== null);
  if (passt >= 0) {
    terms.push({ id: 'passt', label: 'passt binding (all ports forwarded)', quantity: mustParse(`${OVERHEAD_MI.passt}Mi`), cause: `interface ${interfaces[passt]!.name} uses passtBinding`, interfaceIndex: passt });
  }
  const registered = config.network.binding ?? {};
  const seen = new Set<string>();
  interfaces.forEach((iface, index) => {
    const name = iface.binding?.name;
    if (name === undefined || seen.has(name) || !Object.prototype.hasOwnProperty.call(registered, name)) return;
    seen.add(name);
    const raw = registered[name]?.computeResourceOverhead?.requests?.['memory'];
    const parsed = raw === undefined ? null : parseQuantity(raw);
    const quantity = parsed?.ok ? parsed.quantity : ZERO_QUANTITY;
    if (quantity.mantissa === 0n) return;
    terms.push({ id: `binding-plugin:${name}`, label: `network binding plugin ${name}`, quantity, cause: `network.binding.${name}.computeResourceOverhead.requests.memory`, interfaceIndex: index });
  });
  return terms;
}

/** The sum memory.go returns (a zero Quantity{} when nothing applies). */
export function networkOverheadSum(terms: readonly NetworkOverheadTerm[]): Quantity {
  return terms.reduce((acc, t) => add(acc, t.quantity), ZERO_QUANTITY);
}

export const PASST_OVERHEAD_BYTES = OVERHEAD_MI.passt * MI;
