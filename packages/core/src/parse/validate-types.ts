// "Wrong type in a field" (WRONG_TYPE, one finding at each wrong field).
// - KubeVirt objects whose apiVersion has a generated schema (src/schema): what KubeVirt's webhook
//   cannot decode into its Go types, in encoding/json's words, plus quantities over l1vh's preview
//   limits. A VM-like object that does not decode is still read: admit() refuses it at the `decode`
//   stage, so explain shows the rejection; other kinds are left out (later stages trust them).
// - Other objects (Node, older apiVersions): the hand-written table below, JSON types only.
// Both walks touch source positions only when they report.

import type { Finding } from '../findings.js';
import { parseQuantity } from '../quantity/parse.js';
import { fieldCheck } from '../schema/cached-check.js';
import { printPath } from '../schema/check-fields.js';
import type { KnownKind } from './kinds.js';
import { isVmLike } from './vm-like.js';
import type { PathSegment } from './position-index.js';
import { describe, finding, isRecord, type SourceRef } from './object-ref.js';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'mapping' | 'sequence' | 'quantity';

/**
 * Field paths relative to a VMI (metadata + spec). `[]` is "each item of a sequence", `*` "each
 * value of a mapping". Intermediate segments imply their own type (a key → mapping, `[]` →
 * sequence), so only leaves and typed containers need a line.
 */
