// KubeVirt's admission causes (metav1.StatusCause): the field as KubeVirt prints it, plus the
// manifest path we point editors and `file:line:col` at.

import type { PathSegment } from '../parse/position-index.js';

/** metav1.CauseType values KubeVirt's admitters use. */
export type CauseType =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueNotFound'
  | 'FieldValueTypeInvalid'
  | 'FieldValueUnknown';

/** Where a rejection happened, in KubeVirt's order (the golden admission vectors' `validationStage`). */
export type AdmissionStage =
  | 'decode' // API server / webhook JSON decoding into Go types (uint32, int64, quantities)
  | 'schema' // API server strict field validation (unknown fields)
  | 'vm-mutating-webhook'
  | 'vm-validating-webhook'
  | 'vm-controller'
  | 'vmi-mutating-webhook'
  | 'vmi-validating-webhook';

export interface AdmissionCause {
  type: CauseType;
  /** KubeVirt's field string, verbatim (it is sometimes odd: keep it, outside checks compare it). */
  field: string;
  message: string;
  /** Path from the manifest object's root to the field the cause is about, for source positions. */
  at?: PathSegment[];
}

export interface Rejection {
  stage: AdmissionStage;
  causes: AdmissionCause[];
}

/**
 * A k8s field.Path: what KubeVirt prints (`spec.template.spec.domain.devices.disks[1]`) and where
 * that is in the manifest the user wrote. The two differ when a VM's template is validated as a
 * VMI (`spec.domain…` printed, `spec.template.spec.domain…` in the file).
 */
export class FieldPath {
  private constructor(
    readonly printed: string,
    readonly at: readonly PathSegment[],
  ) {}

  /** A root: `printed` as KubeVirt prints it, `at` where it sits in the manifest. */
  static root(printed: string, at: readonly PathSegment[]): FieldPath {
    return new FieldPath(printed, at);
  }

  child(...names: string[]): FieldPath {
    let p: FieldPath = this;
    for (const n of names) p = new FieldPath(p.printed === '' ? n : `${p.printed}.${n}`, [...p.at, n]);
    return p;
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.printed}[${i}]`, [...this.at, i]);
  }

  /** `field.Path.Key(k)`: printed as `[k]`, a map key in the manifest. */
  key(k: string): FieldPath {
    return new FieldPath(`${this.printed}[${k}]`, [...this.at, k]);
  }

  toString(): string {
    return this.printed;
  }

  cause(type: CauseType, message: string, field: string = this.printed): AdmissionCause {
    return { type, field, message, at: [...this.at] };
  }
}
