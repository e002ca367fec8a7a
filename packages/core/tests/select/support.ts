import { positionOf, spotOfField, type SourcePosition, type TraceStep } from '@l1vh/core';
export { loadProfile, selectHypervisor, type VirtualMachineInstance } from '@l1vh/core';

/** Line/col of each step's field, resolved from the step's own object (the edge's conversion). */
export function explainPositionsFor(trace: readonly TraceStep[]): Record<string, SourcePosition | undefined> {
  return Object.fromEntries(
    trace.map((t) => {
      const spot = t.at ? spotOfField(t.at) : undefined;
      return [t.rule, spot && t.at?.object ? positionOf(spot, () => t.at!.object!.source.doc.file) : undefined];
    }),
  );
}
