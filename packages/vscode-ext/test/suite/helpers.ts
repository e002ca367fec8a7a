// Shared helpers for the in-editor suite: the extension's API, fixture URIs, core's view of a file.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { explainAll, loadObjects, loadProfile, lintSources, sourceFiles, type ExplainItem, type Finding, type LintConfig, type SourceFiles } from '@l1vh/core';
import { parse } from 'yaml';
import type { L1vhApi } from '../../src/extension.js';
import { LENS_VERDICT_CHARS } from '../../src/providers/codelens-provider.js';
import { mebibytes } from '../../src/render/format.js';
import { shorten, verdictOf } from '../../src/render/verdict.js';

export const EXTENSION_ID = 'l1vh.l1vh-vscode';

export async function api(): Promise<L1vhApi> {
  const ext = vscode.extensions.getExtension<L1vhApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  await exports.ready();
  return exports;
}

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder open');
  return f.uri;
}

export const fixture = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ...parts);

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Core's ExplainItems for a text, on a profile given as text (none = core's embedded profile). */
export function coreExplain(path: string, text: string, profileText?: { path: string; text: string }): ExplainItem[] {
  const objects = loadObjects([{ path, text }]).objects;
  const { profile } = loadProfile(profileText ? [profileText] : [], objects);
  return explainAll(objects, profile).map((e) => e.item);
}

/** The files an item's places point into when its manifest is `text` (line/col as the preview and the report show them). */
export function filesOf(path: string, text: string): SourceFiles {
  return sourceFiles(loadObjects([{ path, text }]).files);
}

export async function profileText(): Promise<{ path: string; text: string }> {
  const uri = fixture('profiles', 'mshv-amd64.yaml');
  return { path: uri.fsPath, text: await readText(uri) };
}

/** Kinds other workspace files contribute (as `kubectl l1vh lint --profile P FILE CONTEXT-FILES…`). */
const CONTEXT_KINDS = new Set(['VirtualMachineInstancetype', 'VirtualMachineClusterInstancetype', 'VirtualMachinePreference', 'VirtualMachineClusterPreference', 'PersistentVolumeClaim', 'DataVolume', 'Namespace']);

/** Core's lint findings for one file, with the workspace's .l1vh.yaml and context objects. */
export async function coreLint(path: string, text: string): Promise<Finding[]> {
  const raw = parse(await readText(fixture('.l1vh.yaml'))) as { rules?: LintConfig['rules'] } | null;
  const p = await profileText();
  const others = await Promise.all((await vscode.workspace.findFiles('**/*.{yaml,yml}')).filter((u) => u.fsPath !== path && u.fsPath !== p.path).map(async (u) => ({ path: u.fsPath, text: await readText(u) })));
  const context = loadObjects(others).objects.filter((o) => CONTEXT_KINDS.has(o.kind));
  const { profile } = loadProfile([p], [...context, ...loadObjects([{ path, text }]).objects]);
  return lintSources([{ path, text }], profile, { config: { rules: raw?.rules ?? {} } }).findings;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000, lastSeen?: () => string): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await probe();
    if (last !== undefined) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastSeen ? `; last seen: ${lastSeen()}` : ''}`);
}

/**
 * Puts a document back to `text` and saves it. Not `workbench.action.files.revert`: code-server
 * may have auto-saved an edit by then, and a revert would then keep it.
 */
export async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }
  if (doc.isDirty) await doc.save();
}

/**
 * The start of a VM's CodeLens as core's item implies it: the verdict line (shortened, an error
 * icon unless it runs), then the overhead where the VM runs or waits for a node.
 */
export function lensStart(item: ExplainItem): string {
  const v = verdictOf(item);
  const head = `${v.verdict === 'runs' ? '' : '$(error) '}${shorten(v.headline, LENS_VERDICT_CHARS)}`;
  const figures = v.verdict === 'runs' || v.verdict === 'unschedulable';
  return figures && item.overheadBytes !== null ? `${head} · overhead ${mebibytes(item.overheadBytes)}` : head;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Position of the first occurrence of `needle` in a document (on its first character). */
export function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${doc.uri.path}`);
  return doc.positionAt(i);
}
