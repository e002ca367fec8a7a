// <clock> offset and timers, plus the TSC frequency timer when the VMI needs one.

import type { Clock, VirtualMachineInstance } from '../../api/kubevirt-types.js';
import { el, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const yesNo = (enabled: boolean | undefined): string => (enabled === false ? 'no' : 'yes');

/** Timers in KubeVirt's fixed order; the attribute order is the Timer struct's (name, tickpolicy, present, track, frequency). */
function timers(clock: Clock): XmlElement[] {
  const t = clock.timer;
  if (!t) return [];
  const out: XmlElement[] = [];
  const present = (x: { present?: boolean }): string => yesNo(x.present);
  if (t.rtc) out.push(el('timer', { name: 'rtc', tickpolicy: t.rtc.tickPolicy || undefined, present: present(t.rtc), track: t.rtc.track || undefined }));
  if (t.pit) out.push(el('timer', { name: 'pit', tickpolicy: t.pit.tickPolicy || undefined, present: present(t.pit) }));
  if (t.kvm) out.push(el('timer', { name: 'kvmclock', present: present(t.kvm) }));
  if (t.hpet) out.push(el('timer', { name: 'hpet', tickpolicy: t.hpet.tickPolicy || undefined, present: present(t.hpet) }));
  if (t.hyperv) out.push(el('timer', { name: 'hypervclock', present: present(t.hyperv) }));
  return out;
}

/** CPU feature policies that make the guest depend on an invariant TSC (an empty policy does not). */
const INVTSC_BINDING_POLICIES = new Set(['require', 'force']);

/**
 * topology.GetTscFrequencyRequirement: an invtsc CPU feature with policy require/force, or Hyper-V
 * reenlightenment explicitly enabled (a nil `enabled` does not count; admission sets it for present features).
 */
export function tscFrequencyRequired(vmi: VirtualMachineInstance): boolean {
  const d = vmi.spec.domain;
  const invtsc = (d.cpu?.features ?? []).some((f) => f.name === 'invtsc' && INVTSC_BINDING_POLICIES.has(f.policy ?? ''));
  return invtsc || d.features?.hyperv?.reenlightenment?.enabled === true;
}

export const configureClock: Configurator = (ctx, domain) => {
  const clock = ctx.vmi.spec.domain.clock;
  let attrs: Record<string, string | undefined> = {};
  let children: XmlElement[] = [];
  if (clock) {
    if (clock.utc) attrs = { offset: 'utc', adjustment: clock.utc.offsetSeconds !== undefined ? String(clock.utc.offsetSeconds) : 'reset' };
    else if (clock.timezone !== undefined) attrs = { offset: 'timezone', timezone: clock.timezone || undefined };
    children = timers(clock);
  }
  if (tscFrequencyRequired(ctx.vmi)) {
    const hints = ctx.vmi.status?.['topologyHints'] as { tscFrequency?: number } | undefined;
    // AreTSCFrequencyTopologyHintsDefined: only a positive frequency counts.
    if (typeof hints?.tscFrequency === 'number' && hints.tscFrequency > 0) {
      children.push(el('timer', { name: 'tsc', frequency: String(hints.tscFrequency) }));
    } else {
      ctx.notes.push('clock: the VMI needs a fixed TSC frequency; virt-controller takes it from the node (topology hints) and adds <timer name="tsc" frequency=…>');
    }
  }
  if (!clock && children.length === 0) return;
  domain.slots.clock = el('clock', { offset: attrs.offset, timezone: attrs.timezone, adjustment: attrs.adjustment }, children);
};
