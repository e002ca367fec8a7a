// <cpu> (mode, model, features, topology, synthetic NUMA cell), <vcpu placement="static"> and, with
// CPU hotplug (maxSockets on a supporting arch), <vcpus> listing every possible vCPU.

import { el, textEl, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { quantityCount as quantityValue } from '../../quantity/text.js';
import { cpuTopology, guestMemory, isMemfdRequired, MAX_PREVIEW_VCPUS, vcpuCount } from '../../vmi-facts.js';

/** CPU struct order. */
export const CPU_ORDER = ['model', 'feature', 'topology', 'numa'] as const;

const HOST_MODES = new Set(['host-model', 'host-passthrough']);

export const configureCpu: Configurator = (ctx, domain) => {
  const vmi = ctx.vmi;
  const spec = vmi.spec.domain.cpu;
  const topo = cpuTopology(vmi);
  let total = vcpuCount(topo);
  let vcpus: XmlElement | undefined;
  const hotplug = !!spec?.maxSockets && ctx.archTraits.cpuHotplug;
  const possible = hotplug ? spec!.maxSockets! * topo.cores * topo.threads : total;
  if (!(Math.max(total, possible) <= MAX_PREVIEW_VCPUS)) return `preview limit: ${Math.max(total, possible)} vCPUs (more than ${MAX_PREVIEW_VCPUS}) are not rendered`;
  if (hotplug) {
    const enabledCount = total;
    const minEnabled = topo.cores * topo.threads;
    topo.sockets = spec!.maxSockets!;
    total = vcpuCount(topo);
    const list: XmlElement[] = [];
    for (let id = 0; id < total; id++) {
      list.push(el('vcpu', { id, enabled: id < enabledCount ? 'yes' : 'no', hotpluggable: id >= minEnabled ? 'yes' : 'no' }));
    }
    vcpus = el('vcpus', {}, list);
  }

  let mode = 'host-model';
  let model: string | undefined;
  if (spec?.model) {
    if (HOST_MODES.has(spec.model)) mode = spec.model;
    else [mode, model] = ['custom', spec.model];
  }

  const features: XmlElement[] = (spec?.features ?? []).map((f) => el('feature', { name: f.name, policy: f.policy || undefined }));
  // libvirt rejects some named models that list the deprecated mpx flag; KubeVirt disables it.
  if (spec && ctx.archTraits.mpxValidation && !spec.features?.some((f) => f.name === 'mpx') && !HOST_MODES.has(spec.model ?? '')) {
    features.push(el('feature', { name: 'mpx', policy: 'disable' }));
  }

  let numa: XmlElement | undefined;
  if (ctx.archTraits.memfd && isMemfdRequired(vmi) && !spec?.numa) {
    const bytes = quantityValue(guestMemory(vmi)) ?? 0;
    numa = el('numa', {}, [el('cell', { id: '0', cpus: `0-${total - 1}`, memory: Math.floor(bytes / 1024), unit: 'KiB' })]);
  }

  domain.slots.cpu = el('cpu', { mode }, [
    model !== undefined ? textEl('model', model) : undefined,
    ...features,
    // CPUTopology's attributes are omitempty: a zero count (e.g. sockets from a "0" CPU limit) is left out.
    el('topology', { sockets: topo.sockets || undefined, cores: topo.cores || undefined, threads: topo.threads || undefined }),
    numa,
  ]);
  domain.slots.vcpu = textEl('vcpu', total, { placement: 'static' });
  if (vcpus) domain.slots.vcpus = vcpus;
  return undefined;
};
