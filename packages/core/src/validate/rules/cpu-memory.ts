// CPU and memory checks of ValidateVirtualMachineInstanceSpec (vmi-create-admitter.go): memory
// requests/limits, hugepages, guest vs limit, CPU requests/limits, dedicated CPU placement, NUMA,
// emulator thread isolation, CPU feature policies, sockets vs maxSockets, realtime, IOThreads
// policy, reserved overhead; and ValidateVirtualMachineInstanceMandatoryFields (VMI webhook only).

import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import { isLiveUpdateRollout } from '../../defaults/cluster-settings.js';
import { cmp, mustParse } from '../../quantity/index.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';
import type { SpecValidator, ValidationSubject } from './index.js';
import { arr, milliValue, num, obj, quantity, quantityString, resource, resourceString, str, value } from './read.js';

type Check = (spec: VirtualMachineInstanceSpec, field: FieldPath, ctx: ValidationContext) => AdmissionCause[];

const ONE_MEGABYTE = mustParse('1M');
const MUST_BE_POSITIVE = (path: string, q: string): string => `${path} '${q}': must be greater than or equal to 0.`;

/** validateMemoryRequestsNegativeOrNull */
const memoryRequestsNegativeOrTiny: Check = (spec, field) => {
  const path = field.child('domain', 'resources', 'requests', 'memory');
  const req = resource(spec, 'requests', 'memory');
  const shown = resourceString(spec, 'requests', 'memory');
  if (value(req) < 0n) return [path.cause('FieldValueInvalid', MUST_BE_POSITIVE(path.printed, shown))];
  if (value(req) > 0n && cmp(req, ONE_MEGABYTE) < 0) return [path.cause('FieldValueInvalid', `${path.printed} '${shown}': must be greater than or equal to 1M.`)];
  return [];
};

/** validateMemoryLimitsNegativeOrNull */
const memoryLimitsNegativeOrBelowRequests: Check = (spec, field) => {
  const causes: AdmissionCause[] = [];
  const limitPath = field.child('domain', 'resources', 'limits', 'memory');
  const reqPath = field.child('domain', 'resources', 'requests', 'memory');
  const limit = value(resource(spec, 'limits', 'memory'));
  const limitShown = resourceString(spec, 'limits', 'memory');
  if (limit < 0n) causes.push(limitPath.cause('FieldValueInvalid', MUST_BE_POSITIVE(limitPath.printed, limitShown)));
  if (limit > 0n && value(resource(spec, 'requests', 'memory')) > limit) {
    causes.push(reqPath.cause('FieldValueInvalid', `${reqPath.printed} '${resourceString(spec, 'requests', 'memory')}' is greater than ${limitPath.printed} '${limitShown}'`));
  }
  return causes;
};

/** validateHugepagesMemoryRequests */
const hugepagesDivideMemory: Check = (spec, field) => {
  const hugepages = obj(spec.domain.memory?.hugepages);
  if (!hugepages) return [];
  const pageSizeText = str(hugepages.pageSize);
  const pagePath = field.child('domain', 'memory', 'hugepages', 'pageSize');
  const reqPath = field.child('domain', 'resources', 'requests', 'memory');
  const pageSize = quantity(pageSizeText);
  if (pageSize === undefined) return [pagePath.cause('FieldValueInvalid', `${pagePath.printed} '${pageSizeText}': quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`)];
  let vmMemory = value(resource(spec, 'requests', 'memory'));
  if (vmMemory === 0n) vmMemory = guestValue(spec);
  if (vmMemory === 0n) vmMemory = value(resource(spec, 'limits', 'memory'));
  const page = value(pageSize);
  const shown = resourceString(spec, 'requests', 'memory');
  if (vmMemory !== 0n && vmMemory < page) {
    return [reqPath.cause('FieldValueInvalid', `${reqPath.printed} '${shown}' must be equal to or larger than page size ${pagePath.printed} '${pageSizeText}'`)];
  }
  // Go's `%` panics on a zero page size; decoding has already refused such a value upstream.
  if (page !== 0n && vmMemory % page !== 0n) {
    return [reqPath.cause('FieldValueInvalid', `${reqPath.printed} '${shown}' is not a multiple of the page size ${pagePath.printed} '${pageSizeText}'`)];
  }
  return [];
};

/** memory.guest's Value(), 0 when unset. */
function guestValue(spec: VirtualMachineInstanceSpec): bigint {
  const g = quantity(spec.domain.memory?.guest);
  return g ? value(g) : 0n;
}

