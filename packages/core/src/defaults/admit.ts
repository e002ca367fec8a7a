// Admission: what KubeVirt does between `kubectl apply` and virt-launcher, producing the
// defaulted VMI (VM mutating webhook → VM validating webhook's instancetype checks → VM
// controller's VMI setup + instancetype/preference → VMI mutating webhook defaults).

import type { ObjectMeta } from '../api/k8s-types.js';
import type { VirtualMachine, VirtualMachineInstance, VirtualMachineInstanceSpec } from '../api/kubevirt-types.js';
import type { ManifestObject } from '../parse/read-objects.js';
import type { ClusterProfile } from '../profile/cluster-profile.js';
import { VERSION_TRAITS } from '../profile/versions.js';
import { canonicalizeVmiQuantities, dropGoZeroValues, withoutNulls } from './go-json.js';
import { legacyFirmwareUuid } from './legacy-firmware-uuid.js';
import { admitVm } from './vm-admission.js';
import { mutateVm } from './vm-mutation.js';
import { vmiFromVm } from './vm-to-vmi.js';
import { applyVmiDefaults, type DefaultsContext } from './vmi-defaults.js';
import { FieldPath, type AdmissionCause, type AdmissionStage, type Rejection } from '../validate/cause.js';
import { validationContext } from '../validate/context.js';
import { validateVirtualMachine, validateVirtualMachineInstance } from '../validate/validate.js';
import { fieldRejections } from '../validate/manifest-fields.js';
import { strictDecodingMessage } from '../validate/unknown-fields.js';
import type { PathSegment } from '../parse/position-index.js';
import { POOL_VM_PATH, VMI_TEMPLATE_PATH } from '../parse/vm-like.js';
import { instancetypeErrorCauses } from '../instancetype/conflicts.js';

export interface AdmissionOptions {
  /** UID for a VMI whose metadata.uid is unknown (every VM manifest). */
  vmiUid: string;
}

export interface AdmissionResult {
  vmi: VirtualMachineInstance | null;
  /** KubeVirt's own rejection message (admission or instancetype application), or null. */
  error: string | null;
  /** Things the preview had to assume (random UUIDs, …). */
  notes: string[];
  /**
   * KubeVirt refused the object (decoding, strict fields or a validating webhook): the first stage
   * that did and its causes; `error` is set too. Webhook rejections do not stop the preview: `vmi`
   * is still what the remaining stages would make of it, so reports can show it, labelled.
   */
  rejection?: Rejection;
  /**
   * The rejection is a stage's own error (a mutating webhook, instancetype application, the VM
   * controller, the VMI defaults), not a validator's cause list: its causes are built from the error.
   */
  stageError?: boolean;
}

/** Index a VirtualMachinePool gives its first VM (`<pool>-0`). */
const POOL_VM_INDEX = 0;

export function admit(obj: ManifestObject, profile: ClusterProfile, opts: AdmissionOptions): AdmissionResult {
  try {
    return admitObject(obj, profile, opts);
  } catch (e) {
    // A bug, not bad input: keep the pipeline going with an error value.
    return { vmi: null, error: `l1vh internal error during admission: ${e instanceof Error ? e.message : String(e)}`, notes: [] };
  }
}

/**
 * Before any webhook: the API server's strict field validation (unknown fields, stage `schema`) and
 * the webhook's decoding into Go types (stage `decode`). A value that does not decode means KubeVirt
 * never sees the object: no VMI. Unknown fields refuse it too, but the preview goes on without them
 * (what the API server's pruning would keep), labelled by the rejection.
 */
function admitObject(obj: ManifestObject, profile: ClusterProfile, opts: AdmissionOptions): AdmissionResult {
  const fields = fieldRejections(obj, profile.version);
  if (fields.decode) {
    const first = fields.schema ?? fields.decode;
    const error = [fields.schema, fields.decode].flatMap((r) => (r ? [rejectionMessage(r)] : [])).join('; ');
    return { vmi: null, error, notes: [], rejection: first };
  }
  const value = withoutNulls(obj.value);
  if (!fields.schema) return admitValue(obj, value, profile, opts);
  for (const c of fields.schema.causes) if (c.at) prune(value, c.at);
  const result = admitValue(obj, value, profile, opts);
  return { ...result, error: rejectionMessage(fields.schema), rejection: fields.schema };
}

/** Removes the field at `at` (a path into `value`), as the API server's pruning would. */
function prune(value: Record<string, unknown>, at: readonly PathSegment[]): void {
  let node: unknown = value;
  for (let i = 0; i < at.length - 1; i++) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[at[i]!] : undefined;
  const last = at[at.length - 1];
  if (node && typeof node === 'object' && !Array.isArray(node) && typeof last === 'string') delete (node as Record<string, unknown>)[last];
}

