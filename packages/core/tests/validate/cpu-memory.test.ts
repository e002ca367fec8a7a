// CPU and memory admission rules (vmi-create-admitter.go): for each, a manifest KubeVirt refuses
// with its exact cause, and one it admits at the boundary. Messages from KubeVirt's source and the
// admission vectors (neg-*-cpu-*, dedicated-*, hugepages-*, guest-*, ...).
import { describe, it } from 'vitest';
import { expectRow, invalid, notSupported, required, vmiWith, vmWith, type Row } from './admit-causes.js';

const T = 'spec.template.spec';

const rows: Row[] = [
  // validateMemoryRequestsNegativeOrNull
  { name: 'memory request below 1M', manifest: vmWith((s) => (s.domain.resources.requests.memory = '999k')), want: [invalid(`${T}.domain.resources.requests.memory`, `${T}.domain.resources.requests.memory '999k': must be greater than or equal to 1M.`)] },
  { name: 'memory request of exactly 1M', manifest: vmWith((s) => (s.domain.resources.requests.memory = '1M')), want: [] },
  { name: 'negative memory request', manifest: vmWith((s) => (s.domain.resources.requests.memory = '-1Gi')), want: [invalid(`${T}.domain.resources.requests.memory`, `${T}.domain.resources.requests.memory '-1Gi': must be greater than or equal to 0.`)] },
  // validateMemoryLimitsNegativeOrNull
  {
    name: 'memory request over the limit',
    manifest: vmWith((s) => Object.assign(s.domain.resources, { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } })),
    want: [invalid(`${T}.domain.resources.requests.memory`, `${T}.domain.resources.requests.memory '2Gi' is greater than ${T}.domain.resources.limits.memory '1Gi'`)],
  },
  { name: 'memory request equal to the limit', manifest: vmWith((s) => (s.domain.resources.limits = { memory: '1Gi' })), want: [] },
  // validateHugepagesMemoryRequests
  {
    name: 'hugepages that do not divide the memory (vector hugepages-not-dividing)',
    manifest: vmWith((s) => Object.assign(s.domain, { memory: { guest: '1025Mi', hugepages: { pageSize: '2Mi' } }, resources: { requests: { memory: '1025Mi' } } })),
    want: [invalid(`${T}.domain.resources.requests.memory`, `${T}.domain.resources.requests.memory '1025Mi' is not a multiple of the page size ${T}.domain.memory.hugepages.pageSize '2Mi'`)],
  },
  { name: 'hugepages that divide the memory', manifest: vmWith((s) => (s.domain.memory.hugepages = { pageSize: '2Mi' })), want: [] },
  {
    name: 'a page larger than the memory',
    manifest: vmWith((s) => Object.assign(s.domain, { memory: { guest: '512Mi', hugepages: { pageSize: '1Gi' } }, resources: { requests: { memory: '512Mi' } } })),
    want: [invalid(`${T}.domain.resources.requests.memory`, `${T}.domain.resources.requests.memory '512Mi' must be equal to or larger than page size ${T}.domain.memory.hugepages.pageSize '1Gi'`)],
  },
  {
    name: 'a page size that is not a quantity',
    manifest: vmWith((s) => (s.domain.memory.hugepages = { pageSize: 'huge' })),
    want: [invalid(`${T}.domain.memory.hugepages.pageSize`, `${T}.domain.memory.hugepages.pageSize 'huge': quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`)],
  },
  // validateGuestMemoryLimit: only outside the LiveUpdate rollout strategy (KubeVirt's default)
  { name: 'guest over the limit under LiveUpdate (vector guest-gt-limit)', manifest: vmWith((s) => Object.assign(s.domain, { memory: { guest: '2Gi' }, resources: { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } } })), want: [] },
  {
    name: 'guest over the limit under the Stage rollout strategy',
    manifest: vmWith((s) => Object.assign(s.domain, { memory: { guest: '2Gi' }, resources: { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } } })),
    cluster: { configuration: { vmRolloutStrategy: 'Stage' } },
    want: [invalid(`${T}.domain.memory.guest`, `${T}.domain.memory.guest '2Gi' must be equal to or less than the memory limit ${T}.domain.resources.limits.memory '1Gi'`)],
  },
  {
    name: 'guest equal to the limit under Stage',
    manifest: vmWith((s) => (s.domain.resources.limits = { memory: '1Gi' })),
    cluster: { configuration: { vmRolloutStrategy: 'Stage' } },
    want: [],
  },
  // validateCPURequestNotNegative / validateCpuRequestDoesNotExceedLimit
  { name: 'negative CPU request', manifest: vmWith((s) => (s.domain.resources.requests.cpu = '-1')), want: [invalid(`${T}.domain.resources.requests.cpu`, `${T}.domain.resources.requests.cpu '-1': must be greater than or equal to 0.`)] },
  {
    name: 'CPU request over the limit (vector cpu-requests-gt-limits)',
    manifest: vmWith((s) => Object.assign(s.domain.resources, { requests: { memory: '1Gi', cpu: '4' }, limits: { cpu: '2' } })),
    want: [invalid(`${T}.domain.resources.requests.cpu`, `${T}.domain.resources.requests.cpu '4' is greater than ${T}.domain.resources.limits.cpu '2'`)],
  },
  { name: 'CPU request equal to the limit', manifest: vmWith((s) => Object.assign(s.domain.resources, { requests: { memory: '1Gi', cpu: '2' }, limits: { cpu: '2000m' } })), want: [] },
  // validateCpuPinning
  {
    name: 'three threads with dedicated CPUs (vector dedicated-threads-3)',
    manifest: vmWith((s) => (s.domain.cpu = { cores: 1, threads: 3, dedicatedCpuPlacement: true })),
    want: [invalid(`${T}.domain.cpu.dedicatedCpuPlacement`, `Not more than two threads must be provided at ${T}.domain.cpu.threads (got 3) when DedicatedCPUPlacement is true`)],
  },
  { name: 'two threads with dedicated CPUs', manifest: vmWith((s) => (s.domain.cpu = { cores: 1, threads: 2, dedicatedCpuPlacement: true })), want: [] },
  {
    name: 'a fractional CPU request with dedicated CPUs',
    manifest: vmWith((s) => Object.assign(s.domain, { cpu: { cores: 2, dedicatedCpuPlacement: true }, resources: { requests: { memory: '1Gi', cpu: '1500m' } } })),
    want: [invalid(`${T}.domain.resources.requests.cpu`, 'provided resources CPU requests must be an interger')],
  },
  {
    name: 'dedicated CPUs with requests and limits that differ',
    manifest: vmWith((s) => Object.assign(s.domain, { cpu: { dedicatedCpuPlacement: true }, resources: { requests: { memory: '1Gi', cpu: '2' }, limits: { memory: '1Gi', cpu: '4' } } })),
    want: [invalid(`${T}.domain.cpu.dedicatedCpuPlacement`, `${T}.domain.resources.requests.cpu or ${T}.domain.resources.limits.cpu must be equal when DedicatedCPUPlacement is true `)],
  },
  {
    name: 'dedicated CPUs with a CPU count that disagrees with the topology',
    manifest: vmWith((s) => Object.assign(s.domain, { cpu: { cores: 4, dedicatedCpuPlacement: true }, resources: { requests: { memory: '1Gi', cpu: '2' } } })),
    want: [invalid(`${T}.domain.cpu.dedicatedCpuPlacement`, `${T}.domain.resources.requests.cpu or ${T}.domain.resources.limits.cpu must not be provided at the same time with ${T}.domain.cpu.cores when DedicatedCPUPlacement is true `)],
  },
  {
    name: 'dedicated CPUs with memory limits unlike the requests',
    manifest: vmWith((s) => Object.assign(s.domain, { cpu: { cores: 2, dedicatedCpuPlacement: true }, resources: { requests: { memory: '1Gi' }, limits: { memory: '2Gi' } } })),
    want: [invalid(`${T}.domain.resources.requests.memory`, `${T}.domain.resources.requests.memory must be equal to ${T}.domain.resources.limits.memory`)],
  },
  // validateNUMA, validateCPUIsolatorThread, validateRealtime
  {
    name: 'NUMA passthrough without dedicated CPUs or hugepages (vector numa-passthrough-without-dedicated)',
    manifest: vmWith((s) => (s.domain.cpu.numa = { guestMappingPassthrough: {} })),
    want: [
      invalid(`${T}.domain.cpu.numa.guestMappingPassthrough`, `${T}.domain.cpu.dedicatedCpuPlacement must be set to true when NUMA topology strategy is set in ${T}.domain.cpu.numa.guestMappingPassthrough`),
      invalid(`${T}.domain.cpu.numa.guestMappingPassthrough`, `${T}.domain.memory.hugepages must be requested when NUMA topology strategy is set in ${T}.domain.cpu.numa.guestMappingPassthrough`),
    ],
  },
  {
    name: 'NUMA passthrough with dedicated CPUs and hugepages',
    manifest: vmWith((s) => Object.assign(s.domain, { cpu: { cores: 2, dedicatedCpuPlacement: true, numa: { guestMappingPassthrough: {} } }, memory: { guest: '1Gi', hugepages: { pageSize: '2Mi' } } })),
    want: [],
  },
  {
    name: 'isolateEmulatorThread without dedicated CPUs (vector)',
    manifest: vmWith((s) => (s.domain.cpu.isolateEmulatorThread = true)),
    want: [invalid(`${T}.domain.cpu.isolateEmulatorThread`, 'IsolateEmulatorThread should be only set in combination with DedicatedCPUPlacement')],
  },
  { name: 'isolateEmulatorThread with dedicated CPUs', manifest: vmWith((s) => Object.assign(s.domain.cpu, { isolateEmulatorThread: true, dedicatedCpuPlacement: true })), want: [] },
  {
    name: 'realtime without dedicated CPUs or NUMA (vector realtime-without-dedicated)',
    manifest: vmWith((s) => (s.domain.cpu.realtime = {})),
    want: [
      required(`${T}.domain.cpu.dedicatedCpuPlacement`, `${T}.domain.cpu.dedicatedCpuPlacement must be set to true when ${T}.domain.cpu.realtime is used`),
      required(`${T}.domain.cpu.numa.guestMappingPassthrough`, `${T}.domain.cpu.numa.guestMappingPassthrough must be defined when ${T}.domain.cpu.realtime is used`),
    ],
  },
  // validateCPUFeaturePolicies
  {
    name: 'an unknown CPU feature policy (vector cpu-feature-bad-policy)',
    manifest: vmWith((s) => (s.domain.cpu.features = [{ name: 'pcid', policy: 'maybe' }])),
    want: [notSupported(`${T}.domain.cpu.features[0].policy`, 'CPU feature pcid uses policy maybe that is not supported.')],
  },
  { name: 'the forbid policy', manifest: vmWith((s) => (s.domain.cpu.features = [{ name: 'pcid', policy: 'forbid' }])), want: [] },
  // validateCPUHotplug (+ validateLiveUpdateCPU on the VM: the same cause twice, one in the set)
  {
    name: 'more sockets than maxSockets (vector max-sockets-lt-sockets)',
    manifest: vmWith((s) => Object.assign(s.domain.cpu, { sockets: 4, maxSockets: 2 })),
    want: [invalid(`${T}.domain.cpu.sockets`, 'Number of sockets in CPU topology is greater than the maximum sockets allowed')],
  },
  { name: 'sockets equal to maxSockets', manifest: vmWith((s) => Object.assign(s.domain.cpu, { sockets: 2, maxSockets: 2 })), want: [] },
  // validateIOThreadsPolicy
  {
    name: 'supplementalPool without a count (vector supplemental-pool-without-count)',
    manifest: vmWith((s) => (s.domain.ioThreadsPolicy = 'supplementalPool')),
    want: [invalid(`${T}.domain.ioThreads.count`, 'the number of iothreads needs to be set and positive for the dedicated policy')],
  },
  { name: 'supplementalPool with one thread', manifest: vmWith((s) => Object.assign(s.domain, { ioThreadsPolicy: 'supplementalPool', ioThreads: { supplementalPoolThreadCount: 1 } })), want: [] },
  { name: 'an unknown IOThreads policy', manifest: vmWith((s) => (s.domain.ioThreadsPolicy = 'dedicated')), want: [invalid(`${T}.domain.ioThreadsPolicy`, 'Invalid IOThreadsPolicy (dedicated)')] },
  // validateReservedOverheadMemlock
  {
    name: 'reservedOverhead without its gate',
    manifest: vmWith((s) => (s.domain.memory.reservedOverhead = { addedOverhead: '100Mi' })),
    want: [invalid(`${T}.domain.memory.reservedOverhead`, 'Reserved overhead memlock feature gate is not enabled in kubevirt-config')],
  },
  {
    name: 'reservedOverhead with ReservedOverheadMemlock on',
    manifest: vmWith((s) => (s.domain.memory.reservedOverhead = { addedOverhead: '100Mi' })),
    cluster: { configuration: { developerConfiguration: { featureGates: ['ReservedOverheadMemlock'] } } },
    want: [],
  },
  // Admitted although they look wrong (vectors cores-1e9, guest-memory-negative).
  { name: 'a billion cores', manifest: vmWith((s) => (s.domain.cpu.cores = 1_000_000_000)), want: [] },
  { name: 'negative guest memory', manifest: vmWith((s) => (s.domain.memory.guest = '-1Gi')), want: [] },
];

const vmiRows: Row[] = [
  {
    name: 'VMI: CPU request over the limit, printed from spec',
    manifest: vmiWith((s) => Object.assign(s.domain.resources, { requests: { memory: '1Gi', cpu: '4' }, limits: { cpu: '2' } })),
    want: [invalid('spec.domain.resources.requests.cpu', "spec.domain.resources.requests.cpu '4' is greater than spec.domain.resources.limits.cpu '2'")],
  },
  {
    name: 'VMI without any memory (ValidateVirtualMachineInstanceMandatoryFields: no field)',
    manifest: vmiWith((s) => Object.assign(s.domain, { memory: undefined, resources: {} })),
    want: [required('', "no memory requested, at least one of 'spec.domain.memory.guest', 'spec.domain.memory.hugepages.pageSize' or 'spec.domain.resources.requests.memory' must be set")],
  },
  { name: 'VMI with only a memory limit (the defaults copy it)', manifest: vmiWith((s) => Object.assign(s.domain, { memory: undefined, resources: { limits: { memory: '1Gi' } } })), want: [] },
];

describe('CPU and memory admission rules', () => {
  for (const row of [...rows, ...vmiRows]) it(row.name, () => expectRow(row));
});