/** validateGuestMemoryLimit: skipped under the LiveUpdate rollout strategy (the default). */
const guestWithinLimit: Check = (spec, field, ctx) => {
  if (isLiveUpdateRollout(ctx.config)) return [];
  const guestText = spec.domain.memory?.guest;
  if (guestText === undefined) return [];
  const limits = value(resource(spec, 'limits', 'memory'));
  if (limits !== 0n && limits < guestValue(spec)) {
    const path = field.child('domain', 'memory', 'guest');
    const limitPath = field.child('domain', 'resources', 'limits', 'memory');
    return [path.cause('FieldValueInvalid', `${path.printed} '${quantityString(guestText)}' must be equal to or less than the memory limit ${limitPath.printed} '${resourceString(spec, 'limits', 'memory')}'`)];
  }
  return [];
};

/** validateCPURequestNotNegative / validateCPULimitNotNegative */
function cpuNotNegative(kind: 'requests' | 'limits'): Check {
  return (spec, field) => {
    const path = field.child('domain', 'resources', kind, 'cpu');
    if (milliValue(resource(spec, kind, 'cpu')) >= 0n) return [];
    return [path.cause('FieldValueInvalid', MUST_BE_POSITIVE(path.printed, resourceString(spec, kind, 'cpu')))];
  };
}

/** validateCpuRequestDoesNotExceedLimit */
const cpuRequestWithinLimit: Check = (spec, field) => {
  const limit = milliValue(resource(spec, 'limits', 'cpu'));
  if (limit <= 0n || milliValue(resource(spec, 'requests', 'cpu')) <= limit) return [];
  const req = field.child('domain', 'resources', 'requests', 'cpu');
  const lim = field.child('domain', 'resources', 'limits', 'cpu');
  return [req.cause('FieldValueInvalid', `${req.printed} '${resourceString(spec, 'requests', 'cpu')}' is greater than ${lim.printed} '${resourceString(spec, 'limits', 'cpu')}'`)];
};

/** hwutil.GetNumberOfVCPUs: cores × sockets × threads over the set ones, in uint32 (it wraps). */
export function numberOfVcpus(cpu: { cores?: unknown; sockets?: unknown; threads?: unknown }): bigint {
  const U32 = 2n ** 32n;
  let v = BigInt(num(cpu.cores));
  for (const n of [num(cpu.sockets), num(cpu.threads)]) {
    if (n === 0) continue;
    v = v === 0n ? BigInt(n) : (v * BigInt(n)) % U32;
  }
  return v;
}

/** validateCpuPinning and the checks it runs with dedicatedCpuPlacement. */
const dedicatedCpuPlacement: Check = (spec, field, ctx) => {
  const cpu = spec.domain.cpu;
  if (!cpu || cpu.dedicatedCpuPlacement !== true) return [];
  const causes: AdmissionCause[] = [];
  const reqCpuPath = field.child('domain', 'resources', 'requests', 'cpu');
  const limCpuPath = field.child('domain', 'resources', 'limits', 'cpu');
  const coresPath = field.child('domain', 'cpu', 'cores');
  const placementPath = field.child('domain', 'cpu', 'dedicatedCpuPlacement');
  const reqCpu = resource(spec, 'requests', 'cpu');
  const limCpu = resource(spec, 'limits', 'cpu');
  const reqMem = value(resource(spec, 'requests', 'memory'));
  const limMem = value(resource(spec, 'limits', 'memory'));

  // validateMemoryIsProvided
  const memoryMissing = (): boolean => {
    if (limMem !== 0n || reqMem !== 0n) return false;
    const memory = spec.domain.memory;
    if (!memory) return true;
    if (memory.hugepages !== undefined) return false;
    return guestValue(spec) === 0n;
  };
  if (memoryMissing()) {
    const p = (...n: string[]): string => field.child(...n).printed;
    causes.push(
      field.child('domain', 'resources', 'limits', 'memory').cause(
        'FieldValueInvalid',
        `${p('domain', 'resources', 'requests', 'memory')}, ${p('domain', 'resources', 'limits', 'memory')}, ${p('domain', 'memory', 'hugepages')} or ${p('domain', 'memory', 'guest')} should be provided`,
      ),
    );
  }
  // validateCPURequestIsInteger / validateCPULimitIsInteger
  if (value(reqCpu) > 0n && value(reqCpu) * 1000n !== milliValue(reqCpu)) causes.push(reqCpuPath.cause('FieldValueInvalid', 'provided resources CPU requests must be an interger'));
  if (value(limCpu) > 0n && value(limCpu) * 1000n !== milliValue(limCpu)) causes.push(limCpuPath.cause('FieldValueInvalid', 'provided resources CPU limits must be an interger'));
  // validateMemoryRequestsAndLimits
  if (reqMem > 0n && limMem > 0n && reqMem !== limMem) {
    const reqMemPath = field.child('domain', 'resources', 'requests', 'memory');
    causes.push(reqMemPath.cause('FieldValueInvalid', `${reqMemPath.printed} must be equal to ${field.child('domain', 'resources', 'limits', 'memory').printed}`));
  }
  const vcpus = numberOfVcpus(cpu);
  const req = value(reqCpu);
  const lim = value(limCpu);
  // validateRequestLimitOrCoresProvidedOnDedicatedCPUPlacement
  if (req === 0n && lim === 0n && vcpus === 0n) {
    causes.push(placementPath.cause('FieldValueInvalid', `either ${reqCpuPath.printed} or ${limCpuPath.printed} or ${coresPath.printed} must be provided when DedicatedCPUPlacement is true `));
  }
  // validateRequestEqualsLimitOnDedicatedCPUPlacement
  if (req > 0n && lim > 0n && req !== lim) {
    causes.push(placementPath.cause('FieldValueInvalid', `${reqCpuPath.printed} or ${limCpuPath.printed} must be equal when DedicatedCPUPlacement is true `));
  }
  // validateRequestOrLimitWithCoresProvidedOnDedicatedCPUPlacement
  if ((req > 0n || lim > 0n) && vcpus > 0n && req !== vcpus && lim !== vcpus) {
    causes.push(placementPath.cause('FieldValueInvalid', `${reqCpuPath.printed} or ${limCpuPath.printed} must not be provided at the same time with ${coresPath.printed} when DedicatedCPUPlacement is true `));
  }
  const threads = num(cpu.threads);
  const threadsPath = field.child('domain', 'cpu', 'threads');
  // validateThreadCountOnArchitecture
  const arch = str(spec.architecture) || ctx.defaultArchitecture;
  if (threads > 1 && arch === 'arm64') {
    const archPath = field.child('architecture');
    causes.push(archPath.cause('FieldValueInvalid', `threads must not be greater than 1 at ${threadsPath.printed} (got ${threads}) when ${archPath.printed} is arm64`));
  }
  // validateThreadCountOnDedicatedCPUPlacement
  if (threads > 2) {
    causes.push(placementPath.cause('FieldValueInvalid', `Not more than two threads must be provided at ${threadsPath.printed} (got ${threads}) when DedicatedCPUPlacement is true`));
  }
  return causes;
};

