// The VM-level part of ValidateVirtualMachineSpec (vms-admitter.go): the template must exist, the
// DataVolume templates (storageadmitters.ValidateDataVolumeTemplate), running vs runStrategy
// (validateRunStrategy) and, under the LiveUpdate rollout strategy, the hotplug limits
// (validateLiveUpdateFeatures). None of it needs live cluster state. `vmSpec` is the VM's spec path
// (`spec`, or a pool's `spec.virtualMachineTemplate.spec`).

import type { VirtualMachine } from '../api/kubevirt-types.js';
import { isLiveUpdateRollout } from '../defaults/cluster-settings.js';
import { liveUpdateMemoryProblem } from '../defaults/hotplug-defaults.js';
import { FieldPath, type AdmissionCause } from './cause.js';
import type { ValidationContext } from './context.js';
import { arr, num, obj, str } from './rules/read.js';

/** validRunStrategies */
const RUN_STRATEGIES: ReadonlySet<string> = new Set(['Halted', 'Manual', 'Always', 'RerunOnFailure', 'Once']);

/** validateRunStrategy */
export function runStrategyCauses(vm: VirtualMachine, ctx: ValidationContext, vmSpec: FieldPath): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const running = vm.spec.running;
  const strategy = vm.spec.runStrategy;
  const runningSet = running !== undefined && running !== null;
  const strategySet = strategy !== undefined && strategy !== null;
  const runningPath = vmSpec.child('running');
  const strategyPath = vmSpec.child('runStrategy');
  if (runningSet && strategySet) {
    causes.push(runningPath.cause('FieldValueInvalid', 'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead'));
  }
  if (!runningSet && !strategySet) causes.push(runningPath.cause('FieldValueInvalid', 'RunStrategy must be specified'));
  if (strategySet) {
    const s = str(strategy);
    if (s === 'WaitAsReceiver') {
      if (!ctx.gate('DecentralizedLiveMigration')) {
        causes.push(strategyPath.cause('FieldValueInvalid', `Invalid RunStrategy (${s}), DecentralizedLiveMigration feature gate is not enabled in kubevirt resource`));
      }
    } else if (!RUN_STRATEGIES.has(s)) {
      causes.push(strategyPath.cause('FieldValueInvalid', `Invalid RunStrategy (${s})`));
    }
  }
  return causes;
}

/** CDI's DataVolumeSource members: exactly one may be set. */
const DATA_VOLUME_SOURCES = ['http', 's3', 'gcs', 'registry', 'pvc', 'upload', 'blank', 'imageio', 'vddk', 'snapshot'] as const;

/** validateDataVolume: the first problem of one template, or null. */
function dataVolumeProblem(at: FieldPath, dv: Record<string, unknown>): AdmissionCause | null {
  const name = str(obj(dv.metadata)?.name);
  if (name === '') {
    const p = at.child('name');
    return { ...p.cause('FieldValueRequired', `'name' field must not be empty for DataVolumeTemplate entry ${p.printed}.`), at: [...at.at, 'metadata', 'name'] };
  }
  const spec = obj(dv.spec) ?? {};
  const pvc = obj(spec.pvc);
  const storage = obj(spec.storage);
  const both = FieldPath.root(at.child('PVC', 'Storage').printed, [...at.at, 'spec']);
  if (!pvc && !storage) return both.cause('FieldValueInvalid', 'Missing Data volume PVC or Storage');
  if (pvc && storage) return both.cause('FieldValueInvalid', 'Duplicate storage definition, both target storage and target pvc defined');
  const target = pvc ?? storage ?? {};
  const external = obj(target.dataSourceRef) !== undefined || obj(target.dataSource) !== undefined;
  const source = obj(spec.source);
  const sourceRef = obj(spec.sourceRef);
  const sourcePath = FieldPath.root(at.child('source').printed, [...at.at, 'spec', 'source']);
  if (external && (source || sourceRef)) return sourcePath.cause('FieldValueInvalid', 'External population is incompatible with Source and SourceRef');
  if (!external && !source && !sourceRef) {
    return FieldPath.root(at.child('source', 'sourceRef').printed, [...at.at, 'spec']).cause('FieldValueInvalid', 'Data volume should have either Source, SourceRef, or be externally populated');
  }
  if (source) {
    const n = DATA_VOLUME_SOURCES.filter((k) => source[k] !== undefined && source[k] !== null).length;
    if (n === 0) return sourcePath.cause('FieldValueInvalid', 'Missing dataVolume valid source');
    if (n > 1) return sourcePath.cause('FieldValueInvalid', 'Multiple dataVolume sources');
  }
  return null;
}

/** storageadmitters.ValidateDataVolumeTemplate: KubeVirt prints `spec.dataVolumeTemplate[i]` (singular). */
export function dataVolumeTemplateCauses(vm: VirtualMachine, vmSpec: FieldPath): AdmissionCause[] {
  const volumes = arr(vm.spec.template?.spec?.volumes).map((v) => obj(v) ?? {});
  const causes: AdmissionCause[] = [];
  arr(vm.spec.dataVolumeTemplates).forEach((d, i) => {
    const dv = obj(d) ?? {};
    const at = FieldPath.root(vmSpec.child('dataVolumeTemplate').index(i).printed, [...vmSpec.at, 'dataVolumeTemplates', i]);
    const problem = dataVolumeProblem(at, dv);
    if (problem) {
      causes.push(problem);
      return;
    }
    const name = str(obj(dv.metadata)?.name);
    const referenced = volumes.some((v) => str(obj(v.persistentVolumeClaim)?.claimName) === name || str(obj(v.dataVolume)?.name) === name);
    if (!referenced) causes.push(at.cause('FieldValueRequired', `DataVolumeTemplate entry ${at.printed} must be referenced in the VMI template's 'volumes' list`));
  });
  return causes;
}

/** validateLiveUpdateFeatures */
export function liveUpdateCauses(vm: VirtualMachine, ctx: ValidationContext, vmSpec: FieldPath): AdmissionCause[] {
  const spec = vm.spec.template?.spec;
  if (!spec || !isLiveUpdateRollout(ctx.config)) return [];
  const causes: AdmissionCause[] = [];
  const domain = vmSpec.child('template', 'spec', 'domain');
  const cpu = spec.domain.cpu;
  if (cpu && num(cpu.sockets) !== 0 && num(cpu.maxSockets) !== 0 && num(cpu.sockets) > num(cpu.maxSockets)) {
    causes.push(domain.child('cpu', 'sockets').cause('FieldValueInvalid', 'Number of sockets in CPU topology is greater than the maximum sockets allowed'));
  }
  const maxGuest = spec.domain.memory?.maxGuest;
  if (maxGuest !== undefined && maxGuest !== null) {
    const problem = liveUpdateMemoryProblem(spec, maxGuest);
    if (problem) causes.push(domain.child('memory', 'guest').cause('FieldValueInvalid', problem));
  }
  return causes;
}
