// Deep copy of parsed manifest data (plain objects, arrays, primitives), several times faster
// than structuredClone on such data, which admission copies per VM. Anything else (a Date from a
// YAML timestamp, …) is left to structuredClone, so the result is always structuredClone's.

export function deepClone<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepClone(value[i]);
    return out as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = deepClone((value as Record<string, unknown>)[key]);
    // A YAML key "__proto__" is data: define it, never set the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out as T;
}
