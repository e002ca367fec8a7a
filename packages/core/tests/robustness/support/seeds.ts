// Seed manifests for property tests: every golden case (VMs and VMIs KubeVirt itself read) and
// the golden cluster profiles.
import { goldenGroups, type GoldenGroup } from '../../support/shared.js';

let groups: GoldenGroup[] | undefined;
const all = (): GoldenGroup[] => (groups ??= goldenGroups());

export function seedTexts(): string[] {
  return all().flatMap((g) => g.cases.map((c) => c.text));
}

export function clusterTexts(): { path: string; text: string }[] {
  return all().map((g) => ({ path: g.clusterFile, text: g.clusterText }));
}
