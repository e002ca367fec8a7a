// The one place that reads `l1vh.*` settings: a typed snapshot, re-read when they change.

import * as vscode from 'vscode';
import type { LintConfig } from '@l1vh/core';

export type RuleLevel = 'off' | 'error' | 'warning' | 'info';

export interface Settings {
  /** Offline profile file (absolute, or relative to the first workspace folder); '' = none. */
  profile: string;
  kubeconfig: string;
  context: string;
  refreshIntervalSeconds: number;
  lintEnabled: boolean;
  rules: Record<string, RuleLevel>;
  /** Extra glob patterns left out of the workspace index and lint (beside files/search.exclude). */
  exclude: string[];
}

const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'];

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('l1vh');
  const rawRules = c.get<Record<string, unknown>>('rules') ?? {};
  const rules: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(rawRules)) {
    if (typeof level === 'string' && (LEVELS as string[]).includes(level)) rules[id] = level as RuleLevel;
  }
  return {
    profile: c.get<string>('profile') ?? '',
    kubeconfig: c.get<string>('kubeconfig') ?? '',
    context: c.get<string>('context') ?? '',
    refreshIntervalSeconds: Math.max(0, c.get<number>('refreshInterval') ?? 300),
    lintEnabled: c.get<boolean>('lint.enable') ?? true,
    rules,
    exclude: (c.get<unknown[]>('exclude') ?? []).filter((g): g is string => typeof g === 'string' && g.length > 0),
  };
}

/** Settings snapshot plus an event when any `l1vh.*` key changes. */
export class Config implements vscode.Disposable {
  private current: Settings = readSettings();
  private readonly emitter = new vscode.EventEmitter<Settings>();
  readonly onDidChange = this.emitter.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('l1vh')) return;
      this.current = readSettings();
      this.emitter.fire(this.current);
    });
  }

  get settings(): Settings {
    return this.current;
  }

  /** Writes a setting to the workspace (or user settings when no folder is open). */
  async update(key: 'profile' | 'context', value: string): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('l1vh').update(key, value === '' ? undefined : value, target);
  }

  /** Editor rule severities over `.l1vh.yaml` ones. */
  lintConfig(fileConfig: LintConfig): LintConfig {
    return { rules: { ...(fileConfig.rules ?? {}), ...this.current.rules } };
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
