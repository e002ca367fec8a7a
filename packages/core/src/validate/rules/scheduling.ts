// validateSpecAffinity and validateSpecTopologySpreadConstraints (vmi-create-admitter.go over
// validate-k8s-utils.go, KubeVirt's copy of Kubernetes' pod validation): each field.Error becomes
// a FieldValueInvalid cause whose message is the error's text (`<path>: <body>`).
// KubeVirt hands the spec path itself to validateAffinity, so it prints `spec.nodeAffinity…`
// (no `affinity`), and the spread constraints' label selector is printed without its index.

import type { VirtualMachineInstanceSpec } from '../../api/kubevirt-types.js';
import { FieldPath, type AdmissionCause } from '../cause.js';
import type { ValidationContext } from '../context.js';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './dns.js';
import type { SpecValidator, ValidationSubject } from './index.js';
import { arr, num, obj, str } from './read.js';

type Check = (spec: VirtualMachineInstanceSpec, field: FieldPath, ctx: ValidationContext) => AdmissionCause[];

/** A field.Error: its type's text, the bad value as apimachinery prints it, and the detail. */
interface FieldError {
  path: FieldPath;
  body: string;
}

/** How ErrorBody prints a bad value: numbers as they are, strings (named or not) quoted. */
function shown(v: string | number): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

const invalid = (path: FieldPath, value: string | number, detail: string): FieldError => ({ path, body: `Invalid value: ${shown(value)}: ${detail}` });
const required = (path: FieldPath, detail: string): FieldError => ({ path, body: `Required value: ${detail}` });
const forbidden = (path: FieldPath, detail: string): FieldError => ({ path, body: `Forbidden: ${detail}` });

function toCause(e: FieldError): AdmissionCause {
  return e.path.cause('FieldValueInvalid', `${e.path.printed}: ${e.body}`);
}

/** ValidateLabelName */
function labelName(name: string, path: FieldPath): FieldError[] {
  return qualifiedNameErrors(name).map((m) => invalid(path, name, m));
}

/** ValidateLabelSelector (no options). */
function labelSelector(selector: unknown, path: FieldPath): FieldError[] {
  const sel = obj(selector);
  if (!sel) return [];
  const errs: FieldError[] = [];
  const labelsPath = path.child('matchLabels');
  for (const [k, v] of Object.entries(obj(sel.matchLabels) ?? {})) {
    errs.push(...labelName(k, labelsPath));
    for (const m of labelValueErrors(str(v))) errs.push(invalid(labelsPath, str(v), m));
  }
  arr(sel.matchExpressions).forEach((e, i) => {
    const req = obj(e) ?? {};
    const p = path.child('matchExpressions').index(i);
    const values = arr(req.values).map(str);
    const op = str(req.operator);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else errs.push(invalid(p.child('operator'), op, 'not a valid selector operator'));
    errs.push(...labelName(str(req.key), p.child('key')));
    values.forEach((v, j) => {
      for (const m of labelValueErrors(v)) errs.push(invalid(p.child('values').index(j), v, m));
    });
  });
  return errs;
}

