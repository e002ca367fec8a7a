// instancetype.kubevirt.io/v1beta1 VirtualMachine(Cluster)Preference spec, as far as KubeVirt
// applies it to a VMI. The API type keeps the spec a plain record; this module gives it shape.

import type { Quantity } from '../api/k8s-types.js';
import type {
  BlockSize,
  Clock,
  CPUFeature,
  EFI,
  FeatureHyperv,
  Features,
  FeatureState,
  InterfaceBinding,
  LaunchSecurity,
  Preference,
  Timer,
} from '../api/kubevirt-types.js';

export interface PreferenceDevices {
  preferredAutoattachGraphicsDevice?: boolean;
  preferredAutoattachMemBalloon?: boolean;
  preferredAutoattachPodInterface?: boolean;
  preferredAutoattachSerialConsole?: boolean;
  preferredAutoattachInputDevice?: boolean;
  preferredDisableHotplug?: boolean;
  preferredSoundModel?: string;
  preferredUseVirtioTransitional?: boolean;
  preferredInputBus?: string;
  preferredInputType?: string;
  preferredDiskBus?: string;
  preferredLunBus?: string;
  preferredCdromBus?: string;
  preferredDiskDedicatedIoThread?: boolean;
  preferredDiskCache?: string;
  preferredDiskIO?: string;
  preferredDiskBlockSize?: BlockSize;
  preferredInterfaceModel?: string;
  preferredRng?: Record<string, never>;
  preferredBlockMultiQueue?: boolean;
  preferredNetworkInterfaceMultiQueue?: boolean;
  preferredTPM?: { enabled?: boolean; persistent?: boolean };
  preferredInterfaceMasquerade?: InterfaceBinding;
  preferredPanicDeviceModel?: string;
  preferredVideoType?: string;
}

export interface PreferenceFeatures {
  preferredAcpi?: FeatureState;
  preferredApic?: Features['apic'];
  preferredHyperv?: FeatureHyperv;
  preferredKvm?: Features['kvm'];
  preferredPvspinlock?: FeatureState;
  preferredSmm?: FeatureState;
}

export interface PreferenceFirmware {
  preferredUseBios?: boolean;
  preferredUseBiosSerial?: boolean;
  preferredUseEfi?: boolean;
  preferredUseSecureBoot?: boolean;
  preferredEfi?: EFI;
}

export interface PreferenceCPU {
  preferredCPUTopology?: string;
  spreadOptions?: { across?: string; ratio?: number };
  preferredCPUFeatures?: CPUFeature[];
}

export interface PreferenceRequirements {
  cpu?: { guest?: number };
  memory?: { guest?: Quantity };
  architecture?: string;
}

export interface TypedPreferenceSpec {
  clock?: { preferredClockOffset?: Pick<Clock, 'utc' | 'timezone'>; preferredTimer?: Timer };
  cpu?: PreferenceCPU;
  devices?: PreferenceDevices;
  features?: PreferenceFeatures;
  firmware?: PreferenceFirmware;
  machine?: { preferredMachineType?: string };
  volumes?: { preferredStorageClassName?: string };
  preferredSubdomain?: string;
  preferredTerminationGracePeriodSeconds?: number;
  requirements?: PreferenceRequirements;
  annotations?: Record<string, string>;
  preferSpreadSocketToCoreRatio?: number;
  preferredArchitecture?: string;
  preferredLaunchSecurity?: LaunchSecurity;
}

export function preferenceSpecOf(p: Preference): TypedPreferenceSpec {
  return (p.spec ?? {}) as TypedPreferenceSpec;
}