const VMI_FIELDS: Readonly<Record<string, FieldType>> = {
  'spec.domain.cpu.cores': 'integer',
  'spec.domain.cpu.sockets': 'integer',
  'spec.domain.cpu.threads': 'integer',
  'spec.domain.cpu.maxSockets': 'integer',
  'spec.domain.cpu.model': 'string',
  'spec.domain.cpu.dedicatedCpuPlacement': 'boolean',
  'spec.domain.cpu.isolateEmulatorThread': 'boolean',
  'spec.domain.cpu.features[].name': 'string',
  'spec.domain.cpu.features[].policy': 'string',
  'spec.domain.memory.guest': 'quantity',
  'spec.domain.memory.maxGuest': 'quantity',
  'spec.domain.memory.hugepages.pageSize': 'string',
  'spec.domain.resources.requests.*': 'quantity',
  'spec.domain.resources.limits.*': 'quantity',
  'spec.domain.resources.overcommitGuestOverhead': 'boolean',
  'spec.domain.machine.type': 'string',
  'spec.domain.firmware.uuid': 'string',
  'spec.domain.firmware.serial': 'string',
  'spec.domain.firmware.bootloader.bios.useSerial': 'boolean',
  'spec.domain.firmware.bootloader.efi.secureBoot': 'boolean',
  'spec.domain.firmware.bootloader.efi.persistent': 'boolean',
  'spec.domain.features': 'mapping',
  'spec.domain.clock.timezone': 'string',
  'spec.domain.clock.timer.hpet.present': 'boolean',
  'spec.domain.clock.timer.hpet.tickPolicy': 'string',
  'spec.domain.clock.timer.pit.present': 'boolean',
  'spec.domain.clock.timer.pit.tickPolicy': 'string',
  'spec.domain.clock.timer.rtc.present': 'boolean',
  'spec.domain.clock.timer.rtc.tickPolicy': 'string',
  'spec.domain.clock.timer.rtc.track': 'string',
  'spec.domain.clock.timer.kvm.present': 'boolean',
  'spec.domain.clock.timer.hyperv.present': 'boolean',
  'spec.domain.features.acpi.enabled': 'boolean',
  'spec.domain.features.apic.enabled': 'boolean',
  'spec.domain.features.smm.enabled': 'boolean',
  'spec.domain.features.pvspinlock.enabled': 'boolean',
  'spec.domain.features.kvm.hidden': 'boolean',
  'spec.domain.features.hypervPassthrough.enabled': 'boolean',
  'spec.domain.features.hyperv.*.enabled': 'boolean',
  'spec.domain.features.hyperv.spinlocks.spinlocks': 'integer',
  'spec.domain.features.hyperv.vendorid.vendorid': 'string',
  'spec.domain.features.hyperv.synictimer.direct.enabled': 'boolean',
  'spec.domain.features.hyperv.tlbflush.direct.enabled': 'boolean',
  'spec.domain.features.hyperv.tlbflush.extended.enabled': 'boolean',
  'spec.domain.memory.reservedOverhead.addedOverhead': 'quantity',
  'spec.domain.ioThreads.supplementalPoolThreadCount': 'integer',
  'spec.domain.firmware.kernelBoot.kernelArgs': 'string',
  'spec.domain.firmware.kernelBoot.container.image': 'string',
  'spec.domain.firmware.kernelBoot.container.kernelPath': 'string',
  'spec.domain.firmware.kernelBoot.container.initrdPath': 'string',
  'spec.domain.chassis.*': 'string',
  'spec.domain.launchSecurity': 'mapping',
  'spec.domain.rebootPolicy': 'string',
  'spec.domain.devices.disks[].errorPolicy': 'string',
  'spec.domain.devices.disks[].disk.pciAddress': 'string',
  'spec.domain.devices.disks[].cdrom.readonly': 'boolean',
  'spec.domain.devices.disks[].cdrom.tray': 'string',
  'spec.domain.devices.disks[].lun.reservation': 'boolean',
  'spec.domain.devices.disks[].blockSize.custom.logical': 'integer',
  'spec.domain.devices.disks[].blockSize.custom.physical': 'integer',
  'spec.domain.devices.disks[].blockSize.matchVolume.enabled': 'boolean',
  'spec.domain.devices.interfaces[].bridge': 'mapping',
  'spec.domain.devices.interfaces[].masquerade': 'mapping',
  'spec.domain.devices.interfaces[].sriov': 'mapping',
  'spec.domain.devices.interfaces[].passt': 'mapping',
  'spec.domain.devices.interfaces[].passtBinding': 'mapping',
  'spec.domain.devices.interfaces[].ports[].protocol': 'string',
  'spec.domain.devices.interfaces[].ports[].name': 'string',
  'spec.domain.devices.interfaces[].pciAddress': 'string',
  'spec.domain.devices.interfaces[].acpiIndex': 'integer',
  'spec.domain.devices.interfaces[].state': 'string',
  'spec.domain.devices.inputs[].type': 'string',
  'spec.domain.devices.inputs[].bus': 'string',
  'spec.domain.devices.watchdog.name': 'string',
  'spec.domain.devices.watchdog.i6300esb.action': 'string',
  'spec.domain.devices.watchdog.diag288.action': 'string',
  'spec.domain.devices.sound.name': 'string',
  'spec.domain.devices.sound.model': 'string',
  'spec.domain.devices.tpm.enabled': 'boolean',
  'spec.domain.devices.video.type': 'string',
  'spec.domain.devices.rng': 'mapping',
  'spec.domain.devices.downwardMetrics': 'mapping',
  'spec.domain.devices.clientPassthrough': 'mapping',
  'spec.domain.devices.logSerialConsole': 'boolean',
  'spec.domain.devices.disableHotplug': 'boolean',
  'spec.domain.devices.panicDevices[].model': 'string',
  'spec.domain.devices.filesystems[].virtiofs': 'mapping',
  'spec.volumes[].containerDisk.imagePullPolicy': 'string',
  'spec.volumes[].containerDisk.path': 'string',
  'spec.volumes[].persistentVolumeClaim.readOnly': 'boolean',
  'spec.volumes[].persistentVolumeClaim.hotpluggable': 'boolean',
  'spec.volumes[].dataVolume.hotpluggable': 'boolean',
  'spec.volumes[].ephemeral.persistentVolumeClaim.claimName': 'string',
  'spec.volumes[].hostDisk.path': 'string',
  'spec.volumes[].hostDisk.type': 'string',
  'spec.volumes[].hostDisk.shared': 'boolean',
  'spec.volumes[].cloudInitNoCloud': 'mapping',
  'spec.volumes[].cloudInitConfigDrive': 'mapping',
  'spec.volumes[].configMap.name': 'string',
  'spec.volumes[].secret.secretName': 'string',
  'spec.volumes[].serviceAccount.serviceAccountName': 'string',
  'spec.volumes[].downwardAPI': 'mapping',
  'spec.volumes[].downwardMetrics': 'mapping',
  'spec.volumes[].sysprep': 'mapping',
  'spec.volumes[].emptyDisk': 'mapping',
  'spec.volumes[].memoryDump': 'mapping',
  'spec.livenessProbe.exec.command[]': 'string',
  'spec.livenessProbe.initialDelaySeconds': 'integer',
  'spec.livenessProbe.periodSeconds': 'integer',
  'spec.livenessProbe.timeoutSeconds': 'integer',
  'spec.readinessProbe.exec.command[]': 'string',
  'spec.readinessProbe.initialDelaySeconds': 'integer',
  'spec.readinessProbe.periodSeconds': 'integer',
  'spec.readinessProbe.timeoutSeconds': 'integer',
  'spec.architecture': 'string',
  'spec.startStrategy': 'string',
  'spec.tolerations[].operator': 'string',
  'spec.tolerations[].value': 'string',
  'spec.tolerations[].effect': 'string',
  'spec.dnsPolicy': 'string',
  'spec.domain.clock.utc.offsetSeconds': 'integer',
  'spec.domain.ioThreadsPolicy': 'string',
  'spec.domain.devices.disks[].name': 'string',
  'spec.domain.devices.disks[].bootOrder': 'integer',
  'spec.domain.devices.disks[].serial': 'string',
  'spec.domain.devices.disks[].cache': 'string',
  'spec.domain.devices.disks[].io': 'string',
  'spec.domain.devices.disks[].dedicatedIOThread': 'boolean',
  'spec.domain.devices.disks[].shareable': 'boolean',
  'spec.domain.devices.disks[].disk.bus': 'string',
  'spec.domain.devices.disks[].disk.readonly': 'boolean',
  'spec.domain.devices.disks[].cdrom.bus': 'string',
  'spec.domain.devices.disks[].lun.bus': 'string',
  'spec.domain.devices.interfaces[].name': 'string',
  'spec.domain.devices.interfaces[].model': 'string',
  'spec.domain.devices.interfaces[].macAddress': 'string',
  'spec.domain.devices.interfaces[].bootOrder': 'integer',
  'spec.domain.devices.interfaces[].ports[].port': 'integer',
  'spec.domain.devices.interfaces[].binding.name': 'string',
  'spec.domain.devices.inputs[].name': 'string',
  'spec.domain.devices.gpus[].name': 'string',
  'spec.domain.devices.gpus[].deviceName': 'string',
  'spec.domain.devices.hostDevices[].name': 'string',
  'spec.domain.devices.hostDevices[].deviceName': 'string',
  'spec.domain.devices.filesystems[].name': 'string',
  'spec.domain.devices.autoattachPodInterface': 'boolean',
  'spec.domain.devices.autoattachGraphicsDevice': 'boolean',
  'spec.domain.devices.autoattachSerialConsole': 'boolean',
  'spec.domain.devices.autoattachMemBalloon': 'boolean',
  'spec.domain.devices.autoattachInputDevice': 'boolean',
  'spec.domain.devices.autoattachVSOCK': 'boolean',
  'spec.domain.devices.blockMultiQueue': 'boolean',
  'spec.domain.devices.networkInterfaceMultiqueue': 'boolean',
  'spec.domain.devices.useVirtioTransitional': 'boolean',
  'spec.domain.devices.tpm.persistent': 'boolean',
  'spec.volumes[].name': 'string',
  'spec.volumes[].containerDisk.image': 'string',
  'spec.volumes[].persistentVolumeClaim.claimName': 'string',
  'spec.volumes[].dataVolume.name': 'string',
  'spec.volumes[].emptyDisk.capacity': 'quantity',
  'spec.volumes[].hostDisk.capacity': 'quantity',
  'spec.networks[].name': 'string',
  'spec.networks[].pod': 'mapping',
  'spec.networks[].multus.networkName': 'string',
  'spec.nodeSelector.*': 'string',
  'spec.tolerations[].key': 'string',
  'spec.affinity': 'mapping',
  'spec.hostname': 'string',
  'spec.subdomain': 'string',
  'spec.evictionStrategy': 'string',
  'spec.terminationGracePeriodSeconds': 'integer',
  'spec.priorityClassName': 'string',
  'spec.schedulerName': 'string',
};

