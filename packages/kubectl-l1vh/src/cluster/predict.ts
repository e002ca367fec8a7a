// Our prediction for each live VMI, made against the live profile with the explain pipeline.

import { explainAll, inputObject, readObjects, valueDocument, type ClusterProfile, type DomainType, type HypervisorId } from '@l1vh/core';
import type { LiveVmi } from './launcher-pods.js';

export interface Prediction {
  hypervisor: HypervisorId | null;
  domainType: DomainType | null;
  error: string | null;
  /** virt-controller's figure (what the pod annotation records). */
  overheadBytes: number | null;
}

export function predict(live: LiveVmi, profile: ClusterProfile): Prediction {
  const read = readObjects([valueDocument(`vmi/${live.namespace}/${live.name}`, inputObject(live.vmi))]);
  const item = explainAll(read.objects, profile)[0]?.item;
  if (!item) return { hypervisor: null, domainType: null, error: 'not a VMI', overheadBytes: null };
  // The node it actually runs on decides the device; fall back to the landing-node answer.
  const onNode = live.nodeName ? item.nodes.find((n) => n.node === live.nodeName) : undefined;
  return {
    hypervisor: onNode ? onNode.hypervisor : item.hypervisor,
    domainType: onNode ? onNode.domainType : item.domainType,
    error: onNode ? onNode.error : item.error,
    overheadBytes: item.controllerOverheadBytes,
  };
}
