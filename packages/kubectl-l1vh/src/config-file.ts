// .l1vh.yaml, found upward from the working directory (or given with --config): rule switches
// and severities, the default cluster profile, the default --fail-on and ignore globs.
// Problems are values; the caller exits 2 on any.

import type { LintConfig, Severity } from '@l1vh/core';
import { RULES } from '@l1vh/core';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { globToRegExp, matchesAny } from './glob.js';
import type { CliIO } from './io.js';

export const CONFIG_FILE = '.l1vh.yaml';

export interface FileConfig {
  /** The file read, or undefined when none was found. */
  path: string | undefined;
  lint: LintConfig;
  /** Profile files, resolved against the config file's folder. */
  profiles: string[];
  failOn: Severity | undefined;
  /** Whether an input path is ignored (paths relative to the working directory). */
  ignores(path: string): boolean;
}

export type ConfigLoad = { ok: true; config: FileConfig } | { ok: false; message: string };

const SETTINGS = new Set(['off', 'error', 'warning', 'info']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const KEYS = new Set(['rules', 'profile', 'failOn', 'ignore']);

export const EMPTY_CONFIG: FileConfig = { path: undefined, lint: {}, profiles: [], failOn: undefined, ignores: () => false };

export function findConfigFile(io: CliIO): string | undefined {
  let dir = resolve(io.cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    try {
      if (io.stat(candidate).isFile) return candidate;
    } catch {
      // not here; look in the parent
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfigFile(io: CliIO, explicit?: string): ConfigLoad {
  const path = explicit ?? findConfigFile(io);
  if (!path) return { ok: true, config: EMPTY_CONFIG };
  let text: string;
  try {
    text = io.readFile(path).toString('utf8');
  } catch (e) {
    return { ok: false, message: `${path}: cannot read: ${e instanceof Error ? e.message : String(e)}` };
  }
  let doc: unknown;
  try {
    doc = parseYaml(text) ?? {};
  } catch (e) {
    return { ok: false, message: `${path}: invalid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  return parseConfig(doc, path, io.cwd);
}

/** Validates the parsed file; every problem names the key at fault. */
export function parseConfig(doc: unknown, path: string, cwd: string): ConfigLoad {
  const fail = (message: string): ConfigLoad => ({ ok: false, message: `${path}: ${message}` });
  if (!isRecord(doc)) return fail('expected a mapping at the top level');
  for (const key of Object.keys(doc)) if (!KEYS.has(key)) return fail(`unknown key "${key}" (valid: ${[...KEYS].join(', ')})`);
  const rules: Record<string, 'off' | Severity> = {};
  if (doc.rules !== undefined) {
    if (!isRecord(doc.rules)) return fail('rules must be a mapping of rule id to off|error|warning|info');
    for (const [id, setting] of Object.entries(doc.rules)) {
      if (!(id in RULES)) return fail(`unknown rule "${id}" (rules: ${Object.keys(RULES).join(', ')})`);
      const s = setting === false ? 'off' : setting;
      if (typeof s !== 'string' || !SETTINGS.has(s)) return fail(`rules.${id} must be off, error, warning or info`);
      rules[id] = s as 'off' | Severity;
    }
  }
  const dir = dirname(resolve(cwd, path));
  const profileList = doc.profile === undefined ? [] : Array.isArray(doc.profile) ? doc.profile : [doc.profile];
  if (!profileList.every((p): p is string => typeof p === 'string')) return fail('profile must be a file name or a list of them');
  if (doc.failOn !== undefined && (typeof doc.failOn !== 'string' || !SEVERITIES.has(doc.failOn))) return fail('failOn must be error, warning or info');
  const ignoreList = doc.ignore === undefined ? [] : doc.ignore;
  if (!Array.isArray(ignoreList) || !ignoreList.every((g): g is string => typeof g === 'string')) return fail('ignore must be a list of globs');
  const patterns = ignoreList.map(globToRegExp);
  return {
    ok: true,
    config: {
      path,
      lint: { rules },
      profiles: profileList.map((p) => relative(cwd, resolve(dir, p)) || '.'),
      failOn: doc.failOn as Severity | undefined,
      ignores: (p) => patterns.length > 0 && matchesAny(relative(dir, resolve(cwd, p)), patterns),
    },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
