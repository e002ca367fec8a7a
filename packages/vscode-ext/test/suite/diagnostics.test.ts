import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Finding } from '@l1vh/core';
import { api, coreLint, fixture, open, readText, restore, waitFor } from './helpers.js';

interface Expected {
  uri: vscode.Uri;
  text: string;
  findings: Finding[];
}

function shape(doc: { positionAt(o: number): vscode.Position } | undefined, text: string, f: Finding): string {
  const lines = text.slice(0, f.range?.start ?? 0).split('\n');
  const start = doc ? doc.positionAt(f.range?.start ?? 0) : new vscode.Position(lines.length - 1, lines[lines.length - 1]!.length);
  const endLines = text.slice(0, f.range?.end ?? 0).split('\n');
  const end = new vscode.Position(endLines.length - 1, endLines[endLines.length - 1]!.length);
  return `${start.line}:${start.character}-${end.line}:${end.character} ${f.ruleId ?? f.code} ${f.message}`;
}

function actual(d: vscode.Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;
}

async function expectedFindings(): Promise<Expected[]> {
  const files = await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/.l1vh.yaml');
  return Promise.all(files.map(async (uri) => {
    const text = await readText(uri);
    return { uri, text, findings: await coreLint(uri.fsPath, text) };
  }));
}

export function diagnosticsTests(): void {
  describe('workspace diagnostics', () => {
    before(api);

    it('lists core\'s findings for every YAML file, opened or not, at their exact ranges', async () => {
      const all = await expectedFindings();
      const total = all.reduce((n, e) => n + e.findings.length, 0);
      assert.ok(total > 0, 'core lintSources reports nothing on the fixtures (the broken/ file alone should give a YAML_SYNTAX finding)');
      for (const e of all) {
        const want = e.findings.map((f) => shape(undefined, e.text, f)).sort();
        const got = await waitFor(`diagnostics of ${e.uri.path}`, () => {
          const have = vscode.languages.getDiagnostics(e.uri).filter((d) => d.source === 'l1vh').map(actual).sort();
          return JSON.stringify(have) === JSON.stringify(want) ? have : undefined;
        }).catch(() => vscode.languages.getDiagnostics(e.uri).map(actual).sort());
        assert.deepEqual(got, want, `${e.uri.path}:\n  got  ${got.join('\n       ')}\n  want ${want.join('\n       ')}`);
      }
    });

    it('a "# l1vh-disable-next-line RULE" quick fix silences that finding', async () => {
      const all = await expectedFindings();
      const target = all.flatMap((e) => e.findings.filter((f) => f.ruleId && f.range).map((f) => ({ e, f })))[0];
      assert.ok(target, 'core lintSources reports no rule finding on the fixtures to suppress');
      const editor = await open(target.e.uri);
      const doc = editor.document;
      const original = doc.getText();
      const range = new vscode.Range(doc.positionAt(target.f.range!.start), doc.positionAt(target.f.range!.end));
      const diag = await waitFor('the rule diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === target.f.ruleId && d.range.isEqual(range)));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === `Suppress ${target.f.ruleId} on this line`);
      assert.ok(fix?.edit, `no suppress action among ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(doc.lineAt(range.start.line).text.trim() === `# l1vh-disable-next-line ${target.f.ruleId}`);
      const after = await coreLint(doc.uri.fsPath, doc.getText());
      assert.ok(!after.some((f) => f.ruleId === target.f.ruleId && f.range?.start === target.f.range!.start + doc.lineAt(range.start.line).text.length + 1), 'core still reports the suppressed finding');
      const want = after.map((f) => shape(doc, doc.getText(), f)).sort();
      await waitFor('diagnostics without the suppressed finding', () => {
        const have = vscode.languages.getDiagnostics(doc.uri).map(actual).sort();
        return JSON.stringify(have) === JSON.stringify(want) ? true : undefined;
      });
      await restore(doc, original);
    });

    it('the preferred quick fix renames a misspelled KubeVirt key and the finding goes', async () => {
      const uri = fixture('lint', 'unknown-kubevirt-key.yaml');
      const editor = await open(uri);
      const doc = editor.document;
      const before = doc.getText();
      const finding = (await coreLint(uri.fsPath, before)).find((f) => f.ruleId === 'ignored-kubevirt-setting' && f.messageId === 'unknownKey');
      assert.ok(finding?.range, 'core reports no unknownKey finding on the fixture');
      const range = new vscode.Range(doc.positionAt(finding.range.start), doc.positionAt(finding.range.end));
      const diag = await waitFor('the unknownKey diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === finding.ruleId && d.range.isEqual(range)));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.isPreferred);
      assert.equal(fix?.title, 'Rename featuregates to featureGates', `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(actions.some((a) => a.title === `Suppress ${finding.ruleId} on this line`), 'the suppress fix is still offered');
      assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
      try {
        assert.equal(doc.getText(), before.replace('      featuregates:', '      featureGates:'));
        assert.deepEqual(await coreLint(uri.fsPath, doc.getText()), [], 'core still reports findings after the fix');
        await waitFor('no l1vh diagnostics after the fix', () => (vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'l1vh').length === 0 ? true : undefined));
      } finally {
        await restore(doc, before);
      }
      assert.equal(doc.getText(), before);
    });

    it('honours rule severities from .l1vh.yaml and the l1vh.rules setting', async () => {
      const all = await expectedFindings();
      const first = all.flatMap((e) => e.findings.filter((f) => f.ruleId).map((f) => ({ uri: e.uri, rule: f.ruleId! })))[0];
      assert.ok(first, 'core lintSources reports no rule finding on the fixtures');
      const ruleDiags = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(first.uri).filter((d) => d.code === first.rule);
      await waitFor(`${first.rule} reported`, () => (ruleDiags().length > 0 ? true : undefined));

      const configUri = fixture('.l1vh.yaml');
      const original = await readText(configUri);
      await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(`rules:\n  ${first.rule}: off\n`));
      try {
        await waitFor(`${first.rule} switched off by .l1vh.yaml`, () => (ruleDiags().length === 0 ? true : undefined));
      } finally {
        await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(original));
      }
      await waitFor(`${first.rule} back`, () => (ruleDiags().length > 0 ? true : undefined));

      const settings = vscode.workspace.getConfiguration('l1vh');
      try {
        await settings.update('rules', { [first.rule]: 'info' }, vscode.ConfigurationTarget.Workspace);
        await waitFor(`${first.rule} as info`, () => (ruleDiags().length > 0 && ruleDiags().every((d) => d.severity === vscode.DiagnosticSeverity.Information) ? true : undefined));
        await settings.update('rules', { [first.rule]: 'off' }, vscode.ConfigurationTarget.Workspace);
        await waitFor(`${first.rule} switched off by l1vh.rules`, () => (ruleDiags().length === 0 ? true : undefined));
      } finally {
        await vscode.workspace.getConfiguration('l1vh').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor(`${first.rule} back`, () => (ruleDiags().length > 0 ? true : undefined));
    });
  });
}
