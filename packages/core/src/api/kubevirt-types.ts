// KubeVirt API shapes (kubevirt.io/v1, instancetype.kubevirt.io) as far as l1vh reads or defaults them.
// Field names follow the JSON API exactly. Everything is optional: these hold user input before defaults.
// Add fields here when a stage needs them; keep the JSON spelling.

import type { Affinity, ObjectMeta, Probe, Quantity, ResourceRequirements, Toleration } from './k8s-types.js';

export interface FeatureState { enabled?: boolean }

export interface FeatureSpinlocks extends FeatureState { spinlocks?: number }
export interface FeatureVendorID extends FeatureState { vendorid?: string }
export interface SyNICTimer extends FeatureState { direct?: FeatureState }
export interface TLBFlush extends FeatureState { direct?: FeatureState; extended?: FeatureState }

export interface FeatureHyperv {
  relaxed?: FeatureState;
  vapic?: FeatureState;
  spinlocks?: FeatureSpinlocks;
  vpindex?: FeatureState;
  runtime?: FeatureState;
  synic?: FeatureState;
  synictimer?: SyNICTimer;
  reset?: FeatureState;
  vendorid?: FeatureVendorID;
  frequencies?: FeatureState;
  reenlightenment?: FeatureState;
  tlbflush?: TLBFlush;
  ipi?: FeatureState;
  evmcs?: FeatureState;
}

export interface Features {
  acpi?: FeatureState;
  apic?: FeatureState & { endOfInterrupt?: boolean };
  hyperv?: FeatureHyperv;
  hypervPassthrough?: FeatureState;
  smm?: FeatureState;
  kvm?: { hidden?: boolean };
  pvspinlock?: FeatureState;
}

export interface CPUFeature { name: string; policy?: string }

export interface CPU {
  cores?: number;
  sockets?: number;
  threads?: number;
  maxSockets?: number;
  model?: string;
  features?: CPUFeature[];
  dedicatedCpuPlacement?: boolean;
  isolateEmulatorThread?: boolean;
  numa?: { guestMappingPassthrough?: Record<string, never> };
  realtime?: { mask?: string };
}

export interface Hugepages { pageSize?: string }

export interface Memory {
  guest?: Quantity;
  hugepages?: Hugepages;
  maxGuest?: Quantity;
  reservedOverhead?: { addedOverhead?: Quantity; memLock?: string };
}

export interface Machine { type?: string }

export interface BIOS { useSerial?: boolean }
export interface EFI { secureBoot?: boolean; persistent?: boolean }
export interface Bootloader { bios?: BIOS; efi?: EFI }
export interface KernelBoot {
  kernelArgs?: string;
  container?: { image?: string; imagePullSecret?: string; kernelPath?: string; initrdPath?: string; imagePullPolicy?: string };
}
export interface ACPITable { volumeName?: string }

export interface Firmware {
  uuid?: string;
  serial?: string;
  bootloader?: Bootloader;
  kernelBoot?: KernelBoot;
  acpi?: { slicNameRef?: string; msdmNameRef?: string };
}

export interface DiskTargetBase { bus?: string; readonly?: boolean; pciAddress?: string }
export interface DiskTarget extends DiskTargetBase {}
export interface CDRomTarget extends DiskTargetBase { tray?: string }
export interface LunTarget extends DiskTargetBase { reservation?: boolean }

export interface BlockSize {
  custom?: { logical?: number; physical?: number; discardGranularity?: number };
  matchVolume?: FeatureState;
}

export interface Disk {
  name: string;
  disk?: DiskTarget;
  lun?: LunTarget;
  cdrom?: CDRomTarget;
  bootOrder?: number;
  serial?: string;
  dedicatedIOThread?: boolean;
  cache?: string;
  io?: string;
  tag?: string;
  blockSize?: BlockSize;
  shareable?: boolean;
  errorPolicy?: string;
  changedBlockTracking?: boolean;
}

export interface InterfaceBinding { [key: string]: unknown }

export interface Port { name?: string; protocol?: string; port: number }

