// Desktop runner for machines with internet: downloads VS Code through @vscode/test-electron and
// runs the same mocha suite twice (trusted fixture workspace, then the untrusted one).
// Usage: node build.mjs && node out/test/run-electron.js

import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const extensionTestsPath = resolve(root, 'out/test/suite/index.js');
  await runTests({ extensionDevelopmentPath: root, extensionTestsPath, launchArgs: [resolve(root, 'test/fixtures/workspace'), '--disable-workspace-trust', '--disable-extensions'] });
  await runTests({ extensionDevelopmentPath: root, extensionTestsPath, launchArgs: [resolve(root, 'test/fixtures/untrusted'), '--disable-extensions'] });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
