// The only rule registry. Adding a rule: a file here, a line below, docs/rules/<id>.md and
// tests/lint/<id>.test.ts (a meta-test checks all three).

import type { Rule } from '../rule.js';
import admissionRejected from './admission-rejected.js';
import outOfRange from './out-of-range.js';
import ignoredKubevirtSetting from './ignored-kubevirt-setting.js';
import instancetypeConflict from './instancetype-conflict.js';
import libvirtSchemaQuirk from './libvirt-schema-quirk.js';
import lunOnFilesystem from './lun-on-filesystem.js';
import memoryTooSmall from './memory-too-small.js';
import mshvFallback from './mshv-fallback.js';
import mshvLauncherTooOld from './mshv-launcher-too-old.js';
import mshvUnsupportedFeature from './mshv-unsupported-feature.js';
import noLaunch from './no-launch.js';
import noMshvDomainType from './no-mshv-domain-type.js';
import obsoleteHypervLayered from './obsolete-hyperv-layered.js';
import unknownField from './unknown-field.js';
import unknownInstancetype from './unknown-instancetype.js';

export type RuleId =
  | 'admission-rejected'
  | 'no-launch'
  | 'out-of-range'
  | 'mshv-fallback'
  | 'obsolete-hyperv-layered'
  | 'no-mshv-domain-type'
  | 'mshv-unsupported-feature'
  | 'libvirt-schema-quirk'
  | 'memory-too-small'
  | 'instancetype-conflict'
  | 'unknown-instancetype'
  | 'lun-on-filesystem'
  | 'ignored-kubevirt-setting'
  | 'mshv-launcher-too-old'
  | 'unknown-field';

export const RULES = {
  'admission-rejected': admissionRejected,
  'no-launch': noLaunch,
  'out-of-range': outOfRange,
  'mshv-fallback': mshvFallback,
  'obsolete-hyperv-layered': obsoleteHypervLayered,
  'no-mshv-domain-type': noMshvDomainType,
  'mshv-unsupported-feature': mshvUnsupportedFeature,
  'libvirt-schema-quirk': libvirtSchemaQuirk,
  'memory-too-small': memoryTooSmall,
  'instancetype-conflict': instancetypeConflict,
  'unknown-instancetype': unknownInstancetype,
  'lun-on-filesystem': lunOnFilesystem,
  'mshv-launcher-too-old': mshvLauncherTooOld,
  'ignored-kubevirt-setting': ignoredKubevirtSetting,
  'unknown-field': unknownField,
} satisfies Record<RuleId, Rule>;

export const RULE_IDS = Object.keys(RULES) as RuleId[];
