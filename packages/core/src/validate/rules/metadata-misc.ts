// The rest of ValidateVirtualMachineInstanceSpec that is not CPU/memory, firmware or devices
// (vmi-create-admitter.go): hostname/subdomain, start strategy, probes, DNS policy and config,
// eviction strategy, access credentials, reboot policy, service account name; plus
// ValidateVirtualMachineInstanceMetadata (reserved labels, ignition/sidecar annotations) and, on the
// VMI webhook, featuregate.ValidateFeatureGates (discontinued gates still in use).

import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { dns1123LabelErrors, dns1123SubdomainErrors, isIp } from './dns.js';
import type { SpecValidator, ValidationSubject } from './index.js';
import { arr, obj, str } from './read.js';

type Check = (spec: VirtualMachineInstanceSpec, field: FieldPath, ctx: ValidationContext) => AdmissionCause[];

/** validateHostNameNotConformingToDNSLabelRules */
const hostname: Check = (spec, field) => {
  const name = str(spec.hostname);
  if (name === '') return [];
  const errs = dns1123LabelErrors(name);
  if (errs.length === 0) return [];
  const path = field.child('hostname');
  return [path.cause('FieldValueInvalid', `${path.printed} does not conform to the kubernetes DNS_LABEL rules : ${errs.join(', ')}`)];
};

/** validateSubdomainDNSSubdomainRules */
const subdomain: Check = (spec, field) => {
  const name = str(spec.subdomain);
  if (name === '') return [];
  const errs = dns1123SubdomainErrors(name);
  if (errs.length === 0) return [];
  const path = field.child('subdomain');
  return [path.cause('FieldValueInvalid', `${path.printed} does not conform to the kubernetes DNS_SUBDOMAIN rules : ${errs.join(', ')}`)];
};

/** validateStartStrategy: only Paused exists, and a paused VMI cannot have a liveness probe. */
const startStrategy: Check = (spec, field) => {
  if (spec.startStrategy === undefined || spec.startStrategy === null) return [];
  const path = field.child('startStrategy');
  if (spec.startStrategy !== 'Paused') return [path.cause('FieldValueInvalid', `${path.printed} is set with an unrecognized option: ${str(spec.startStrategy)}`)];
  if (spec.livenessProbe !== undefined && spec.livenessProbe !== null) {
    return [path.cause('FieldValueInvalid', `either ${path.printed} or ${field.child('livenessProbe').printed} should be provided.Pausing VMI with LivenessProbe is not supported`)];
  }
  return [];
};

const PROBE_HANDLERS = ['httpGet', 'tcpSocket', 'exec', 'guestAgentPing'] as const;

/** validateProbe */
function probeCauses(path: FieldPath, probe: unknown): AdmissionCause[] {
  const p = obj(probe);
  if (!p) return [];
  const handlers = PROBE_HANDLERS.filter((h) => p[h] !== undefined && p[h] !== null).length;
  if (handlers > 1) return [path.cause('FieldValueInvalid', `${path.printed} must have exactly one probe type set`)];
  if (handlers < 1) {
    const c = (n: string): string => path.child(n).printed;
    return [path.cause('FieldValueRequired', `either ${c('tcpSocket')}, ${c('exec')} or ${c('httpGet')} must be set if a ${path.printed} is specified`)];
  }
  return [];
}

/** validateProbe for both probes, then appendStatusCauseForProbeNotAllowedWithNoPodNetworkPresent. */
const probes: Check = (spec, field) => {
  const causes = [...probeCauses(field.child('readinessProbe'), spec.readinessProbe), ...probeCauses(field.child('livenessProbe'), spec.livenessProbe)];
  const podNetwork = arr(spec.networks).some((n) => {
    const pod = obj(n)?.pod;
    return pod !== undefined && pod !== null;
  });
  if (podNetwork) return causes;
  for (const name of ['readinessProbe', 'livenessProbe'] as const) {
    const probe = obj(spec[name]);
    if (!probe) continue;
    for (const handler of ['httpGet', 'tcpSocket'] as const) {
      if (probe[handler] === undefined || probe[handler] === null) continue;
      const p = field.child(name, handler);
      causes.push(p.cause('FieldValueInvalid', `${p.printed} is only allowed if the Pod Network is attached`));
    }
  }
  return causes;
};

