// VM-like objects all carry a VMI spec somewhere; this table says where, so every stage can map
// a VMI field back to the line the user wrote.

import type { KnownKind } from './kinds.js';
import type { PathSegment } from './position-index.js';

export type VmLikeKind = 'VirtualMachine' | 'VirtualMachineInstance' | 'VirtualMachinePool' | 'VirtualMachineInstanceReplicaSet';

/** Path from the object root to its VMI template (metadata + spec). [] means the object is the VMI. */
export const VMI_TEMPLATE_PATH: Readonly<Record<VmLikeKind, readonly PathSegment[]>> = {
  VirtualMachineInstance: [],
  VirtualMachine: ['spec', 'template'],
  VirtualMachineInstanceReplicaSet: ['spec', 'template'],
  VirtualMachinePool: ['spec', 'virtualMachineTemplate', 'spec', 'template'],
};

/** Path from a VirtualMachinePool to the VirtualMachine template it stamps out. */
export const POOL_VM_PATH: readonly PathSegment[] = ['spec', 'virtualMachineTemplate'];

export function isVmLike(kind: KnownKind): kind is VmLikeKind {
  return kind in VMI_TEMPLATE_PATH;
}

/** Manifest path of a field given relative to the VMI (e.g. ['spec','domain','cpu']). */
export function manifestPathOfVmiField(kind: VmLikeKind, vmiPath: readonly PathSegment[]): PathSegment[] {
  return [...VMI_TEMPLATE_PATH[kind], ...vmiPath];
}