const METADATA_FIELDS: Readonly<Record<string, FieldType>> = {
  'metadata.name': 'string',
  'metadata.generateName': 'string',
  'metadata.namespace': 'string',
  'metadata.uid': 'string',
  'metadata.labels.*': 'string',
  'metadata.annotations.*': 'string',
};

const VM_FIELDS: Readonly<Record<string, FieldType>> = {
  'spec.running': 'boolean',
  'spec.runStrategy': 'string',
  'spec.instancetype.name': 'string',
  'spec.instancetype.kind': 'string',
  'spec.preference.name': 'string',
  'spec.preference.kind': 'string',
  'spec.dataVolumeTemplates[].metadata.name': 'string',
  'spec.dataVolumeTemplates[].spec': 'mapping',
  'spec.template': 'mapping',
};

const INSTANCETYPE_FIELDS: Readonly<Record<string, FieldType>> = {
  'spec.cpu.guest': 'integer',
  'spec.cpu.model': 'string',
  'spec.cpu.dedicatedCPUPlacement': 'boolean',
  'spec.cpu.isolateEmulatorThread': 'boolean',
  'spec.memory.guest': 'quantity',
  'spec.memory.hugepages.pageSize': 'string',
  'spec.memory.overcommitPercent': 'integer',
  'spec.ioThreadsPolicy': 'string',
  'spec.nodeSelector.*': 'string',
};

