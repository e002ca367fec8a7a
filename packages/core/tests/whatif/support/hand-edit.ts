// Edits a profile's YAML text the way a person would, through the yaml library's document model
// and independently of core's change-set code: the reference whatif's "after" is checked against.

import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { Change } from '@l1vh/core';

type Path = (string | number)[];

/** Observed versions deliberately different from core's OBSERVED_VERSION_OF: only the release row may matter. */
const HAND_VERSION: Record<string, string> = { 'v1.8': 'v1.8.1', 'v1.9': 'v1.9.3', main: 'v1.11.0-alpha.0' };

function itemIndexes(doc: Document, kind: string): number[] {
  const items = doc.get('items');
  if (!isSeq(items)) throw new Error('profile is not a v1/List');
  return items.items.flatMap((it, i) => (isMap(it) && it.get('kind') === kind ? [i] : []));
}

function strings(doc: Document, path: Path): string[] {
  const v = doc.getIn(path);
  return isSeq(v) ? (v.toJSON() as string[]) : [];
}

function editText(text: string, change: Change): string {
  const doc = parseDocument(text);
  const cr: Path = ['items', itemIndexes(doc, 'KubeVirt')[0]!];
  const cfg: Path = [...cr, 'spec', 'configuration'];
  const dev: Path = [...cfg, 'developerConfiguration'];
  switch (change.kind) {
    case 'hypervisor':
      if (doc.hasIn([...cfg, 'hypervisors', 0])) doc.setIn([...cfg, 'hypervisors', 0, 'name'], change.name);
      else doc.setIn([...cfg, 'hypervisors'], doc.createNode([{ name: change.name }]));
      break;
    case 'feature-gate': {
      const gates = strings(doc, [...dev, 'featureGates']).filter((g) => g !== change.gate);
      if (change.enabled) gates.push(change.gate);
      doc.setIn([...dev, 'featureGates'], doc.createNode(gates));
      break;
    }
    case 'use-emulation':
      doc.setIn([...dev, 'useEmulation'], change.enabled);
      break;
    case 'kubevirt-version':
      doc.setIn([...cr, 'status', 'observedKubeVirtVersion'], HAND_VERSION[change.version]);
      break;
    case 'node-device':
      for (const i of itemIndexes(doc, 'Node')) {
        if (change.node !== null && doc.getIn(['items', i, 'metadata', 'name']) !== change.node) continue;
        for (const list of ['allocatable', 'capacity']) {
          const at: Path = ['items', i, 'status', list];
          if (!doc.hasIn(at)) continue;
          doc.deleteIn([...at, 'devices.kubevirt.io/mshv']);
          doc.deleteIn([...at, 'devices.kubevirt.io/kvm']);
          if (change.device !== 'none') doc.setIn([...at, `devices.kubevirt.io/${change.device}`], '1000');
        }
      }
      break;
  }
  return doc.toString();
}

/** The profile text with every change applied in order. */
export function handEdit(text: string, changes: readonly Change[]): string {
  return changes.reduce(editText, text);
}
