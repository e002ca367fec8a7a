// Desktop runner for machines with internet: downloads VS Code through @vscode/test-electron and
// runs the same mocha suite twice (trusted fixture workspace, then the untrusted one). The
// fixtures are copied first, because the suite edits files and settings.
// Usage: node build.mjs && node out/test/run-electron.js

import { cpSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const extensionTestsPath = resolve(root, 'out/test/suite/index.js');
  const work = mkdtempSync(join(tmpdir(), 'l1vh-electron-'));
  for (const ws of ['workspace', 'untrusted']) cpSync(resolve(root, 'test/fixtures', ws), join(work, ws), { recursive: true });
  const cachePath = join(homedir(), '.cache', 'l1vh-vscode-e2e', 'vscode-test');
  const common = { extensionDevelopmentPath: root, extensionTestsPath, cachePath };
  await runTests({ ...common, launchArgs: [join(work, 'workspace'), '--disable-workspace-trust', '--disable-extensions', `--user-data-dir=${join(work, 'ud1')}`] });
  await runTests({ ...common, launchArgs: [join(work, 'untrusted'), '--disable-extensions', `--user-data-dir=${join(work, 'ud2')}`] });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
