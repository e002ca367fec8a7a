// GPUs and host devices allocated through DRA, and spec.resourceClaims: KubeVirt's
// draadmitter.ValidateCreation (pkg/dra/admitter/dra_admitter.go), per release.

import type { VersionKey } from '../../profile/versions.js';
import type { AdmissionCause, FieldPath } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './dns.js';
import { isSet, rec, recs, str } from './go-read.js';
import type { SpecValidator, ValidationSubject } from './index.js';

type Rec = Record<string, unknown>;

/** v1.9 rewrote the claim checks: names validated, every tuple source compared (v1.8: duplicates and GPU↔host device only). */
const FULL_CLAIM_CHECKS: Record<VersionKey, boolean> = { 'v1.8': false, 'v1.9': true, main: true };

function resourceClaimCauses(field: FieldPath, claims: Rec[], full: boolean): AdmissionCause[] {
  const causes: AdmissionCause[] = [];
  const names = new Set<string>();
  claims.forEach((claim, i) => {
    const at = field.index(i);
    const name = str(claim.name);
    if (!full) {
      if (names.has(name)) causes.push(at.child('name').cause('FieldValueDuplicate', `duplicate resourceClaims name ${JSON.stringify(name)}`));
      names.add(name);
      return;
    }
    if (name === '') causes.push(at.child('name').cause('FieldValueRequired', `${at.child('name')} is a required field`));
    else if (names.has(name)) causes.push(at.child('name').cause('FieldValueDuplicate', `duplicate resourceClaims name ${JSON.stringify(name)}`));
    else {
      const errs = dns1123LabelErrors(name);
      if (errs.length > 0) causes.push(at.child('name').cause('FieldValueInvalid', `${at.child('name')} does not conform to the kubernetes DNS_LABEL rules: ${errs.join(', ')}`));
      names.add(name);
    }
    const hasName = isSet(claim.resourceClaimName);
    const hasTemplate = isSet(claim.resourceClaimTemplateName);
    if (hasName && hasTemplate) causes.push(at.cause('FieldValueInvalid', 'at most one of resourceClaimName or resourceClaimTemplateName may be specified'));
    if (!hasName && !hasTemplate) causes.push(at.cause('FieldValueInvalid', 'must specify one of: resourceClaimName, resourceClaimTemplateName'));
    for (const key of ['resourceClaimName', 'resourceClaimTemplateName'] as const) {
      if (!isSet(claim[key])) continue;
      for (const detail of dns1123SubdomainErrors(str(claim[key]))) causes.push(at.child(key).cause('FieldValueInvalid', detail));
    }
  });
  return causes;
}

interface DeviceClaims {
  causes: AdmissionCause[];
  claimNames: Set<string>;
  /** First device index of each claimName/requestName pair. */
  pairs: Map<string, number>;
}

/** validateDRADevices for `gpus` (mixing refused) or `hostDevices`. */
function deviceClaims(field: FieldPath, kind: 'gpus' | 'hostDevices', devices: Rec[], gateEnabled: boolean): DeviceClaims {
  const typeName = kind === 'gpus' ? 'GPU' : 'HostDevice';
  const at = field.child('domain', 'devices', kind);
  const hasClaim = (d: Rec): boolean => isSet(d.claimName) || isSet(d.requestName);
  const isDra = (d: Rec): boolean => str(d.deviceName) === '' && hasClaim(d);
  const dra = devices.map((d, idx) => ({ d, idx })).filter(({ d }) => isDra(d));
  const plain = devices.filter((d) => !isDra(d));
  const none: DeviceClaims = { causes: [], claimNames: new Set(), pairs: new Map() };
  if (kind === 'gpus' && dra.length > 0 && plain.length > 0) {
    none.causes.push(at.cause('FieldValueInvalid', `vmi.spec.domain.devices.${kind} contains both DRA and non-DRA ${typeName}s; each ${typeName} must be either DRA or non-DRA`));
    return none;
  }
  const causes: AdmissionCause[] = [];
  for (const d of plain) {
    if (str(d.deviceName) === '') {
      causes.push(
        at.cause(
          'FieldValueRequired',
          `vmi.spec.domain.devices.${kind} contains ${typeName}s without deviceName or claimRequest; each ${typeName} must specify either a deviceName or a claimRequest`,
        ),
      );
    } else if (hasClaim(d)) {
      causes.push(at.cause('FieldValueInvalid', `vmi.spec.domain.devices.${kind} contains ${typeName}s with both deviceName and claimRequest`));
    }
  }
  if (dra.length > 0 && !gateEnabled) {
    causes.push(at.cause('FieldValueInvalid', `vmi.spec.domain.devices.${kind} contains DRA enabled ${typeName}s but feature gate is not enabled`));
    return { ...none, causes };
  }
  const claimNames = new Set<string>();
  const pairs = new Map<string, number>();
  for (const { d, idx } of dra) {
    const claimName = str(d.claimName);
    const requestName = str(d.requestName);
    if (claimName === '') causes.push(at.index(idx).child('claimName').cause('FieldValueRequired', `claimName is required for DRA ${typeName}`));
    if (requestName === '') causes.push(at.index(idx).child('requestName').cause('FieldValueRequired', `requestName is required for DRA ${typeName}`));
    if (claimName === '' || requestName === '') continue;
    claimNames.add(claimName);
    const key = `${claimName}/${requestName}`;
    if (pairs.has(key)) causes.push(at.index(idx).cause('FieldValueDuplicate', `duplicate claimName/requestName pair ${JSON.stringify(key)}`));
    else pairs.set(key, idx);
  }
  return { causes, claimNames, pairs };
}