/** validateNUMA */
const numaPassthrough: Check = (spec, field, ctx) => {
  const cpu = spec.domain.cpu;
  if (!cpu || obj(cpu.numa)?.guestMappingPassthrough === undefined) return [];
  const causes: AdmissionCause[] = [];
  const path = field.child('domain', 'cpu', 'numa', 'guestMappingPassthrough');
  if (!ctx.gate('NUMA')) causes.push(path.cause('FieldValueInvalid', `NUMA feature gate is not enabled in kubevirt-config, invalid entry ${path.printed}`));
  if (cpu.dedicatedCpuPlacement !== true) {
    causes.push(path.cause('FieldValueInvalid', `${field.child('domain', 'cpu', 'dedicatedCpuPlacement').printed} must be set to true when NUMA topology strategy is set in ${path.printed}`));
  }
  if (spec.domain.memory?.hugepages === undefined) {
    causes.push(path.cause('FieldValueInvalid', `${field.child('domain', 'memory', 'hugepages').printed} must be requested when NUMA topology strategy is set in ${path.printed}`));
  }
  return causes;
};

/** validateCPUIsolatorThread */
const isolateEmulatorThread: Check = (spec, field) => {
  const cpu = spec.domain.cpu;
  if (!cpu || cpu.isolateEmulatorThread !== true || cpu.dedicatedCpuPlacement === true) return [];
  return [field.child('domain', 'cpu', 'isolateEmulatorThread').cause('FieldValueInvalid', 'IsolateEmulatorThread should be only set in combination with DedicatedCPUPlacement')];
};

/** validCPUFeaturePolicies */
const CPU_FEATURE_POLICIES: ReadonlySet<string> = new Set(['', 'force', 'require', 'optional', 'disable', 'forbid']);

/** validateCPUFeaturePolicies */
const cpuFeaturePolicies: Check = (spec, field) =>
  arr(spec.domain.cpu?.features).flatMap((f, i) => {
    const feature = obj(f) ?? {};
    const policy = str(feature.policy);
    if (CPU_FEATURE_POLICIES.has(policy)) return [];
    const path = field.child('domain', 'cpu', 'features').index(i).child('policy');
    return [path.cause('FieldValueNotSupported', `CPU feature ${str(feature.name)} uses policy ${policy} that is not supported.`)];
  });

