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
  // Validators derive a path for every disk, interface, … they look at, but print one only for a
  // cause: a path is a link to its parent, and its text and manifest path are built on first read.
  private printedText: string | undefined;
  private atPath: readonly PathSegment[] | undefined;

  private constructor(
    private readonly parent: FieldPath | null,
    /** How this step prints: `.name` (child), `[i]` (index) or `[k]` (key). */
    private readonly step: 'child' | 'index' | 'key',
    private readonly segment: PathSegment,
    printed?: string,
    at?: readonly PathSegment[],
  ) {
    this.printedText = printed;
    this.atPath = at;
  }

  /** What KubeVirt prints, e.g. `spec.template.spec.domain.devices.disks[1]`. */
  get printed(): string {
    if (this.printedText === undefined) {
      const up = this.parent!.printed;
      this.printedText = this.step === 'child' ? (up === '' ? (this.segment as string) : `${up}.${this.segment}`) : `${up}[${this.segment}]`;
    }
    return this.printedText;
  }

  /** Where the field sits in the manifest (from the object's root). */
  get at(): readonly PathSegment[] {
    if (this.atPath === undefined) this.atPath = [...this.parent!.at, this.segment];
    return this.atPath;
  }

  /** A root: `printed` as KubeVirt prints it, `at` where it sits in the manifest. */
  static root(printed: string, at: readonly PathSegment[]): FieldPath {
    return new FieldPath(null, 'child', '', printed, at);
  }

  child(...names: string[]): FieldPath {
    let p: FieldPath = this;
    for (const n of names) p = new FieldPath(p, 'child', n);
    return p;
  }

  index(i: number): FieldPath {
    return new FieldPath(this, 'index', i);
  }

  /** `field.Path.Key(k)`: printed as `[k]`, a map key in the manifest. */
  key(k: string): FieldPath {
    return new FieldPath(this, 'key', k);
  }

  toString(): string {
    return this.printed;
  }

  cause(type: CauseType, message: string, field: string = this.printed): AdmissionCause {
    return { type, field, message, at: [...this.at] };
  }
}
