// A VM names an instancetype or preference that neither the cluster profile, the linted files,
// nor the built-in common-instancetypes set defines: KubeVirt's VM admission rejects it.

import { lookupInstancetype, lookupPreference } from '../../profile/cluster-profile.js';
import type { PathSegment } from '../../parse/position-index.js';
import { isRecord } from '../../parse/object-ref.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../values.js';

/** Where the VirtualMachine spec sits, per kind that has instancetype matchers. */
const VM_SPEC_PATH: Readonly<Record<string, readonly PathSegment[]>> = {
  VirtualMachine: ['spec'],
  VirtualMachinePool: ['spec', 'virtualMachineTemplate', 'spec'],
};

const MATCHERS = [
  { field: 'instancetype', messageId: 'unknownInstancetype', defaultKind: 'VirtualMachineClusterInstancetype', lookup: lookupInstancetype },
  { field: 'preference', messageId: 'unknownPreference', defaultKind: 'VirtualMachineClusterPreference', lookup: lookupPreference },
] as const;

export default defineRule({
  id: 'unknown-instancetype',
  scope: 'vm',
  meta: {
    severity: 'error',
    description: 'The VM names an instancetype or preference that does not exist.',
    messages: {
      unknownInstancetype: '{{kind}} "{{name}}" is not in the cluster profile, the linted files or common-instancetypes',
      unknownPreference: '{{kind}} "{{name}}" is not in the cluster profile, the linted files or common-instancetypes',
    },
  },
  check({ subject: s, profile, report }) {
    const specPath = VM_SPEC_PATH[s.kind];
    if (!specPath) return;
    const namespace = s.object.namespace ?? 'default';
    for (const m of MATCHERS) {
      const matcher = valueAt(s.object.value, [...specPath, m.field]);
      if (!isRecord(matcher) || typeof matcher.name !== 'string' || !matcher.name || matcher.inferFromVolume) continue;
      const kind = typeof matcher.kind === 'string' && matcher.kind ? matcher.kind : undefined;
      if (m.lookup(profile, kind, namespace, matcher.name)) continue;
      report({ messageId: m.messageId, path: [...specPath, m.field, 'name'], data: { kind: kind ?? m.defaultKind, name: matcher.name } });
    }
  },
});
