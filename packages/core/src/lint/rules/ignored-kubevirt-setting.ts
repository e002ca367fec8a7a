// KubeVirt CR settings that look right but do nothing: KubeVirt unmarshals spec.configuration
// into typed structs, so an unknown key is dropped silently, and `hypervisors` is read only
// behind the ConfigurableHypervisor gate (virt-config.go: GetHypervisorFromKvConfig).

import { BACKENDS, FEATURE_GATES } from '../../select/hypervisors.js';
import { defineRule } from '../rule.js';
import { arrayAt, valueAt } from '../values.js';

const CONFIG = ['spec', 'configuration'] as const;

/**
 * Keys KubeVirt does not know, with the key that does what the author meant. `renameTo` is set
 * where renaming the key alone is the fix (the editor's quick fix uses it, lint/remedies.ts).
 */
export const MISSPELLED_KEYS: readonly { path: readonly string[]; use: string; renameTo?: string }[] = [
  // Go's KubeVirtConfiguration.NetworkConfiguration is `json:"network"`: the Go name as a key is dropped.
  { path: ['networkConfiguration'], use: 'network', renameTo: 'network' },
  { path: ['network', 'networkInterface'], use: 'network.defaultNetworkInterface', renameTo: 'defaultNetworkInterface' },
  { path: ['developerConfiguration', 'featuregates'], use: 'developerConfiguration.featureGates', renameTo: 'featureGates' },
  { path: ['hypervisor'], use: 'hypervisors (a list: [{name: hyperv-direct}])' },
];

export default defineRule({
  id: 'ignored-kubevirt-setting',
  scope: 'object',
  meta: {
    severity: 'warning',
    description: 'A KubeVirt CR setting that KubeVirt silently ignores.',
    messages: {
      unknownKey: 'spec.configuration.{{key}} is not a KubeVirt setting and is ignored: did you mean {{use}}?',
      hypervisorsWithoutGate: 'hypervisors[0] is "{{name}}", but the {{gate}} feature gate is off: KubeVirt ignores the list and every VM gets KVM',
      extraHypervisors: 'only hypervisors[0] is used; entry {{index}} ("{{name}}") is ignored',
    },
  },
  check({ subject: obj, report }) {
    if (obj.kind !== 'KubeVirt') return;
    for (const { path, use } of MISSPELLED_KEYS) {
      if (valueAt(obj.value, [...CONFIG, ...path]) !== undefined) report({ messageId: 'unknownKey', path: [...CONFIG, ...path], data: { key: path.join('.'), use } });
    }
    const hypervisors = arrayAt(obj.value, [...CONFIG, 'hypervisors']);
    const gates = arrayAt(obj.value, [...CONFIG, 'developerConfiguration', 'featureGates']);
    const first = valueAt(obj.value, [...CONFIG, 'hypervisors', 0, 'name']);
    if (first === BACKENDS.mshv.configName && !gates.includes(FEATURE_GATES.configurableHypervisor) && !gates.includes(FEATURE_GATES.hyperVL1VH)) {
      report({ messageId: 'hypervisorsWithoutGate', path: [...CONFIG, 'hypervisors', 0, 'name'], data: { name: first, gate: FEATURE_GATES.configurableHypervisor } });
    }
    hypervisors.forEach((h, i) => {
      if (i === 0) return;
      report({ messageId: 'extraHypervisors', path: [...CONFIG, 'hypervisors', i], data: { index: i, name: String(valueAt(h, ['name']) ?? '') } });
    });
  },
});
