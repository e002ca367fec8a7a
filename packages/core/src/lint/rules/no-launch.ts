// A VM KubeVirt admits that still cannot run: no node can take its launcher pod (explain's verdict
// `unschedulable`), or virt-launcher fails on the node it lands on (`launch-fails`, e.g. "MSHV not
// present", or a converter error such as a negative memory.guest). Rejections at admission are
// admission-rejected's; values past what any node runs are out-of-range's.

import type { VirtualMachineInstance } from '../../api/kubevirt-types.js';
import type { PathSegment } from '../../parse/position-index.js';
import { guestMemory } from '../../convert/vmi-facts.js';
import { pendingReasons } from '../../explain/verdict.js';
import { defineRule } from '../rule.js';

const NAME = ['metadata', 'name'];

/** Converter errors that name what they are about: the VMI field to point at. */
const LAUNCH_ERROR_FIELDS: readonly { pattern: RegExp; field(vmi: VirtualMachineInstance, m: RegExpExecArray): PathSegment[] | undefined }[] = [
  { pattern: /^Memory size /, field: (vmi) => memoryPath(vmi) },
  { pattern: /\bdisk (\S+?)[:,]?(?:\s|$)|volume with name (\S+)/, field: (vmi, m) => indexed(vmi.spec.domain.devices.disks, ['spec', 'domain', 'devices', 'disks'], m[1] ?? m[2]) },
  { pattern: /failed to find network (\S+)/, field: (vmi, m) => indexed(vmi.spec.domain.devices.interfaces, ['spec', 'domain', 'devices', 'interfaces'], m[1]) },
];

export default defineRule({
  id: 'no-launch',
  scope: 'vm',
  meta: {
    severity: 'error',
    description: 'KubeVirt admits the VM, but it cannot run on any node of the cluster profile.',
    messages: {
      noEligibleNode: 'no node can run the virt-launcher pod of {{name}} (it stays Pending): {{reasons}}',
      launchError: '{{name}} cannot start on node {{node}}: virt-launcher fails with "{{error}}"',
    },
  },
  check({ subject: s, report }) {
    if (s.verdict !== 'unschedulable' && s.verdict !== 'launch-fails') return;
    const name = s.object.name;
    const sel = s.selection;
    const pending = !!sel && sel.nodes.length > 0 && !sel.nodes.some((n) => n.eligible);
    if (pending) report({ messageId: 'noEligibleNode', path: NAME, data: { name, reasons: pendingReasons(sel.nodes) } });
    // A converter error is the next thing to fix even while the pod is Pending; a missing
    // hypervisor device is already among the scheduling reasons.
    const error = s.launchError;
    if (!error || s.outOfRange.length > 0 || (pending && error === sel?.error)) return;
    const at = s.vmi ? launchErrorField(s.vmi, error) : undefined;
    report({ messageId: 'launchError', path: at ? s.vmiPath(at) : NAME, data: { name, node: sel?.landingNode ?? '(any)', error } });
  },
});

function launchErrorField(vmi: VirtualMachineInstance, error: string): PathSegment[] | undefined {
  for (const e of LAUNCH_ERROR_FIELDS) {
    const m = e.pattern.exec(error);
    if (m) return e.field(vmi, m);
  }
  return undefined;
}

function memoryPath(vmi: VirtualMachineInstance): PathSegment[] {
  const d = vmi.spec.domain;
  if (d.memory?.guest !== undefined) return ['spec', 'domain', 'memory', 'guest'];
  return guestMemory(vmi) === d.resources?.requests?.memory ? ['spec', 'domain', 'resources', 'requests', 'memory'] : ['spec', 'domain', 'resources', 'limits', 'memory'];
}

function indexed(list: readonly { name: string }[] | undefined, base: PathSegment[], name: string | undefined): PathSegment[] | undefined {
  const i = (list ?? []).findIndex((x) => x.name === name);
  return i >= 0 ? [...base, i] : undefined;
}
