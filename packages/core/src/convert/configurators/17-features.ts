// <features>: always present; children in the Features struct order. vmport off on amd64 (HasVMPort).

import type { FeatureHyperv, FeatureState } from '../../api/kubevirt-types.js';
import { el, type XmlElement } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { isTDX } from '../../vmi-facts.js';

export const FEATURES_ORDER = ['acpi', 'apic', 'hyperv', 'smm', 'kvm', 'pvspinlock', 'pmu', 'vmport'] as const;
export const KVM_FEATURE_ORDER = ['hidden', 'hint-dedicated'] as const;

const onOff = (enabled: boolean | undefined, dflt = true): string => ((enabled ?? dflt) ? 'on' : 'off');
const state = (name: string, f: FeatureState | undefined): XmlElement | undefined => (f ? el(name, { state: onOff(f.enabled) }) : undefined);

/** The simple on/off Hyper-V enlightenments, by element name, in FeatureHyperv struct order around the special ones. */
function hyperv(h: FeatureHyperv): XmlElement {
  const children: (XmlElement | undefined)[] = [
    state('relaxed', h.relaxed),
    state('vapic', h.vapic),
    h.spinlocks ? el('spinlocks', { state: onOff(h.spinlocks.enabled), retries: h.spinlocks.spinlocks }) : undefined,
    state('vpindex', h.vpindex),
    state('runtime', h.runtime),
    state('synic', h.synic),
    h.synictimer ? el('stimer', { state: onOff(h.synictimer.enabled) }, [state('direct', h.synictimer.direct)]) : undefined,
    state('reset', h.reset),
    h.vendorid ? el('vendor_id', { state: onOff(h.vendorid.enabled), value: h.vendorid.vendorid || undefined }) : undefined,
    state('frequencies', h.frequencies),
    state('reenlightenment', h.reenlightenment),
    h.tlbflush ? el('tlbflush', { state: onOff(h.tlbflush.enabled) }, [state('direct', h.tlbflush.direct), state('extended', h.tlbflush.extended)]) : undefined,
    state('ipi', h.ipi),
    state('evmcs', h.evmcs),
  ];
  return el('hyperv', {}, children);
}

export const configureFeatures: Configurator = (ctx, domain) => {
  const f = ctx.vmi.spec.domain.features;
  const features = el('features');
  domain.slots.features = features;
  if (!f) return;
  const enabled = (x: FeatureState | undefined): boolean => x !== undefined && x.enabled !== false;
  features.children = [
    f.acpi?.enabled !== false ? el('acpi') : undefined,
    enabled(f.apic) ? el('apic') : undefined,
    f.hyperv ? hyperv(f.hyperv) : f.hypervPassthrough?.enabled ? el('hyperv', { mode: 'passthrough' }) : undefined,
    enabled(f.smm) ? el('smm') : undefined,
    f.kvm ? el('kvm', {}, [el('hidden', { state: onOff(f.kvm.hidden, false) })]) : undefined,
    f.pvspinlock ? el('pvspinlock', { state: onOff(f.pvspinlock.enabled) }) : undefined,
    isTDX(ctx.vmi) ? el('pmu', { state: 'off' }) : undefined,
    ctx.archTraits.vmport ? el('vmport', { state: 'off' }) : undefined,
  ].filter((c): c is XmlElement => c !== undefined);
};
