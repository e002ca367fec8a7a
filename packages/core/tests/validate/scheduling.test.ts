// Affinity and topology spread admission rules (validate-k8s-utils.go, KubeVirt's copy of
// Kubernetes' pod validation): causes carry the field.Error text as their message, with KubeVirt's
// printed paths (no `affinity` segment; an unindexed labelSelector under the spread constraints).
import { describe, it } from 'vitest';
import { expectRow, invalid, vmWith, type Row } from './admit-causes.js';

const T = 'spec.template.spec';
const nodeAffinity = (expr: Record<string, unknown>) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr] }] } },
});
const TERM = `${T}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]`;
const spread = (c: Record<string, unknown>) => ({ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', ...c });
const TSC = `${T}.topologySpreadConstraints`;

const rows: Row[] = [
  { name: 'a valid node affinity', manifest: vmWith((s) => (s.affinity = nodeAffinity({ key: 'disktype', operator: 'In', values: ['ssd'] }))), want: [] },
  {
    name: 'In without values',
    manifest: vmWith((s) => (s.affinity = nodeAffinity({ key: 'disktype', operator: 'In' }))),
    want: [invalid(`${TERM}.values`, `${TERM}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`)],
  },
  {
    name: 'an unknown operator',
    manifest: vmWith((s) => (s.affinity = nodeAffinity({ key: 'disktype', operator: 'Maybe', values: ['ssd'] }))),
    want: [invalid(`${TERM}.operator`, `${TERM}.operator: Invalid value: "Maybe": not a valid selector operator`)],
  },
  {
    name: 'no node selector term',
    manifest: vmWith((s) => (s.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } })),
    want: [invalid(`${T}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`, `${T}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term`)],
  },
  {
    name: 'a preferred term weighing 0',
    manifest: vmWith((s) => (s.affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } })),
    want: [invalid(`${T}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight`, `${T}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100`)],
  },
  { name: 'a preferred term weighing 100', manifest: vmWith((s) => (s.affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: {} }] } })), want: [] },
  {
    name: 'a pod anti-affinity term without a topology key',
    manifest: vmWith((s) => (s.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'x' } } }] } })),
    want: [
      invalid(`${T}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`, `${T}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty`),
      invalid(
        `${T}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`,
        `${T}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty`,
      ),
      invalid(
        `${T}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`,
        `${T}.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ),
    ],
  },
  { name: 'a valid spread constraint', manifest: vmWith((s) => (s.topologySpreadConstraints = [spread({})])), want: [] },
  { name: 'maxSkew 0', manifest: vmWith((s) => (s.topologySpreadConstraints = [spread({ maxSkew: 0 })])), want: [invalid(`${TSC}[0].maxSkew`, `${TSC}[0].maxSkew: Invalid value: 0: must be greater than zero`)] },
  {
    name: 'an unknown whenUnsatisfiable',
    manifest: vmWith((s) => (s.topologySpreadConstraints = [spread({ whenUnsatisfiable: 'Never' })])),
    want: [invalid(`${TSC}[0].whenUnsatisfiable`, `${TSC}[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"`)],
  },
  {
    name: 'two constraints on the same key and action',
    manifest: vmWith((s) => (s.topologySpreadConstraints = [spread({}), spread({ maxSkew: 2 })])),
    want: [invalid(`${TSC}[0].{topologyKey, whenUnsatisfiable}`, `${TSC}[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"`)],
  },
  {
    name: 'a spread label selector with a bad operator (printed without the index)',
    manifest: vmWith((s) => (s.topologySpreadConstraints = [spread({ labelSelector: { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] } })])),
    want: [invalid(`${TSC}.labelSelector.matchExpressions[0].operator`, `${TSC}.labelSelector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator`)],
  },
];

describe('scheduling admission rules', () => {
  for (const row of rows) it(row.name, () => expectRow(row));
});