export interface Interface {
  name: string;
  model?: string;
  bridge?: InterfaceBinding;
  masquerade?: InterfaceBinding;
  sriov?: InterfaceBinding;
  slirp?: InterfaceBinding;
  macvtap?: InterfaceBinding;
  passt?: InterfaceBinding;
  passtBinding?: InterfaceBinding;
  binding?: { name: string };
  ports?: Port[];
  macAddress?: string;
  bootOrder?: number;
  pciAddress?: string;
  dhcpOptions?: unknown;
  tag?: string;
  acpiIndex?: number;
  state?: string;
}

export interface Input { name: string; type?: string; bus?: string }

export interface Watchdog { name: string; i6300esb?: { action?: string }; diag288?: { action?: string } }

export interface SoundDevice { name: string; model?: string }

export interface HostDevice { name: string; deviceName?: string; claimName?: string; requestName?: string; tag?: string }
export interface GPU { name: string; deviceName?: string; claimName?: string; requestName?: string; tag?: string; virtualGPUOptions?: { display?: { enabled?: boolean; ramFB?: FeatureState } } }

export interface Filesystem { name: string; virtiofs?: Record<string, never> }

export interface ClientPassthrough { [key: string]: never }

export interface Devices {
  useVirtioTransitional?: boolean;
  disableHotplug?: boolean;
  disks?: Disk[];
  watchdog?: Watchdog;
  interfaces?: Interface[];
  inputs?: Input[];
  autoattachPodInterface?: boolean;
  autoattachGraphicsDevice?: boolean;
  autoattachSerialConsole?: boolean;
  logSerialConsole?: boolean;
  autoattachMemBalloon?: boolean;
  autoattachInputDevice?: boolean;
  autoattachVSOCK?: boolean;
  rng?: Record<string, never>;
  blockMultiQueue?: boolean;
  networkInterfaceMultiqueue?: boolean;
  gpus?: GPU[];
  downwardMetrics?: Record<string, never>;
  panicDevices?: { model?: string }[];
  filesystems?: Filesystem[];
  hostDevices?: HostDevice[];
  clientPassthrough?: ClientPassthrough;
  sound?: SoundDevice;
  tpm?: { enabled?: boolean; persistent?: boolean };
  video?: { type?: string };
}

export interface Timer {
  hpet?: { present?: boolean; tickPolicy?: string };
  kvm?: { present?: boolean };
  pit?: { present?: boolean; tickPolicy?: string };
  rtc?: { present?: boolean; tickPolicy?: string; track?: string };
  hyperv?: { present?: boolean };
}

export interface Clock {
  utc?: { offsetSeconds?: number };
  timezone?: string;
  timer?: Timer;
}

export interface LaunchSecurity {
  sev?: { policy?: { encryptedState?: boolean }; attestation?: Record<string, never>; session?: string; dhCert?: string };
  snp?: Record<string, never>;
  tdx?: Record<string, never>;
}

export interface DomainSpec {
  resources?: ResourceRequirements & { overcommitGuestOverhead?: boolean };
  cpu?: CPU;
  memory?: Memory;
  machine?: Machine;
  firmware?: Firmware;
  clock?: Clock;
  features?: Features;
  devices: Devices;
  ioThreadsPolicy?: string;
  ioThreads?: { supplementalPoolThreadCount?: number };
  chassis?: { manufacturer?: string; version?: string; serial?: string; asset?: string; sku?: string };
  launchSecurity?: LaunchSecurity;
  rebootPolicy?: string;
}

export interface ContainerDiskSource { image: string; imagePullSecret?: string; path?: string; imagePullPolicy?: string }

export interface Volume {
  name: string;
  containerDisk?: ContainerDiskSource;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean; hotpluggable?: boolean };
  dataVolume?: { name: string; hotpluggable?: boolean };
  ephemeral?: { persistentVolumeClaim?: { claimName: string; readOnly?: boolean } };
  emptyDisk?: { capacity?: Quantity };
  hostDisk?: { path: string; type?: string; capacity?: Quantity; shared?: boolean };
  cloudInitNoCloud?: Record<string, unknown>;
  cloudInitConfigDrive?: Record<string, unknown>;
  configMap?: { name?: string; optional?: boolean; volumeLabel?: string };
  secret?: { secretName?: string; optional?: boolean; volumeLabel?: string };
  serviceAccount?: { serviceAccountName?: string };
  downwardAPI?: { fields?: unknown[]; volumeLabel?: string };
  downwardMetrics?: Record<string, never>;
  sysprep?: { configMap?: { name?: string }; secret?: { name?: string } };
  memoryDump?: { claimName?: string };
}

