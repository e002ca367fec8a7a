// VMI → libvirt domain XML, as virt-launcher's converter produces it on the chosen hypervisor.
// The configurators run in KubeVirt's order (kubevirt-behaviour.md §3.1); the first error aborts.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { Finding } from '../findings.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { Selection } from '../select/select-hypervisor.js';
import type { XmlElement } from '../xml/element.js';
import { serialiseXml } from '../xml/serialise.js';
import type { Configurator } from './configurator.js';
import { buildConverterContext, type ConverterContextOverrides } from './context.js';
import { assembleDomain, newDomainBuild } from './domain-model.js';
import { CONFIGURATORS, RUNTIME_FIXUPS } from './pipeline.js';

export interface ConvertOptions {
  /** Indentation of the XML: two spaces (KubeVirt's tests) by default, or a tab (production). */
  indent?: string;
  /** Node-side context values that replace the preview defaults. */
  context?: ConverterContextOverrides;
  /**
   * false: stop after Convert and the API defaulter, as KubeVirt's converter unit tests see the
   * domain, without the pre-start cache/io fix-ups. Default true (the domain virt-launcher defines).
   */
  runtimeFixups?: boolean;
  /** false: run every configurator (their errors decide the verdict) but build neither the domain tree nor its XML (`domain` and `domainXml` are null). Default true. */
  serialise?: boolean;
}

export interface ConvertResult {
  domainXml: string | null;
  /** The same domain as a tree (for checks that read it, e.g. schemaQuirks): never re-parsed from the XML. */
  domain: XmlElement | null;
  error: string | null;
  /** What only a running node decides (MACs, PCI addresses, …), listed instead of invented. */
  notes: string[];
  findings: Finding[];
}

export function convertVmi(vmi: VirtualMachineInstance, selection: Selection, profile: ClusterProfile, opts: ConvertOptions = {}): ConvertResult {
  const ctx = buildConverterContext(vmi, selection, profile, opts.context);
  const domain = newDomainBuild();
  const steps: readonly Configurator[] = opts.runtimeFixups === false ? CONFIGURATORS : [...CONFIGURATORS, ...RUNTIME_FIXUPS];
  try {
    for (const configure of steps) {
      const err = configure(ctx, domain);
      if (err) return { domainXml: null, domain: null, error: err, notes: ctx.notes, findings: [] };
    }
    if (opts.serialise === false) return { domainXml: null, domain: null, error: null, notes: ctx.notes, findings: [] };
    const tree = assembleDomain(domain);
    return { domainXml: serialiseXml(tree, opts.indent ?? '  '), domain: tree, error: null, notes: ctx.notes, findings: [] };
  } catch (e) {
    // A converter bug on input validation let through must not cost the user the whole run.
    return { domainXml: null, domain: null, error: `${INTERNAL_ERROR_PREFIX} while converting (please report): ${e instanceof Error ? e.message : String(e)}`, notes: ctx.notes, findings: [] };
  }
}

/** Marks errors that are l1vh's bugs, not KubeVirt's verdicts (the fuzz tests fail on them). */
export const INTERNAL_ERROR_PREFIX = 'l1vh internal error';
