// V8 settings for runs that check thousands of VMs (lint, whatif of a fleet).
//
// Such a run spends ~3 s of CPU per thread in TurboFan compiling the ~1,100 functions that get
// hot (the converter, the webhooks, admission), on the same two cores the lint threads need.
// Capping how much bytecode TurboFan inlines into one function (V8's default is 920 bytes) makes
// those compiles cheaper at no measured cost to the code: lint of the bench's 10,000 manifests
// on one thread, median of 3 (2026-12-03, idle machine), background compile CPU 3.0 → 1.8 s,
// all CPU 8.5 → 7.1 s (docs/performance.md, "Warm-up"). Loading node:v8 costs 2–3 ms, so a
// cold `explain` of one file never pays for it.

const INLINE_BYTES_CUMULATIVE = 100;
/** From this many bytes of input (~700 VMs) a run is long enough to be worth tuning. */
const TUNE_MIN_BYTES = 1 << 20;
/** The same, counted in VM-like objects: live objects have no text to measure. */
const TUNE_MIN_OBJECTS = 700;

/** Marks, for launcher.cjs, a process whose V8 flags no longer match its code cache's. */
const FLAGS_CHANGED = Symbol.for('l1vh.v8-flags-changed');

/** How large a run is: bytes of manifest text, and/or VM-like objects (whatever the caller can count). */
export interface RunSize {
  bytes?: number;
  objects?: number;
}

/**
 * Sets the V8 flags for a run of `size`, when that is long (either measure over its threshold),
 * once per process; they apply to every isolate, so worker threads started afterwards get them
 * too. The code cache read at start-up was made under the default flags: the launcher must not
 * overwrite it with code compiled under these.
 */
export function tuneForThroughput(size: RunSize): void {
  const g = globalThis as { [FLAGS_CHANGED]?: boolean };
  const long = (size.bytes ?? 0) >= TUNE_MIN_BYTES || (size.objects ?? 0) >= TUNE_MIN_OBJECTS;
  if (!long || g[FLAGS_CHANGED]) return;
  g[FLAGS_CHANGED] = true;
  process.getBuiltinModule('node:v8').setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BYTES_CUMULATIVE}`);
}
