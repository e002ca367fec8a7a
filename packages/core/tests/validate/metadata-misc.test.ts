// Metadata, names, probes, DNS, eviction, access credentials and other spec admission rules: for
// each, a manifest KubeVirt refuses with its exact cause, and one it admits at the boundary.
// Messages from KubeVirt's source (vmi-create-admitter.go, apimachinery's validators) and the vectors.
import { describe, it } from 'vitest';
import { expectRow, invalid, notSupported, required, vmiWith, vmWith, type Row } from './admit-causes.js';

const T = 'spec.template.spec';
const LABEL_RULES =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_RULES =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const rows: Row[] = [
  // ValidateVirtualMachineInstanceMetadata
  {
    name: 'a reserved kubevirt.io label (vector restricted-label)',
    manifest: vmWith((_s, vm) => (vm.spec.template.metadata.labels['kubevirt.io/nodeName'] = 'node1')),
    want: [notSupported('spec.template.metadata.labels', 'creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited')],
  },
  { name: 'kubevirt.io/vm is not reserved', manifest: vmWith(() => undefined), want: [] },
  {
    name: 'a reserved label on a VMI',
    manifest: vmiWith((_s, vmi) => (vmi.metadata.labels = { 'kubevirt.io/created-by': 'me' })),
    want: [notSupported('metadata.labels', 'creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited')],
  },
  {
    name: 'the ignition annotation without its gate',
    manifest: vmWith((_s, vm) => (vm.spec.template.metadata.annotations = { 'kubevirt.io/ignitiondata': '{}' })),
    want: [invalid('spec.template.metadata.annotations', 'ExperimentalIgnitionSupport feature gate is not enabled in kubevirt-config, invalid entry spec.template.metadata.annotations.kubevirt.io/ignitiondata')],
  },
  {
    name: 'the ignition annotation with its gate',
    manifest: vmWith((_s, vm) => (vm.spec.template.metadata.annotations = { 'kubevirt.io/ignitiondata': '{}' })),
    cluster: { configuration: { developerConfiguration: { featureGates: ['ExperimentalIgnitionSupport'] } } },
    want: [],
  },
  // hostname / subdomain
  {
    name: 'an invalid hostname (vector hostname-invalid)',
    manifest: vmWith((s) => (s.hostname = 'Bad_Host')),
    want: [invalid(`${T}.hostname`, `${T}.hostname does not conform to the kubernetes DNS_LABEL rules : ${LABEL_RULES}`)],
  },
  { name: 'a hostname with dots', manifest: vmWith((s) => (s.hostname = 'my.host')), want: [invalid(`${T}.hostname`, `${T}.hostname does not conform to the kubernetes DNS_LABEL rules : must not contain dots`)] },
  { name: 'a 63-character hostname', manifest: vmWith((s) => (s.hostname = 'a'.repeat(63))), want: [] },
  { name: 'a 64-character hostname', manifest: vmWith((s) => (s.hostname = 'a'.repeat(64))), want: [invalid(`${T}.hostname`, `${T}.hostname does not conform to the kubernetes DNS_LABEL rules : must be no more than 63 characters`)] },
  { name: 'an invalid subdomain', manifest: vmWith((s) => (s.subdomain = 'Sub')), want: [invalid(`${T}.subdomain`, `${T}.subdomain does not conform to the kubernetes DNS_SUBDOMAIN rules : ${SUBDOMAIN_RULES}`)] },
  { name: 'a dotted subdomain', manifest: vmWith((s) => (s.subdomain = 'a.b')), want: [] },
  // validateLiveMigration
  { name: 'an unknown eviction strategy (vector eviction-invalid)', manifest: vmWith((s) => (s.evictionStrategy = 'Foo')), want: [invalid(`${T}.evictionStrategy`, `${T}.evictionStrategy is set with an unrecognized option: Foo`)] },
  { name: 'LiveMigrateIfPossible', manifest: vmWith((s) => (s.evictionStrategy = 'LiveMigrateIfPossible')), want: [] },
  // validateStartStrategy
  { name: 'an unknown start strategy', manifest: vmWith((s) => (s.startStrategy = 'Running')), want: [invalid(`${T}.startStrategy`, `${T}.startStrategy is set with an unrecognized option: Running`)] },
  {
    name: 'Paused with a liveness probe',
    manifest: vmWith((s) => Object.assign(s, { startStrategy: 'Paused', livenessProbe: { tcpSocket: { port: 22 } } })),
    want: [invalid(`${T}.startStrategy`, `either ${T}.startStrategy or ${T}.livenessProbe should be provided.Pausing VMI with LivenessProbe is not supported`)],
  },
  { name: 'Paused', manifest: vmWith((s) => (s.startStrategy = 'Paused')), want: [] },
  // validateProbe
  {
    name: 'a probe with two handlers (vector probe-two-handlers)',
    manifest: vmWith((s) => (s.livenessProbe = { tcpSocket: { port: 22 }, httpGet: { port: 80 } })),
    want: [invalid(`${T}.livenessProbe`, `${T}.livenessProbe must have exactly one probe type set`)],
  },
  {
    name: 'a probe without a handler',
    manifest: vmWith((s) => (s.readinessProbe = { initialDelaySeconds: 5 })),
    want: [required(`${T}.readinessProbe`, `either ${T}.readinessProbe.tcpSocket, ${T}.readinessProbe.exec or ${T}.readinessProbe.httpGet must be set if a ${T}.readinessProbe is specified`)],
  },
  { name: 'a guest-agent ping probe', manifest: vmWith((s) => (s.readinessProbe = { guestAgentPing: {} })), want: [] },
  {
    name: 'an HTTP probe without the pod network',
    manifest: vmWith((s) => Object.assign(s, { readinessProbe: { httpGet: { port: 80 } }, networks: [], domain: { ...s.domain, devices: { ...s.domain.devices, interfaces: [], autoattachPodInterface: false } } })),
    want: [invalid(`${T}.readinessProbe.httpGet`, `${T}.readinessProbe.httpGet is only allowed if the Pod Network is attached`)],
  },
  // validateDNSPolicy / validatePodDNSConfig: Kubernetes' copies print bare field names
  {
    name: 'four nameservers (vector dns-too-many-nameservers)',
    manifest: vmWith((s) => Object.assign(s, { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'] } })),
    want: [invalid('nameservers', 'must not have more than 3 nameservers: [1.1.1.1 2.2.2.2 3.3.3.3 4.4.4.4]')],
  },
  { name: 'three nameservers, one IPv6', manifest: vmWith((s) => Object.assign(s, { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1', '2001:db8::1', '::ffff:10.0.0.1'] } })), want: [] },
  { name: 'a nameserver that is not an IP', manifest: vmWith((s) => (s.dnsConfig = { nameservers: ['dns.local'] })), want: [invalid('nameservers', 'must be valid IP address: dns.local')] },
  { name: 'dnsPolicy None without dnsConfig', manifest: vmWith((s) => (s.dnsPolicy = 'None')), want: [required(`${T}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None')] },
  {
    name: 'an unknown dnsPolicy',
    manifest: vmWith((s) => (s.dnsPolicy = 'Bogus')),
    want: [notSupported(`${T}.dnsPolicy`, 'DNSPolicy: Bogus is not supported, valid values: [ClusterFirstWithHostNet ClusterFirst Default None ]')],
  },
  { name: 'an invalid search domain', manifest: vmWith((s) => (s.dnsConfig = { searches: ['Bad'] })), want: [invalid('searchDomains', SUBDOMAIN_RULES)] },
  // validateAccessCredentials
  {
    name: 'an SSH key by noCloud without a noCloud volume',
    manifest: vmWith((s) => (s.accessCredentials = [{ sshPublicKey: { source: { secret: { secretName: 'k' } }, propagationMethod: { noCloud: {} } } }])),
    want: [invalid(`${T}.accessCredentials[0].sshPublicKey.propagationMethod`, `${T}.accessCredentials[0] requires a noCloud volume to exist when the noCloud propagationMethod is in use.`)],
  },
  {
    name: 'an SSH key by the guest agent',
    manifest: vmWith((s) => (s.accessCredentials = [{ sshPublicKey: { source: { secret: { secretName: 'k' } }, propagationMethod: { qemuGuestAgent: { users: ['fedora'] } } } }])),
    want: [],
  },
  {
    name: 'a credential with no type',
    manifest: vmWith((s) => (s.accessCredentials = [{}])),
    want: [invalid(`${T}.accessCredentials[0]`, `${T}.accessCredentials[0] must have exactly one access credential type set`)],
  },
  // validateRebootPolicy (Beta from v1.9), validateServiceAccountName (v1.9+)
  { name: 'rebootPolicy on main', manifest: vmWith((s) => (s.domain.rebootPolicy = 'Terminate')), want: [] },
  {
    name: 'rebootPolicy on v1.8 without its gate',
    manifest: vmWith((s) => (s.domain.rebootPolicy = 'Terminate')),
    cluster: { version: 'v1.8.4' },
    want: [invalid(`${T}.domain.rebootPolicy`, 'RebootPolicy is specified but the RebootPolicy feature gate is not enabled')],
  },
  {
    name: 'an invalid service account name',
    manifest: vmWith((s) => (s.serviceAccountName = 'Bad_Name')),
    want: [invalid(`${T}.serviceAccountName`, `${T}.serviceAccountName is not a valid service account name: ${SUBDOMAIN_RULES}`)],
  },
  // v1.8's API has no spec.serviceAccountName: the API server's strict field validation refuses it first.
  {
    name: 'a service account name on v1.8 (no such field there)',
    manifest: vmWith((s) => (s.serviceAccountName = 'Bad_Name')),
    cluster: { version: 'v1.8.4' },
    want: [{ type: 'FieldValueUnknown', field: `${T}.serviceAccountName`, message: `unknown field "${T}.serviceAccountName"` }],
  },
  // Admitted although odd (vectors timezone-invalid, firmware-uuid-bad).
  { name: 'an unknown timezone', manifest: vmWith((s) => (s.domain.clock = { timezone: 'Mars/Olympus' })), want: [] },
  { name: 'a firmware uuid that is not a UUID', manifest: vmWith((s) => (s.domain.firmware = { uuid: 'not-a-uuid' })), want: [] },
];

describe('metadata and other spec admission rules', () => {
  for (const row of rows) it(row.name, () => expectRow(row));
});