const PREFERENCE_FIELDS: Readonly<Record<string, FieldType>> = {
  'spec.cpu.preferredCPUTopology': 'string',
  'spec.devices': 'mapping',
  'spec.firmware': 'mapping',
  'spec.machine.preferredMachineType': 'string',
};

const KUBEVIRT_FIELDS: Readonly<Record<string, FieldType>> = {
  'spec.configuration.developerConfiguration.featureGates[]': 'string',
  'spec.configuration.developerConfiguration.useEmulation': 'boolean',
  'spec.configuration.developerConfiguration.memoryOvercommit': 'integer',
  'spec.configuration.developerConfiguration.cpuAllocationRatio': 'integer',
  'spec.configuration.hypervisors[].name': 'string',
  'spec.configuration.cpuModel': 'string',
  'spec.configuration.machineType': 'string',
  'spec.configuration.emulatedMachines[]': 'string',
  'spec.configuration.additionalGuestMemoryOverheadRatio': 'string',
  'spec.configuration.vmRolloutStrategy': 'string',
  'spec.configuration.architectureConfiguration': 'mapping',
  'spec.configuration.supportContainerResources[].type': 'string',
  'status.observedKubeVirtVersion': 'string',
};

const NODE_FIELDS: Readonly<Record<string, FieldType>> = {
  'status.allocatable.*': 'quantity',
  'status.capacity.*': 'quantity',
  'status.nodeInfo.architecture': 'string',
  'spec.unschedulable': 'boolean',
  'spec.taints[].key': 'string',
};

const prefixed = (prefix: string, table: Readonly<Record<string, FieldType>>): Record<string, FieldType> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [prefix + k, v]));

/**
 * The table per kind; kinds without an entry are not type-checked here. Built on first use: the
 * spreads and prefixed copies cost ~1–2 ms of every cold start, and most runs read only kinds
 * that have a schema (fieldCheck), never these tables.
 */
