// `HyperVLayered` / `hyperv-layered` are names from early L1VH drafts; KubeVirt never shipped
// them, so the gate does nothing and the API rejects the hypervisor name.

import { FEATURE_GATES, BACKENDS } from '../../select/hypervisors.js';
import { defineRule } from '../rule.js';
import { arrayAt, valueAt } from '../values.js';

const CONFIG = ['spec', 'configuration'];
const OBSOLETE_NAME = 'hyperv-layered';

export default defineRule({
  id: 'obsolete-hyperv-layered',
  scope: 'object',
  meta: {
    severity: 'error',
    description: 'The KubeVirt CR uses the obsolete HyperVLayered gate or hyperv-layered hypervisor name.',
    messages: {
      gate: 'feature gate "{{gate}}" is obsolete and does nothing: enable "{{replacement}}" with spec.configuration.hypervisors: [{name: {{name}}}]',
      name: 'hypervisor name "{{obsolete}}" is obsolete (the API accepts kvm or {{name}}): use "{{name}}"',
    },
  },
  check({ subject: obj, report }) {
    if (obj.kind !== 'KubeVirt') return;
    const gatesPath = [...CONFIG, 'developerConfiguration', 'featureGates'];
    arrayAt(obj.value, gatesPath).forEach((g, i) => {
      if (g === FEATURE_GATES.obsoleteHyperVLayered) {
        report({ messageId: 'gate', path: [...gatesPath, i], data: { gate: g, replacement: FEATURE_GATES.configurableHypervisor, name: BACKENDS.mshv.configName } });
      }
    });
    arrayAt(obj.value, [...CONFIG, 'hypervisors']).forEach((_, i) => {
      const namePath = [...CONFIG, 'hypervisors', i, 'name'];
      if (valueAt(obj.value, namePath) === OBSOLETE_NAME) {
        report({ messageId: 'name', path: namePath, data: { obsolete: OBSOLETE_NAME, name: BACKENDS.mshv.configName } });
      }
    });
  },
});