/** validateCPUHotplug */
const socketsWithinMax: Check = (spec, field) => {
  const cpu = spec.domain.cpu;
  if (!cpu || num(cpu.maxSockets) === 0 || num(cpu.sockets) <= num(cpu.maxSockets)) return [];
  return [field.child('domain', 'cpu', 'sockets').cause('FieldValueInvalid', 'Number of sockets in CPU topology is greater than the maximum sockets allowed')];
};

/** validateRealtime (validateCPURealtime, validateMemoryRealtime) */
const realtime: Check = (spec, field) => {
  const cpu = spec.domain.cpu;
  if (!cpu || cpu.realtime === undefined) return [];
  const causes: AdmissionCause[] = [];
  const rt = field.child('domain', 'cpu', 'realtime').printed;
  if (cpu.dedicatedCpuPlacement !== true) {
    const path = field.child('domain', 'cpu', 'dedicatedCpuPlacement');
    causes.push(path.cause('FieldValueRequired', `${path.printed} must be set to true when ${rt} is used`));
  }
  if (obj(cpu.numa)?.guestMappingPassthrough === undefined) {
    const path = field.child('domain', 'cpu', 'numa', 'guestMappingPassthrough');
    causes.push(path.cause('FieldValueRequired', `${path.printed} must be defined when ${rt} is used`));
  }
  return causes;
};

const IO_THREADS_POLICIES: ReadonlySet<string> = new Set(['shared', 'auto', 'supplementalPool']);

/** validateIOThreadsPolicy */
const ioThreadsPolicy: Check = (spec, field) => {
  const policy = spec.domain.ioThreadsPolicy;
  if (policy === undefined) return [];
  const causes: AdmissionCause[] = [];
  if (!IO_THREADS_POLICIES.has(str(policy))) causes.push(field.child('domain', 'ioThreadsPolicy').cause('FieldValueInvalid', `Invalid IOThreadsPolicy (${str(policy)})`));
  const count = obj(spec.domain.ioThreads)?.supplementalPoolThreadCount;
  if (policy === 'supplementalPool' && (count === undefined || num(count) < 1)) {
    causes.push(field.child('domain', 'ioThreads', 'count').cause('FieldValueInvalid', 'the number of iothreads needs to be set and positive for the dedicated policy'));
  }
  return causes;
};

/** validateReservedOverheadMemlock */
const reservedOverhead: Check = (spec, field, ctx) => {
  if (spec.domain.memory?.reservedOverhead === undefined || ctx.gate('ReservedOverheadMemlock')) return [];
  return [field.child('domain', 'memory', 'reservedOverhead').cause('FieldValueInvalid', 'Reserved overhead memlock feature gate is not enabled in kubevirt-config')];
};

/** ValidateVirtualMachineInstanceMandatoryFields: a VMI must ask for some memory (no field printed). */
const memoryRequested: Check = (spec, field) => {
  if (value(resource(spec, 'requests', 'memory')) !== 0n) return [];
  const memory = spec.domain.memory;
  if (memory && (memory.guest !== undefined || memory.hugepages !== undefined)) return [];
  const p = (...n: string[]): string => field.child(...n).printed;
  const message = `no memory requested, at least one of '${p('domain', 'memory', 'guest')}', '${p('domain', 'memory', 'hugepages', 'pageSize')}' or '${p('domain', 'resources', 'requests', 'memory')}' must be set`;
  return [field.child('domain', 'memory').cause('FieldValueRequired', message, '')];
};

function rule(area: string, scope: SpecValidator['scope'], check: Check): SpecValidator {
  return { area, scope, validate: (s: ValidationSubject, ctx) => check(s.spec, s.specField, ctx) };
}

export const CPU_MEMORY_VALIDATORS: readonly SpecValidator[] = [
  rule('memory-requests', 'both', memoryRequestsNegativeOrTiny),
  rule('memory-limits', 'both', memoryLimitsNegativeOrBelowRequests),
  rule('hugepages', 'both', hugepagesDivideMemory),
  rule('guest-memory-limit', 'both', guestWithinLimit),
  rule('cpu-request-not-negative', 'both', cpuNotNegative('requests')),
  rule('cpu-limit-not-negative', 'both', cpuNotNegative('limits')),
  rule('cpu-request-within-limit', 'both', cpuRequestWithinLimit),
  rule('dedicated-cpu-placement', 'both', dedicatedCpuPlacement),
  rule('numa', 'both', numaPassthrough),
  rule('isolate-emulator-thread', 'both', isolateEmulatorThread),
  rule('cpu-feature-policies', 'both', cpuFeaturePolicies),
  rule('cpu-hotplug', 'both', socketsWithinMax),
  rule('realtime', 'both', realtime),
  rule('io-threads-policy', 'both', ioThreadsPolicy),
  rule('reserved-overhead', 'both', reservedOverhead),
  rule('memory-requested', 'vmi', memoryRequested),
];