const TABLES: Readonly<Partial<Record<KnownKind, () => Readonly<Record<string, FieldType>>>>> = {
  VirtualMachineInstance: () => vmiWithMeta(),
  VirtualMachine: () => vmAll(),
  VirtualMachineInstanceReplicaSet: () => ({ ...METADATA_FIELDS, ...prefixed('spec.template.', vmiWithMeta()) }),
  VirtualMachinePool: () => ({ ...METADATA_FIELDS, ...prefixed('spec.virtualMachineTemplate.', vmAll()) }),
  VirtualMachineInstancetype: () => ({ ...METADATA_FIELDS, ...INSTANCETYPE_FIELDS }),
  VirtualMachineClusterInstancetype: () => ({ ...METADATA_FIELDS, ...INSTANCETYPE_FIELDS }),
  VirtualMachinePreference: () => ({ ...METADATA_FIELDS, ...PREFERENCE_FIELDS }),
  VirtualMachineClusterPreference: () => ({ ...METADATA_FIELDS, ...PREFERENCE_FIELDS }),
  KubeVirt: () => ({ ...METADATA_FIELDS, ...KUBEVIRT_FIELDS }),
  Node: () => ({ ...METADATA_FIELDS, ...NODE_FIELDS }),
};
const vmiWithMeta = (): Record<string, FieldType> => ({ ...METADATA_FIELDS, ...VMI_FIELDS });
const vmAll = (): Record<string, FieldType> => ({ ...METADATA_FIELDS, ...VM_FIELDS, ...prefixed('spec.template.', vmiWithMeta()) });

/** The hand-written field table of `kind` (path → type), if it has one. */
export function fieldTypeTable(kind: KnownKind): Readonly<Record<string, FieldType>> | undefined {
  return TABLES[kind]?.();
}

/** A compiled table: a tree walked in step with the value. */
interface TypeNode {
  type?: FieldType;
  keys?: Map<string, TypeNode>;
  /** Position among its parent's keys (table order), so findings keep that order. */
  rank?: number;
  /** `*`: every value of a mapping. */
  values?: TypeNode;
  /** `[]`: every item of a sequence. */
  items?: TypeNode;
}

function compile(table: Readonly<Record<string, FieldType>>): TypeNode {
  const root: TypeNode = { type: 'mapping' };
  for (const [path, type] of Object.entries(table)) {
    let node = root;
    for (const token of path.match(/\[\]|[^.[\]]+/g) ?? []) {
      if (token === '[]') {
        node.type ??= 'sequence';
        node = node.items ??= {};
      } else if (token === '*') {
        node.type ??= 'mapping';
        node = node.values ??= {};
      } else {
        node.type ??= 'mapping';
        node.keys ??= new Map();
        let next = node.keys.get(token);
        if (!next) node.keys.set(token, (next = { rank: node.keys.size }));
        node = next;
      }
    }
    node.type = type;
  }
  return root;
}

const compiled = new Map<KnownKind, TypeNode>();

function treeFor(kind: KnownKind): TypeNode | undefined {
  let tree = compiled.get(kind);
  if (!tree) {
    const table = fieldTypeTable(kind);
    if (!table) return undefined;
    compiled.set(kind, (tree = compile(table)));
  }
  return tree;
}

const TYPE_TEST: Readonly<Record<FieldType, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  mapping: isRecord,
  sequence: Array.isArray,
  // The API server parses quantities: "2Gi" or 2147483648, not "2 GB".
  quantity: (v) => (typeof v === 'string' && parseQuantity(v).ok) || (typeof v === 'number' && Number.isFinite(v) && parseQuantity(v).ok),
};

const TYPE_NAME: Readonly<Record<FieldType, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  mapping: 'a mapping',
  sequence: 'a sequence',
  quantity: 'a quantity (string or number, e.g. "2Gi")',
};

