// Locates ../shared (beside the checkout) and reads golden vectors.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../../../..');
export const SHARED = process.env.L1VH_SHARED ?? resolve(REPO_ROOT, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED, ...parts);
}

/** Every .yaml/.yml file below `dir`, in sorted order. */
export function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFilesUnder(p);
      return /\.ya?ml$/.test(name) ? [p] : [];
    });
}

export interface GoldenExpected {
  error: string | null;
  defaultedVmi: { spec: unknown; metadata?: unknown; status?: unknown } | null;
  domainXml: string;
  overheadBytes: number;
  controllerOverheadBytes: number;
  launcherComputeResources: { requests: Record<string, string>; limits: Record<string, string> } | null;
}

export interface GoldenCase {
  group: string;
  name: string;
  file: string;
  text: string;
  expected: GoldenExpected;
}

export interface GoldenGroup {
  name: string;
  clusterFile: string;
  clusterText: string;
  cases: GoldenCase[];
}

export function goldenGroups(): GoldenGroup[] {
  const root = sharedPath('golden', 'generated');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .filter((g) => existsSync(join(root, g, 'cluster.yaml')))
    .map((g) => {
      const dir = join(root, g);
      const cases = readdirSync(join(dir, 'cases'))
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => {
          const name = basename(f, '.yaml');
          const file = join(dir, 'cases', f);
          return {
            group: g,
            name,
            file,
            text: readFileSync(file, 'utf8'),
            expected: JSON.parse(readFileSync(join(dir, 'expected', name + '.json'), 'utf8')) as GoldenExpected,
          };
        });
      const clusterFile = join(dir, 'cluster.yaml');
      return { name: g, clusterFile, clusterText: readFileSync(clusterFile, 'utf8'), cases };
    });
}

/** Strips score.py's stage prefixes from an expected error. */
export function expectedErrorMessage(err: string): string {
  for (const pre of ['convert: ', 'vm admission (instancetype): ', 'converter context: ']) {
    if (err.startsWith(pre)) return err.slice(pre.length).trim();
  }
  return err.trim();
}
