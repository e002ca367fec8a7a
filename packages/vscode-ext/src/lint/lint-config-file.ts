// `.l1vh.yaml` at the workspace folder root: rule switches and severities shared with the CLI.

import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { LintConfig } from '@l1vh/core';

export const LINT_CONFIG_FILE = '.l1vh.yaml';

const LEVEL: Readonly<Record<string, 'off' | 'error' | 'warning' | 'info'>> = { off: 'off', error: 'error', warning: 'warning', warn: 'warning', info: 'info' };

export function parseLintConfig(text: string): { config: LintConfig; problem?: string } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    return { config: {}, problem: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  const rulesRaw = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).rules : undefined;
  const rules: NonNullable<LintConfig['rules']> = {};
  if (rulesRaw && typeof rulesRaw === 'object') {
    for (const [id, v] of Object.entries(rulesRaw as Record<string, unknown>)) {
      const level = typeof v === 'string' ? LEVEL[v] : v === false ? 'off' : undefined;
      if (level) rules[id] = level;
    }
  }
  return { config: { rules } };
}

/** Reads the config of the folder holding `uri` (missing file = empty config). */
export async function readLintConfig(uri: vscode.Uri): Promise<LintConfig> {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return {};
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, LINT_CONFIG_FILE));
    return parseLintConfig(new TextDecoder().decode(bytes)).config;
  } catch {
    return {};
  }
}