export interface TypeCheck {
  findings: Finding[];
  /** Leave the object out: later stages could not trust its values. */
  drop: boolean;
}

const CLEAN: TypeCheck = Object.freeze({ findings: [], drop: false }) as TypeCheck;

/** The KubeVirt version whose schema the reader checks types against (types agree across versions). */
const READ_VERSION = 'main';

/** WRONG_TYPE findings for one object of `kind` whose value sits at `ref`. */
export function checkTypes(kind: KnownKind, apiVersion: string, value: Record<string, unknown>, ref: SourceRef): TypeCheck {
  const check = fieldCheck(kind, apiVersion, value, READ_VERSION);
  if (check) {
    if (check.decode.length === 0 && check.limits.length === 0) return CLEAN;
    const out: Finding[] = [];
    // Go's type errors name the field; a quantity error does not: prefix the field.
    for (const d of check.decode) out.push(finding(ref, d.path, 'WRONG_TYPE', d.message.startsWith('json: ') ? d.message : `${printPath(d.path)}: ${d.message}`));
    for (const l of check.limits) out.push(finding(ref, l.path, 'WRONG_TYPE', `${printPath(l.path)}: ${l.message}`));
    out.sort((a, b) => a.range!.start - b.range!.start);
    return { findings: out, drop: check.limits.length > 0 || !isVmLike(kind) };
  }
  const findings = validateTypes(kind, value, ref);
  return findings.length > 0 ? { findings, drop: true } : CLEAN;
}

/** WRONG_TYPE findings from the hand-written table (kinds and apiVersions without a schema). */
export function validateTypes(kind: KnownKind, value: Record<string, unknown>, ref: SourceRef): Finding[] {
  const tree = treeFor(kind);
  if (!tree) return [];
  const out: Finding[] = [];
  walk(tree, value, [], ref, out);
  return out;
}

/** `path` is the walk's own stack (pushed and popped in place); a finding gets a copy. */
function walk(node: TypeNode, value: unknown, path: PathSegment[], ref: SourceRef, out: Finding[]): void {
  if (value === null || value === undefined) return; // null is "unset" to the API server
  if (node.type && !TYPE_TEST[node.type](value)) {
    out.push(finding(ref, [...path], 'WRONG_TYPE', wrongTypeMessage(node.type, value, path)));
    return;
  }
  if (node.items && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(node.items, value[i], path, ref, out);
      path.pop();
    }
  }
  if (!isRecord(value)) return;
  if (node.keys) {
    // A manifest mapping has far fewer keys than its table node: look each one up, then visit
    // the typed ones in table order.
    let typed: { child: TypeNode; key: string }[] | undefined;
    for (const key of Object.keys(value)) {
      const child = node.keys.get(key);
      if (!child) continue;
      typed ??= [];
      // Insertion by rank: a handful of entries, cheaper than a sort call.
      let i = typed.length;
      while (i > 0 && typed[i - 1]!.child.rank! > child.rank!) i--;
      typed.splice(i, 0, { child, key });
    }
    if (typed) {
      for (const { child, key } of typed) {
        path.push(key);
        walk(child, value[key], path, ref, out);
        path.pop();
      }
    }
  }
  if (node.values) {
    for (const key of Object.keys(value)) {
      path.push(key);
      walk(node.values, value[key], path, ref, out);
      path.pop();
    }
  }
}

/** What is wrong; a quantity over l1vh's preview limits (not a malformed one) says so. */
function wrongTypeMessage(type: FieldType, value: unknown, path: readonly PathSegment[]): string {
  const parsed = type === 'quantity' && (typeof value === 'string' || typeof value === 'number') ? parseQuantity(value) : undefined;
  if (parsed && !parsed.ok && parsed.error === 'limit') return `${dotted(path)}: ${parsed.message}`;
  return `${dotted(path)} must be ${TYPE_NAME[type]}, found ${describe(value)}`;
}

function dotted(path: readonly PathSegment[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}