/** ValidateNodeSelectorTerm */
function nodeSelectorTerm(term: unknown, path: FieldPath): FieldError[] {
  const t = obj(term) ?? {};
  const errs: FieldError[] = [];
  arr(t.matchExpressions).forEach((e, j) => {
    const req = obj(e) ?? {};
    const p = path.child('matchExpressions').index(j);
    const values = arr(req.values);
    const op = str(req.operator);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else if (op === 'Gt' || op === 'Lt') {
      if (values.length !== 1) errs.push(required(p.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
    } else errs.push(invalid(p.child('operator'), op, 'not a valid selector operator'));
    errs.push(...labelName(str(req.key), p.child('key')));
  });
  arr(t.matchFields).forEach((e, j) => {
    const req = obj(e) ?? {};
    const p = path.child('matchFields').index(j);
    const values = arr(req.values).map(str);
    const op = str(req.operator);
    if (op === 'In' || op === 'NotIn') {
      if (values.length !== 1) errs.push(required(p.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    } else errs.push(invalid(p.child('operator'), op, 'not a valid selector operator'));
    const key = str(req.key);
    if (key !== 'metadata.name') errs.push(invalid(p.child('key'), key, 'not a valid field selector key'));
    else values.forEach((v, i) => dns1123SubdomainErrors(v).forEach((m) => errs.push(invalid(p.child('values').index(i), v, m))));
  });
  return errs;
}

/** validatePodAffinityTerm */
function podAffinityTerm(term: unknown, path: FieldPath): FieldError[] {
  const t = obj(term) ?? {};
  const errs = [...labelSelector(t.labelSelector, path.child('labelSelector')), ...labelSelector(t.namespaceSelector, path.child('namespaceSelector'))];
  for (const ns of arr(t.namespaces).map(str)) for (const m of dns1123LabelErrors(ns)) errs.push(invalid(path.child('namespace'), ns, m));
  const key = str(t.topologyKey);
  if (key.length === 0) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  return [...errs, ...labelName(key, path.child('topologyKey'))];
}

function weighted(terms: unknown, path: FieldPath, inner: (t: unknown, p: FieldPath) => FieldError[], innerName: string): FieldError[] {
  return arr(terms).flatMap((w, i) => {
    const term = obj(w) ?? {};
    const weight = num(term.weight);
    const p = path.index(i);
    const errs = weight <= 0 || weight > 100 ? [invalid(p.child('weight'), weight, 'must be in the range 1-100')] : [];
    return [...errs, ...inner(term[innerName], p.child(innerName))];
  });
}

function podAffinity(a: Record<string, unknown> | undefined, path: FieldPath): FieldError[] {
  if (!a) return [];
  const req = a.requiredDuringSchedulingIgnoredDuringExecution;
  const pref = a.preferredDuringSchedulingIgnoredDuringExecution;
  return [
    ...(Array.isArray(req) ? req.flatMap((t, i) => podAffinityTerm(t, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i))) : []),
    ...(Array.isArray(pref) ? weighted(pref, path.child('preferredDuringSchedulingIgnoredDuringExecution'), podAffinityTerm, 'podAffinityTerm') : []),
  ];
}

/** validateSpecAffinity → validateAffinity(spec.Affinity, field) */
const affinity: Check = (spec, field) => {
  const a = obj(spec.affinity);
  if (!a) return [];
  // Printed from the spec path, located under `affinity`.
  const base = FieldPath.root(field.printed, [...field.at, 'affinity']);
  const errs: FieldError[] = [];
  const na = obj(a.nodeAffinity);
  if (na) {
    const p = base.child('nodeAffinity');
    const required_ = obj(na.requiredDuringSchedulingIgnoredDuringExecution);
    if (required_) {
      const termsPath = p.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
      const terms = arr(required_.nodeSelectorTerms);
      if (terms.length === 0) errs.push(required(termsPath, 'must have at least one node selector term'));
      terms.forEach((t, i) => errs.push(...nodeSelectorTerm(t, termsPath.index(i))));
    }
    const preferred = arr(na.preferredDuringSchedulingIgnoredDuringExecution);
    if (preferred.length > 0) errs.push(...weighted(preferred, p.child('preferredDuringSchedulingIgnoredDuringExecution'), nodeSelectorTerm, 'preference'));
  }
  errs.push(...podAffinity(obj(a.podAffinity), base.child('podAffinity')));
  errs.push(...podAffinity(obj(a.podAntiAffinity), base.child('podAntiAffinity')));
  return errs.map(toCause);
};

/** validateSpecTopologySpreadConstraints */
const topologySpread: Check = (spec, field) => {
  const list = spec.topologySpreadConstraints;
  if (!Array.isArray(list)) return [];
  const base = field.child('topologySpreadConstraints');
  const constraints = list.map((c) => obj(c) ?? {});
  const errs: FieldError[] = [];
  constraints.forEach((c, i) => {
    const p = base.index(i);
    const maxSkew = num(c.maxSkew);
    if (maxSkew <= 0) errs.push(invalid(p.child('maxSkew'), maxSkew, 'must be greater than zero'));
    const key = str(c.topologyKey);
    if (key.length === 0) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    else errs.push(...labelName(key, p.child('topologyKey')));
    const action = str(c.whenUnsatisfiable);
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errs.push({ path: p.child('whenUnsatisfiable'), body: `Unsupported value: ${shown(action)}: supported values: "DoNotSchedule", "ScheduleAnyway"` });
    }
    // KubeVirt passes the list's path here, not the item's.
    errs.push(...labelSelector(c.labelSelector, FieldPath.root(base.child('labelSelector').printed, [...p.at, 'labelSelector'])));
    const dup = constraints.slice(i + 1).some((o) => str(o.topologyKey) === key && str(o.whenUnsatisfiable) === action);
    if (dup) errs.push({ path: FieldPath.root(p.child('{topologyKey, whenUnsatisfiable}').printed, [...p.at]), body: `Duplicate value: ${shown(`{${key}, ${action}}`)}` });
  });
  return errs.map(toCause);
};

function rule(area: string, check: Check): SpecValidator {
  return { area, scope: 'both', validate: (s: ValidationSubject, ctx) => check(s.spec, s.specField, ctx) };
}

export const SCHEDULING_VALIDATORS: readonly SpecValidator[] = [rule('affinity', affinity), rule('topology-spread-constraints', topologySpread)];
