// Reading user input the way Go sees it after decoding: a missing or mistyped value is the Go
// zero value (decoding errors are reported by the decode stage, not here), and a pointer or
// slice field is "set" when its key is present. None of these throws.

/** A Go string field: '' when absent or not a string. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A Go integer field: 0 when absent or not a finite number. */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A Go bool field (or a *bool's value): false unless `true`. */
export function bool(v: unknown): boolean {
  return v === true;
}

/** A Go struct: {} when absent or not an object. */
export function rec(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A Go slice of structs: [] when absent; non-object items read as empty structs. */
export function recs(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map(rec) : [];
}

/** A Go slice of strings. */
export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str) : [];
}

/** A non-nil pointer, slice or map: the key is present (nulls are gone before validation). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}
