// Reading user input the way Go's decoded structs present it to KubeVirt's validators: a missing
// or mistyped field is the Go zero value (decoding errors are reported by their own stage), and a
// ResourceList's Cpu()/Memory() is a zero quantity when absent.

import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import { ZERO_QUANTITY, milliValue, value, type Quantity } from '../../quantity/quantity.js';
import { canonicalQuantityText, readQuantity } from '../../quantity/text.js';

/** A uint32/int field: the number, or 0. */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A string field: the string, or ''. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A pointer-to-struct field: the object when set (an empty `{}` counts), else undefined. */
export function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A slice field: the array, or []. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** `*bool` FeatureState-style: `undefined` when unset. */
export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

export type ResourceKind = 'requests' | 'limits';

/** spec.domain.resources.<kind>.<name> as text, when present. */
function resourceText(spec: VirtualMachineInstanceSpec, kind: ResourceKind, name: string): string | number | undefined {
  const list = obj(obj(spec.domain?.resources)?.[kind]);
  const v = list?.[name];
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

/** ResourceList.Name(name): the quantity, or a zero one when absent (or not a quantity). */
export function resource(spec: VirtualMachineInstanceSpec, kind: ResourceKind, name: string): Quantity {
  return readQuantity(resourceText(spec, kind, name)) ?? ZERO_QUANTITY;
}

/** Whether the ResourceList has the key at all (`_, ok := list[name]`). */
export function hasResource(spec: VirtualMachineInstanceSpec, kind: ResourceKind, name: string): boolean {
  return resourceText(spec, kind, name) !== undefined;
}

/** How `%s` prints ResourceList.Name(name): the canonical text, "0" when absent. */
export function resourceString(spec: VirtualMachineInstanceSpec, kind: ResourceKind, name: string): string {
  const t = resourceText(spec, kind, name);
  return t === undefined || readQuantity(t) === null ? '0' : canonicalQuantityText(t);
}

/** A `*resource.Quantity` field: parsed, or undefined when unset. */
export function quantity(v: unknown): Quantity | undefined {
  return typeof v === 'string' || typeof v === 'number' ? (readQuantity(v) ?? undefined) : undefined;
}

/** How `%s` prints a `*resource.Quantity` that is set. */
export function quantityString(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? canonicalQuantityText(v) : '0';
}

export { milliValue, value };
