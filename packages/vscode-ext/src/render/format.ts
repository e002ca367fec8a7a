// Small text helpers shared by hover, CodeLens, preview and status bar (the verdict line is verdict.ts).

import type { ExplainItem, HypervisorId } from '@l1vh/core';

const MI = 1024 * 1024;

/** Bytes as Mi (one decimal when not whole), the unit KubeVirt users read overhead in. */
export function mebibytes(bytes: number): string {
  const mi = bytes / MI;
  return Number.isInteger(mi) ? `${mi}Mi` : `${mi.toFixed(1)}Mi`;
}

/** A quantity as Kubernetes prints it; plain byte counts are shown in Mi. */
export function quantity(q: string | undefined): string | undefined {
  if (q === undefined) return undefined;
  return /^\d+$/.test(q) && Number(q) >= MI ? mebibytes(Number(q)) : q;
}

export const SHORT_HYPERVISOR: Readonly<Record<HypervisorId, string>> = {
  mshv: 'MSHV (L1VH)',
  kvm: 'KVM',
  qemu: 'QEMU (emulated)',
};

export function vmTitle(item: ExplainItem): string {
  return `${item.kind} ${item.namespace}/${item.name || '(unnamed)'}`;
}

/** Escapes text for VS Code markdown. */
export function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}