function admitValue(obj: ManifestObject, value: Record<string, unknown>, profile: ClusterProfile, opts: AdmissionOptions): AdmissionResult {
  const ctx: DefaultsContext = {
    config: profile.config,
    traits: VERSION_TRAITS[profile.version],
    defaultArchitecture: profile.defaultArchitecture,
    kubevirt: profile.kubevirt?.value,
  };
  switch (obj.kind) {
    case 'VirtualMachine':
      return admitVirtualMachine(asVm(value, obj.namespace), profile, ctx, opts, [], VM_SPEC_PATH.VirtualMachine);
    case 'VirtualMachinePool': {
      const template = asRecord(asRecord(value.spec).virtualMachineTemplate);
      const meta = { ...asRecord(template.metadata) } as ObjectMeta;
      meta.name = `${obj.name}-${POOL_VM_INDEX}`;
      meta.namespace = obj.namespace ?? meta.namespace;
      const vm = asVm({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: meta, spec: template.spec }, obj.namespace);
      return admitVirtualMachine(vm, profile, ctx, opts, [`the pool's first VM is previewed, named ${meta.name}`], VM_SPEC_PATH.VirtualMachinePool);
    }
    case 'VirtualMachineInstanceReplicaSet': {
      const template = asRecord(asRecord(value.spec).template);
      const meta = { ...asRecord(template.metadata) } as ObjectMeta;
      meta.name = obj.name;
      meta.namespace = obj.namespace ?? meta.namespace;
      const ownerUid = asRecord(value.metadata).uid;
      meta.ownerReferences = [
        { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstanceReplicaSet', name: obj.name, uid: typeof ownerUid === 'string' ? ownerUid : '', controller: true, blockOwnerDeletion: true },
      ];
      const vmi = asVmi({ metadata: meta, spec: template.spec });
      // The replica set's controller creates the VMIs (a KubeVirt service account).
      return admitVirtualMachineInstance(vmi, profile, VMI_TEMPLATE_PATH.VirtualMachineInstanceReplicaSet, ctx, opts, [`KubeVirt names each replica ${obj.name}<random suffix>; the preview uses ${obj.name}`], true);
    }
    default:
      return admitVirtualMachineInstance(asVmi(value), profile, VMI_TEMPLATE_PATH.VirtualMachineInstance, ctx, opts, []);
  }
}

/** Where a VM sits in its manifest: its spec (as its validating webhook prints it) and its VMI template. */
interface VmPlace {
  spec: FieldPath;
  vmiTemplate: readonly PathSegment[];
}

const VM_SPEC_PATH: Readonly<Record<'VirtualMachine' | 'VirtualMachinePool', VmPlace>> = {
  VirtualMachine: { spec: FieldPath.root('spec', ['spec']), vmiTemplate: VMI_TEMPLATE_PATH.VirtualMachine },
  // The pool webhook validates its VM template under spec.virtualMachineTemplate.spec (vmpool-admitter.go ValidateVMPoolSpec).
  VirtualMachinePool: { spec: FieldPath.root('spec.virtualMachineTemplate.spec', [...POOL_VM_PATH, 'spec']), vmiTemplate: VMI_TEMPLATE_PATH.VirtualMachinePool },
};

function admitVirtualMachine(vm: VirtualMachine, profile: ClusterProfile, ctx: DefaultsContext, opts: AdmissionOptions, notes: string[], place: VmPlace): AdmissionResult {
  // The VM's root in the manifest (the pool's VM template for a pool).
  const vmAt = place.spec.at.slice(0, -1);
  const mutationError = mutateVm(vm, profile);
  if (mutationError) {
    const inferring = vm.spec.instancetype?.inferFromVolume ? 'instancetype' : vm.spec.preference?.inferFromVolume ? 'preference' : undefined;
    return refused('vm-mutating-webhook', mutationError, notes, instancetypeErrorCauses(mutationError, vmAt, undefined, inferring));
  }
  // The VM validating webhook: instancetype/preference and the VMI spec defaults on a copy, then
  // its checks on that copy (vms-admitter.go Admit).
  const dryRun = admitVm(vm, profile, ctx);
  if (dryRun.error) return refused('vm-validating-webhook', dryRun.error, notes, instancetypeErrorCauses(dryRun.error, vmAt));
  const vmCauses = validateVirtualMachine(dryRun.copy ?? vm, validationContext(profile), place.spec);
  const vmRejection: Rejection | undefined = vmCauses.length > 0 ? { stage: 'vm-validating-webhook', causes: vmCauses } : undefined;
  const created = vmiFromVm(vm, profile);
  if (!created.vmi || created.error) {
    const error = created.error ?? 'the VM controller created no VMI';
    return refused('vm-controller', error, notes, instancetypeErrorCauses(error, vmAt, place.vmiTemplate));
  }
  const vmi = created.vmi;
  if (created.uuidComputed) {
    notes.push(
      `firmware.uuid: the VM webhook assigns a random UUID (and firmware.serial) at creation; the preview uses the name-based ${vmi.spec.domain.firmware?.uuid ?? ''}`,
    );
  }
  vmi.metadata.uid = opts.vmiUid;
  return finish(vmi, profile, place.vmiTemplate, ctx, notes, undefined, vmRejection, true);
}

/** A stage that stops admission with an error rather than a webhook's cause list. */
function refused(stage: AdmissionStage, error: string, notes: string[], causes: AdmissionCause[]): AdmissionResult {
  return { vmi: null, error, notes, rejection: { stage, causes }, stageError: true };
}

function admitVirtualMachineInstance(
  vmi: VirtualMachineInstance,
  profile: ClusterProfile,
  templateAt: readonly PathSegment[],
  ctx: DefaultsContext,
  opts: AdmissionOptions,
  notes: string[],
  byKubeVirt = false,
): AdmissionResult {
  vmi.metadata.namespace ??= 'default';
  vmi.metadata.uid ??= opts.vmiUid;
  const name = vmi.metadata.name ?? vmi.metadata.generateName ?? '';
  if (!vmi.spec.domain.firmware?.uuid) notes.push(`firmware.uuid: KubeVirt assigns a random UUID at creation; the preview uses the name-based ${legacyFirmwareUuid(name)}`);
  return finish(vmi, profile, templateAt, ctx, notes, () => legacyFirmwareUuid(name), undefined, byKubeVirt);
}

function finish(
  vmi: VirtualMachineInstance,
  profile: ClusterProfile,
  templateAt: readonly PathSegment[],
  ctx: DefaultsContext,
  notes: string[],
  firmwareUuid: () => string = () => '',
  earlier?: Rejection,
  /** The VMI comes from a KubeVirt controller (a VM's VMI), whose service account may set reserved labels. */
  byKubeVirt = false,
): AdmissionResult {
  const result = applyVmiDefaults(vmi, ctx, firmwareUuid);
  if (result.error) {
    if (earlier) return { vmi: null, error: rejectionMessage(earlier), notes, rejection: earlier };
    return refused('vmi-mutating-webhook', result.error, notes, instancetypeErrorCauses(result.error, [], templateAt));
  }
  const vmiCauses = earlier ? [] : validateVirtualMachineInstance(vmi, templateAt, validationContext(profile), { byKubeVirt });
  const rejection: Rejection | undefined = earlier ?? (vmiCauses.length > 0 ? { stage: 'vmi-validating-webhook', causes: vmiCauses } : undefined);
  // The defaults' Hyper-V problems are the validating webhook's causes too: note them only if it found none.
  if (!rejection) notes.push(...result.warnings.map((w) => `KubeVirt will reject this VMI: ${w}`));
  canonicalizeVmiQuantities(vmi);
  if (vmi.metadata.annotations && Object.keys(vmi.metadata.annotations).length === 0) delete vmi.metadata.annotations;
  return rejection ? { vmi, error: rejectionMessage(rejection), notes, rejection } : { vmi, error: null, notes };
}

/**
 * KubeVirt's causes as one line: a webhook denial as kubectl prints it (`field: message`, joined),
 * the API server's strict decoding error, or encoding/json's error (which names its field).
 */
function rejectionMessage(r: Rejection): string {
  if (r.stage === 'schema') return strictDecodingMessage(r.causes);
  return r.causes.map((c) => ((r.stage === 'decode' && c.message.startsWith('json: ')) || !c.field ? c.message : `${c.field}: ${c.message}`)).join('; ');
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Go zero values for the structs admission walks into: spec, domain and devices always exist. */
function ensureSpec(spec: unknown): VirtualMachineInstanceSpec {
  const s = asRecord(spec) as unknown as VirtualMachineInstanceSpec;
  const domain = asRecord(s.domain) as unknown as VirtualMachineInstanceSpec['domain'];
  domain.devices = asRecord(domain.devices);
  domain.resources = asRecord(domain.resources);
  s.domain = domain;
  dropGoZeroValues(s);
  return s;
}

function asVm(value: Record<string, unknown>, namespace: string | undefined): VirtualMachine {
  const metadata = { ...asRecord(value.metadata) } as ObjectMeta;
  if (namespace !== undefined) metadata.namespace = namespace;
  const spec = asRecord(value.spec) as VirtualMachine['spec'];
  if (spec.template !== undefined) {
    const template = asRecord(spec.template);
    spec.template = { metadata: asRecord(template.metadata) as ObjectMeta, spec: ensureSpec(template.spec) };
  }
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata, spec };
}

function asVmi(value: Record<string, unknown>): VirtualMachineInstance {
  const status = asRecord(value.status);
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { ...asRecord(value.metadata) } as ObjectMeta,
    spec: ensureSpec(value.spec),
    status: { ...status },
  };
}
