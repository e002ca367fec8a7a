// Features that KubeVirt implements for KVM only, found by reading its mshv backend:
// - pkg/virt-handler/node-labeller/kvm-caps-info-plugin_amd64.go probes Hyper-V capabilities with
//   ioctls on a hard-coded /dev/kvm, so hyperv.node.kubevirt.io/* labels never appear on MSHV
//   nodes; with the HypervStrictCheck gate, pkg/virt-controller/services/nodeselectorrenderer.go
//   (hypervNodeSelectors) makes the launcher pod require them.
// - pkg/hypervisor/mshv/runtime.go HandleHousekeeping has no PIT-thread affinity for dedicated
//   CPUs (pkg/hypervisor/kvm/runtime.go affinePitThread).

import { isGateEnabled } from '../../profile/kubevirt-config.js';
import { defineRule } from '../rule.js';
import { featureOn, valueAt } from '../values.js';

const HYPERV_STRICT_CHECK = 'HypervStrictCheck';
/** FeatureHyperv field → node label suffix, as in makeHVFeatureLabelTable. */
const LABELLED_ENLIGHTENMENTS: Readonly<Record<string, string>> = {
  vpindex: 'vpindex',
  runtime: 'runtime',
  reset: 'reset',
  synic: 'synic',
  synictimer: 'synictimer',
  frequencies: 'frequencies',
  reenlightenment: 'reenlightenment',
  tlbflush: 'tlbflush',
  ipi: 'ipi',
};

export default defineRule({
  id: 'mshv-unsupported-feature',
  scope: 'vm',
  meta: {
    severity: 'warning',
    description: 'The VM uses a feature that KubeVirt does not support on MSHV.',
    messages: {
      hypervLabel: 'Hyper-V enlightenment "{{feature}}" makes the launcher pod require node label hyperv.node.kubevirt.io/{{label}}=true ({{gate}} gate), which is never set on MSHV nodes: the pod stays Pending',
      pitAffinity: 'dedicatedCpuPlacement on MSHV: virt-handler pins the KVM PIT thread only on KVM, so timer work is not confined to the dedicated CPUs',
    },
  },
  check({ subject: s, profile, report }) {
    if (s.selection?.hypervisor !== 'mshv' || !s.vmi) return;
    const spec: unknown = s.vmi.spec;
    if (isGateEnabled(profile.config, HYPERV_STRICT_CHECK)) {
      const hyperv = valueAt(spec, ['domain', 'features', 'hyperv']);
      for (const [feature, label] of Object.entries(LABELLED_ENLIGHTENMENTS)) {
        if (featureOn(valueAt(hyperv, [feature]))) {
          report({ messageId: 'hypervLabel', path: s.vmiPath(['spec', 'domain', 'features', 'hyperv', feature]), data: { feature, label, gate: HYPERV_STRICT_CHECK } });
        }
      }
    }
    if (valueAt(spec, ['domain', 'cpu', 'dedicatedCpuPlacement']) === true) {
      report({ messageId: 'pitAffinity', path: s.vmiPath(['spec', 'domain', 'cpu', 'dedicatedCpuPlacement']) });
    }
  },
});
