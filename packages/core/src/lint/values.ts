// Small readers for untyped manifest values: rules see user input, which may have any shape.

import { isRecord } from '../parse/object-ref.js';
import type { PathSegment } from '../parse/position-index.js';

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof seg === 'number') v = Array.isArray(v) ? v[seg] : undefined;
    else v = isRecord(v) ? v[seg] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

export function arrayAt(root: unknown, path: readonly PathSegment[]): unknown[] {
  const v = valueAt(root, path);
  return Array.isArray(v) ? v : [];
}

/** KubeVirt's isFeatureStateEnabled: present, and `enabled` not false. */
export function featureOn(v: unknown): boolean {
  return isRecord(v) && v.enabled !== false;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, m: 1e-3 };

/** Bytes of a Kubernetes memory quantity ("128Mi", "1G", 1073741824), or undefined. */
export function quantityBytes(q: unknown): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const m = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?$/.exec(q.trim());
  if (!m) return undefined;
  const unit = m[2] ?? '';
  const factor = BINARY[unit] ?? DECIMAL[unit];
  return factor === undefined ? undefined : Math.ceil(Number(m[1]) * factor);
}

export function formatMi(bytes: number): string {
  const mi = bytes / 2 ** 20;
  return Number.isInteger(mi) ? `${mi}Mi` : `${mi.toFixed(1)}Mi`;
}
