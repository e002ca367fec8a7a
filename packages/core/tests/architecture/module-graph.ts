// The import graph of every package's src/, read from the sources (static imports and re-exports,
// type-only ones included: a cycle of types is still a cycle a reader has to untangle).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..', '..');
const PACKAGES = join(ROOT, 'packages');

/** Workspace package entry points, by import specifier. */
function workspaceEntries(): Map<string, string> {
  const out = new Map<string, string>();
  for (const pkg of readdirSync(PACKAGES)) {
    const manifest = join(PACKAGES, pkg, 'package.json');
    let json: { name?: string; exports?: Record<string, { default?: string } | string> };
    try {
      json = JSON.parse(readFileSync(manifest, 'utf8')) as typeof json;
    } catch {
      continue;
    }
    for (const [sub, target] of Object.entries(json.exports ?? {})) {
      const file = typeof target === 'string' ? target : target.default;
      if (json.name && file) out.set(sub === '.' ? json.name : `${json.name}/${sub.replace(/^\.\//, '')}`, join(PACKAGES, pkg, file));
    }
  }
  return out;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a file names. */
export function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

export interface Graph {
  files: string[];
  edges: Map<string, string[]>;
}

export function moduleGraph(): Graph {
  const entries = workspaceEntries();
  const files = readdirSync(PACKAGES).flatMap((pkg) => {
    try {
      return sourceFiles(join(PACKAGES, pkg, 'src'));
    } catch {
      return [];
    }
  });
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const to: string[] = [];
    for (const s of specifiers(readFileSync(f, 'utf8'))) {
      if (s.startsWith('.')) to.push(resolve(dirname(f), s.replace(/\.js$/, '.ts')));
      else if (entries.has(s)) to.push(entries.get(s)!);
    }
    edges.set(f, to);
  }
  return { files, edges };
}

/** Import cycles, each as the list of files on it (relative to the repository). */
export function cycles(g: Graph): string[][] {
  const out: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of g.edges.get(f) ?? []) {
      if (state.get(t) === 'open') out.push(stack.slice(stack.indexOf(t)).map((x) => relative(ROOT, x)));
      else if (!state.has(t) && g.edges.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of g.files) if (!state.has(f)) visit(f);
  return out;
}
