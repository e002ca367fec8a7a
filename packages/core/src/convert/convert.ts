// VMI → libvirt domain XML, as virt-launcher's converter produces it on the chosen hypervisor.

import type { VirtualMachineInstance } from '../api/kubevirt-types.js';
import type { Finding } from '../findings.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import type { Selection } from '../select/select-hypervisor.js';

export interface ConvertOptions {
  /** Indentation of the XML: two spaces (KubeVirt's tests) by default, or a tab (production). */
  indent?: string;
}

export interface ConvertResult {
  domainXml: string | null;
  error: string | null;
  /** What only a running node decides (MACs, PCI addresses, …), listed instead of invented. */
  notes: string[];
  findings: Finding[];
}

export function convertVmi(vmi: VirtualMachineInstance, selection: Selection, profile: ClusterProfile, opts: ConvertOptions = {}): ConvertResult {
  void vmi;
  void selection;
  void profile;
  void opts;
  return { domainXml: null, error: null, notes: ['the domain XML converter is not implemented yet'], findings: [] };
}
