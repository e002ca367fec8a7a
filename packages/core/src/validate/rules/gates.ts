// Feature gates as virt-api's ClusterConfig answers them (featuregate.IsEnabled): a GA gate is
// always on; a listed gate is on; from v1.9 a Beta gate is on unless listed in
// disabledFeatureGates (v1.8 needs every non-GA gate listed). States per release, for the gates
// these validators read.

import type { VersionKey } from '../../profile/versions.js';
import type { ValidationContext } from '../context.js';

type GateState = 'alpha' | 'beta' | 'ga';

const ALPHA: Record<VersionKey, GateState> = { 'v1.8': 'alpha', 'v1.9': 'alpha', main: 'alpha' };
const BETA: Record<VersionKey, GateState> = { 'v1.8': 'beta', 'v1.9': 'beta', main: 'beta' };
/** Alpha in v1.8, Beta from v1.9. */
const BETA_FROM_19: Record<VersionKey, GateState> = { 'v1.8': 'alpha', 'v1.9': 'beta', main: 'beta' };
/** Alpha in v1.8, GA from v1.9. */
const GA_FROM_19_ALPHA: Record<VersionKey, GateState> = { 'v1.8': 'alpha', 'v1.9': 'ga', main: 'ga' };
/** Beta in v1.8, GA from v1.9. */
const GA_FROM_19_BETA: Record<VersionKey, GateState> = { 'v1.8': 'beta', 'v1.9': 'ga', main: 'ga' };

export const GATE_STATES: Readonly<Record<string, Record<VersionKey, GateState>>> = {
  HostDisk: ALPHA,
  DownwardMetrics: ALPHA,
  HostDevices: ALPHA,
  VSOCK: ALPHA,
  EnableVirtioFsStorageVolumes: ALPHA,
  PersistentReservation: GA_FROM_19_ALPHA,
  DeclarativeHotplugVolumes: BETA_FROM_19,
  PasstBinding: BETA,
  PortRangesSpec: ALPHA,
  NetworkDevicesWithDRA: ALPHA,
  GPUsWithDRA: BETA_FROM_19,
  HostDevicesWithDRA: BETA_FROM_19,
  VideoConfig: GA_FROM_19_BETA,
  PanicDevices: GA_FROM_19_BETA,
  GraceIOVirtualization: ALPHA,
  PCINUMAAwareTopology: ALPHA,
  IOMMUFD: ALPHA,
};

/** ClusterConfig.isFeatureGateEnabled for `gate` on the context's KubeVirt release. */
export function gateOn(ctx: ValidationContext, gate: string): boolean {
  const state = GATE_STATES[gate]?.[ctx.version];
  if (state === 'ga') return true;
  const dev = ctx.config.developerConfiguration;
  if (dev.featureGates.includes(gate)) return true;
  const disabled = Array.isArray(dev['disabledFeatureGates']) ? (dev['disabledFeatureGates'] as unknown[]) : [];
  if (disabled.includes(gate)) return false;
  return state === 'beta' && ctx.version !== 'v1.8';
}