/** The claim pairs of DRA networks (vmispec.ExtractDRANetworkClaimRequestTuples). */
function networkPairs(spec: Rec): Map<string, number> {
  const pairs = new Map<string, number>();
  recs(spec.networks).forEach((n, idx) => {
    if (!isSet(n.resourceClaim)) return;
    const c = rec(n.resourceClaim);
    if (str(c.claimName) === '' || str(c.requestName) === '') return;
    const key = `${str(c.claimName)}/${str(c.requestName)}`;
    if (!pairs.has(key)) pairs.set(key, idx);
  });
  return pairs;
}

export const DRA_DEVICES: SpecValidator = {
  area: 'devices',
  scope: 'both',
  validate(subject: ValidationSubject, ctx: ValidationContext): AdmissionCause[] {
    const full = FULL_CLAIM_CHECKS[ctx.version];
    const field = subject.specField;
    const spec = rec(subject.spec);
    const devices = rec(rec(spec.domain).devices);
    const claims = recs(spec.resourceClaims);
    const causes = resourceClaimCauses(field.child('resourceClaims'), claims, full);
    const gpus = deviceClaims(field, 'gpus', recs(devices.gpus), ctx.gate('GPUsWithDRA'));
    const hostDevices = deviceClaims(field, 'hostDevices', recs(devices.hostDevices), ctx.gate('HostDevicesWithDRA'));
    causes.push(...gpus.causes, ...hostDevices.causes);
    if (full) {
      // Every pair may belong to one device only, across GPUs, host devices and networks.
      const owners = new Map<string, string>();
      const sources: [string, Map<string, number>, FieldPath][] = [
        ['GPUs', gpus.pairs, field.child('domain', 'devices', 'gpus')],
        ['HostDevices', hostDevices.pairs, field.child('domain', 'devices', 'hostDevices')],
        ['Networks', ctx.gate('NetworkDevicesWithDRA') ? networkPairs(spec) : new Map<string, number>(), field.child('networks')],
      ];
      for (const [type, pairs, at] of sources) {
        for (const [key, idx] of pairs) {
          const previous = owners.get(key);
          if (previous) causes.push(at.index(idx).cause('FieldValueDuplicate', `duplicate claimName/requestName pair ${JSON.stringify(key)} between ${previous} and ${type}[${idx}]`));
          else owners.set(key, `${type}[${idx}]`);
        }
      }
    } else {
      for (const [key, hdIdx] of hostDevices.pairs) {
        const gpuIdx = gpus.pairs.get(key);
        if (gpuIdx === undefined) continue;
        const at = field.child('domain', 'devices', 'hostDevices').index(hdIdx);
        causes.push(at.cause('FieldValueDuplicate', `duplicate claimName/requestName pair ${JSON.stringify(key)} between GPUs[${gpuIdx}] and HostDevices[${hdIdx}]`));
      }
    }
    const declared = new Set(claims.map((c) => str(c.name)));
    if ([...gpus.claimNames, ...hostDevices.claimNames].some((n) => !declared.has(n))) {
      const at = field.child('resourceClaims');
      causes.push(
        at.cause('FieldValueInvalid', 'vmi.spec.resourceClaims must specify all claims used in vmi.spec.domain.devices.gpus and vmi.spec.domain.devices.hostDevices'),
      );
    }
    return causes;
  },
};