const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None', ''] as const;
const MAX_DNS_NAMESERVERS = 3;
const MAX_DNS_SEARCH_PATHS = 6;
const MAX_DNS_SEARCH_LIST_CHARS = 256;

/** validateDNSPolicy and validatePodDNSConfig (copied by KubeVirt from Kubernetes; fields printed bare). */
const dns: Check = (spec, field) => {
  const causes: AdmissionCause[] = [];
  const policy = str(spec.dnsPolicy);
  const policyPath = field.child('dnsPolicy');
  if (policy !== '' && !(DNS_POLICIES as readonly string[]).includes(policy)) {
    causes.push(policyPath.cause('FieldValueNotSupported', `DNSPolicy: ${policy} is not supported, valid values: [${DNS_POLICIES.join(' ')}]`));
  }
  const configPath = field.child('dnsConfig');
  const config = obj(spec.dnsConfig);
  const nameservers = arr(config?.nameservers).map(str);
  if (policy === 'None') {
    if (!config) return [...causes, configPath.cause('FieldValueRequired', 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (nameservers.length === 0) return [...causes, configPath.child('nameservers').cause('FieldValueRequired', 'must provide at least one DNS nameserver when `dnsPolicy` is None', 'nameservers')];
  }
  if (!config) return causes;
  const nsPath = configPath.child('nameservers');
  if (nameservers.length > MAX_DNS_NAMESERVERS) {
    causes.push(nsPath.cause('FieldValueInvalid', `must not have more than ${MAX_DNS_NAMESERVERS} nameservers: [${nameservers.join(' ')}]`, 'nameservers'));
  }
  nameservers.forEach((ns, i) => {
    if (!isIp(ns)) causes.push(nsPath.index(i).cause('FieldValueInvalid', `must be valid IP address: ${ns}`, 'nameservers'));
  });
  const searches = arr(config.searches).map(str);
  const searchPath = configPath.child('searches');
  if (searches.length > MAX_DNS_SEARCH_PATHS) causes.push(searchPath.cause('FieldValueInvalid', `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`, 'searchDomains'));
  if (searches.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS) {
    causes.push(searchPath.cause('FieldValueInvalid', `must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`, 'searchDomains'));
  }
  searches.forEach((s, i) => {
    for (const msg of dns1123SubdomainErrors(s)) causes.push(searchPath.index(i).cause('FieldValueInvalid', msg, 'searchDomains'));
  });
  arr(config.options).forEach((o, i) => {
    if (str(obj(o)?.name) === '') causes.push(configPath.child('options').index(i).cause('FieldValueInvalid', 'Option.Name must not be empty', 'options'));
  });
  return causes;
};

const EVICTION_STRATEGIES: ReadonlySet<string> = new Set(['LiveMigrate', 'LiveMigrateIfPossible', 'None', 'External']);

/** validateLiveMigration: the VMI's eviction strategy, else the cluster's, must be a known one. */
const evictionStrategy: Check = (spec, field, ctx) => {
  const own = spec.evictionStrategy;
  const effective = own ?? ctx.config.evictionStrategy;
  if (effective === undefined || EVICTION_STRATEGIES.has(str(effective))) return [];
  const path = field.child('evictionStrategy');
  return [path.cause('FieldValueInvalid', `${path.printed} is set with an unrecognized option: ${str(own)}`)];
};

/** validateAccessCredentials */
const accessCredentials: Check = (spec, field) => {
  const volumes = arr(spec.volumes).map((v) => obj(v) ?? {});
  const has = (source: string): boolean => volumes.some((v) => v[source] !== undefined && v[source] !== null);
  const hasNoCloud = has('cloudInitNoCloud');
  const hasConfigDrive = has('cloudInitConfigDrive');
  const base = field.child('accessCredentials');
  const causes: AdmissionCause[] = [];
  arr(spec.accessCredentials).forEach((c, i) => {
    const cred = obj(c) ?? {};
    const at = base.index(i);
    let count = 0;
    const ssh = obj(cred.sshPublicKey);
    if (ssh) {
      count++;
      const method = obj(ssh.propagationMethod) ?? {};
      const methodPath = at.child('sshPublicKey', 'propagationMethod');
      let methods = 0;
      if (obj(method.noCloud)) {
        methods++;
        if (!hasNoCloud) causes.push(methodPath.cause('FieldValueInvalid', `${at.printed} requires a noCloud volume to exist when the noCloud propagationMethod is in use.`));
      }
      if (obj(method.configDrive)) {
        methods++;
        if (!hasConfigDrive) causes.push(methodPath.cause('FieldValueInvalid', `${at.printed} requires a configDrive volume to exist when the configDrive propagationMethod is in use.`));
      }
      const qga = obj(method.qemuGuestAgent);
      if (qga) {
        if (arr(qga.users).length === 0) causes.push(methodPath.child('qemuGuestAgent', 'users').cause('FieldValueInvalid', `${at.printed} requires at least one user to be present in the users list`));
        methods++;
      }
      if (!obj(obj(ssh.source)?.secret)) causes.push(at.child('sshPublicKey', 'source').cause('FieldValueInvalid', `${at.printed} must have exactly one source set`));
      if (methods !== 1) causes.push(methodPath.cause('FieldValueInvalid', `${at.printed} must have exactly one propagationMethod set`));
    }
    const password = obj(cred.userPassword);
    if (password) {
      count++;
      if (!obj(obj(password.source)?.secret)) causes.push(at.child('userPassword', 'source').cause('FieldValueInvalid', `${at.printed} must have exactly one source set`));
      if (!obj(obj(password.propagationMethod)?.qemuGuestAgent)) {
        causes.push(at.child('userPassword', 'propagationMethod').cause('FieldValueInvalid', `${at.printed} must have exactly one propagationMethod set`));
      }
    }
    if (count !== 1) causes.push(at.cause('FieldValueInvalid', `${at.printed} must have exactly one access credential type set`));
  });
  return causes;
};

/** validateRebootPolicy */
const rebootPolicy: Check = (spec, field, ctx) => {
  if (spec.domain.rebootPolicy === undefined || spec.domain.rebootPolicy === null || ctx.gate('RebootPolicy')) return [];
  return [field.child('domain', 'rebootPolicy').cause('FieldValueInvalid', 'RebootPolicy is specified but the RebootPolicy feature gate is not enabled')];
};

/** validateServiceAccountName (v1.9+). */
const serviceAccountName: Check = (spec, field, ctx) => {
  const name = str(obj(spec as unknown)?.serviceAccountName);
  if (ctx.version === 'v1.8' || name === '') return [];
  const path = field.child('serviceAccountName');
  const causes: AdmissionCause[] = [];
  const errs = dns1123SubdomainErrors(name);
  if (errs.length > 0) causes.push(path.cause('FieldValueInvalid', `${path.printed} is not a valid service account name: ${errs.join('; ')}`));
  for (const v of arr(spec.volumes).map(obj)) {
    const sa = obj(v?.serviceAccount);
    if (sa && str(sa.serviceAccountName) !== name) {
      causes.push(path.cause('FieldValueInvalid', `spec.serviceAccountName "${name}" and serviceAccount volume "${str(sa.serviceAccountName)}" must reference the same service account`));
      break;
    }
  }
  return causes;
};

/** restrictedVmiLabels: only KubeVirt's own service accounts may set these. */
const RESTRICTED_LABELS: ReadonlySet<string> = new Set([
  'kubevirt.io/created-by',
  'kubevirt.io/migrationJobUID',
  'kubevirt.io/nodeName',
  'kubevirt.io/migrationTargetNodeName',
  'kubevirt.io/schedulable',
  'kubevirt.io/install-strategy',
]);
const IGNITION_ANNOTATION = 'kubevirt.io/ignitiondata';
const SIDECAR_ANNOTATION = 'hooks.kubevirt.io/hookSidecars';

/** ValidateVirtualMachineInstanceMetadata */
function metadataCauses(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const field = subject.metadataField;
  const labels = obj(subject.metadata.labels) ?? {};
  if (!subject.byKubeVirt && Object.keys(labels).some((l) => RESTRICTED_LABELS.has(l))) {
    causes.push(field.child('labels').cause('FieldValueNotSupported', 'creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited'));
  }
  const annotations = obj(subject.metadata.annotations) ?? {};
  const annotationsPath = field.child('annotations');
  if (str(annotations[IGNITION_ANNOTATION]) !== '' && !ctx.gate('ExperimentalIgnitionSupport')) {
    causes.push(annotationsPath.cause('FieldValueInvalid', `ExperimentalIgnitionSupport feature gate is not enabled in kubevirt-config, invalid entry ${annotationsPath.child(IGNITION_ANNOTATION).printed}`));
  }
  if (str(annotations[SIDECAR_ANNOTATION]) !== '' && !ctx.gate('Sidecar')) {
    causes.push(annotationsPath.cause('FieldValueInvalid', `sidecar feature gate is not enabled in kubevirt-config, invalid entry ${annotationsPath.child(SIDECAR_ANNOTATION).printed}`));
  }
  return causes;
}

/** Discontinued gates whose API a spec still uses (featuregate.ValidateFeatureGates); no field printed. */
const DISCONTINUED_BINDINGS: readonly { gate: string; binding: string; message: string }[] = [
  { gate: 'Passt', binding: 'passt', message: 'Passt network binding is discontinued since v1.3. Please refer to Kubevirt user guide for alternatives.' },
  { gate: 'Macvtap', binding: 'macvtap', message: 'Macvtap network binding is discontinued since v1.3. Please refer to Kubevirt user guide for alternatives.' },
];

export function discontinuedGateCauses(spec: VirtualMachineInstanceSpec, field: FieldPath, ctx: ValidationContext): AdmissionCause[] {
  const listed = ctx.config.developerConfiguration.featureGates;
  const interfaces = arr(spec.domain?.devices?.interfaces).map((i) => obj(i) ?? {});
  const causes: AdmissionCause[] = [];
  for (const gate of listed) {
    const d = DISCONTINUED_BINDINGS.find((x) => x.gate === gate);
    if (!d) continue;
    const idx = interfaces.findIndex((i) => i[d.binding] !== undefined && i[d.binding] !== null);
    if (idx >= 0) causes.push(field.child('domain', 'devices', 'interfaces').index(idx).child(d.binding).cause('FieldValueNotSupported', d.message, ''));
  }
  return causes;
}

function rule(area: string, scope: SpecValidator['scope'], check: Check): SpecValidator {
  return { area, scope, validate: (s: ValidationSubject, ctx) => check(s.spec, s.specField, ctx) };
}

export const METADATA_MISC_VALIDATORS: readonly SpecValidator[] = [
  { area: 'metadata', scope: 'both', validate: metadataCauses },
  rule('discontinued-feature-gates', 'vmi', discontinuedGateCauses),
  rule('hostname', 'both', hostname),
  rule('subdomain', 'both', subdomain),
  rule('start-strategy', 'both', startStrategy),
  rule('probes', 'both', probes),
  rule('dns', 'both', dns),
  rule('eviction-strategy', 'both', evictionStrategy),
  rule('access-credentials', 'both', accessCredentials),
  rule('reboot-policy', 'both', rebootPolicy),
  rule('service-account-name', 'both', serviceAccountName),
];
