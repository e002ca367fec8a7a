// <launchSecurity> for SEV / SEV-SNP / TDX, on amd64 only (arm64 has none; s390x PV sets iommu on
// the devices instead).

import { el, textEl } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';

const SEV_POLICY_NO_DEBUG = 0x1;
const SEV_POLICY_ENCRYPTED_STATE = 0x4;
/** SMT allowed (bit 16) + the reserved bit 17 that must be one. */
const SNP_POLICY = 0x30000;
const QGS_ANNOTATION = 'kubevirt.io/qgs-socket-path';

const hex = (n: number): string => `0x${n.toString(16)}`;

export const configureLaunchSecurity: Configurator = (ctx, domain) => {
  const ls = ctx.vmi.spec.domain.launchSecurity;
  if (!ls || !ctx.archTraits.launchSecurity) return;
  if (!ls.sev && ls.snp) {
    domain.slots.launchSecurity = el('launchSecurity', { type: 'sev-snp' }, [textEl('policy', hex(SNP_POLICY))]);
  } else if (ls.sev) {
    const policy = SEV_POLICY_NO_DEBUG | (ls.sev.policy?.encryptedState ? SEV_POLICY_ENCRYPTED_STATE : 0);
    // LaunchSecurity struct order: dhCert, session, cbitpos, reducedPhysBits, policy.
    domain.slots.launchSecurity = el('launchSecurity', { type: 'sev' }, [
      ls.sev.dhCert ? textEl('dhCert', ls.sev.dhCert) : undefined,
      ls.sev.session ? textEl('session', ls.sev.session) : undefined,
      textEl('policy', hex(policy)),
    ]);
  } else if (ls.tdx) {
    const path = ctx.vmi.metadata.annotations?.[QGS_ANNOTATION];
    domain.slots.launchSecurity = el('launchSecurity', { type: 'tdx' }, [el('quoteGenerationService', { path: path || undefined })]);
  }
};
