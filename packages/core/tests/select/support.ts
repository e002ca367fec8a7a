import { positionOfField, type SourcePosition, type TraceStep } from '@l1vh/core';
export { loadProfile, selectHypervisor, type VirtualMachineInstance } from '@l1vh/core';

export function explainPositionsFor(trace: readonly TraceStep[]): Record<string, SourcePosition | undefined> {
  return Object.fromEntries(trace.map((t) => [t.rule, t.at ? positionOfField(t.at) : undefined]));
}