export interface Network {
  name: string;
  pod?: { vmNetworkCIDR?: string; vmIPv6NetworkCIDR?: string };
  multus?: { networkName: string; default?: boolean };
  resourceClaim?: { claimName?: string; requestName?: string };
}

export interface VirtualMachineInstanceSpec {
  priorityClassName?: string;
  domain: DomainSpec;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  schedulerName?: string;
  tolerations?: Toleration[];
  topologySpreadConstraints?: unknown[];
  evictionStrategy?: string;
  startStrategy?: string;
  terminationGracePeriodSeconds?: number;
  volumes?: Volume[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  hostname?: string;
  subdomain?: string;
  networks?: Network[];
  dnsPolicy?: string;
  dnsConfig?: unknown;
  accessCredentials?: unknown[];
  architecture?: string;
  resourceClaims?: unknown[];
}

export interface VirtualMachineInstanceStatus {
  runtimeUser?: number;
  memory?: { guestAtBoot?: Quantity; guestCurrent?: Quantity; guestRequested?: Quantity; memoryOverhead?: Quantity };
  currentCPUTopology?: { sockets?: number; cores?: number; threads?: number };
  guestOSInfo?: Record<string, unknown>;
  phase?: string;
  nodeName?: string;
  volumeStatus?: unknown[];
  interfaces?: { name?: string; podInterfaceName?: string; mac?: string; infoSource?: string }[];
  vsockCID?: number;
  [key: string]: unknown;
}

export interface VirtualMachineInstance {
  apiVersion: string;
  kind: 'VirtualMachineInstance';
  metadata: ObjectMeta;
  spec: VirtualMachineInstanceSpec;
  status?: VirtualMachineInstanceStatus;
}

export interface InstancetypeMatcher { name?: string; kind?: string; revisionName?: string; inferFromVolume?: string; inferFromVolumeFailurePolicy?: string }

export interface VirtualMachineSpec {
  running?: boolean;
  runStrategy?: string;
  instancetype?: InstancetypeMatcher;
  preference?: InstancetypeMatcher;
  template?: { metadata?: ObjectMeta; spec?: VirtualMachineInstanceSpec };
  dataVolumeTemplates?: { metadata?: ObjectMeta; spec?: Record<string, unknown> }[];
}

export interface VirtualMachine {
  apiVersion: string;
  kind: 'VirtualMachine';
  metadata: ObjectMeta;
  spec: VirtualMachineSpec;
  status?: Record<string, unknown>;
}

/** instancetype.kubevirt.io VirtualMachine(Cluster)Instancetype spec. */
export interface InstancetypeSpec {
  cpu?: {
    guest?: number;
    model?: string;
    dedicatedCPUPlacement?: boolean;
    numa?: { guestMappingPassthrough?: Record<string, never> };
    isolateEmulatorThread?: boolean;
    realtime?: { mask?: string };
    maxSockets?: number;
  };
  memory?: { guest?: Quantity; hugepages?: Hugepages; overcommitPercent?: number; maxGuest?: Quantity };
  gpus?: GPU[];
  hostDevices?: HostDevice[];
  ioThreadsPolicy?: string;
  ioThreads?: { supplementalPoolThreadCount?: number };
  launchSecurity?: LaunchSecurity;
  nodeSelector?: Record<string, string>;
  schedulerName?: string;
  annotations?: Record<string, string>;
}

export interface Instancetype {
  apiVersion: string;
  kind: 'VirtualMachineInstancetype' | 'VirtualMachineClusterInstancetype';
  metadata: ObjectMeta;
  spec: InstancetypeSpec;
}

/** The preference spec is wide and only read field by field; it stays a plain record here. */
export type PreferenceSpec = Record<string, unknown>;

export interface Preference {
  apiVersion: string;
  kind: 'VirtualMachinePreference' | 'VirtualMachineClusterPreference';
  metadata: ObjectMeta;
  spec: PreferenceSpec;
}

export interface KubeVirtCR {
  apiVersion: string;
  kind: 'KubeVirt';
  metadata: ObjectMeta;
  spec?: { configuration?: Record<string, unknown>; [key: string]: unknown };
  status?: { observedKubeVirtVersion?: string; defaultArchitecture?: string; phase?: string; [key: string]: unknown };
}
