// Runs the mocha suite (out/test/suite/index.js) inside code-server's real extension host, with
// headless Debian chromium as the client. Exit code 0 only when the suite reported success.
// Usage: node run-suite.js <codeServerUrl> <workspaceDir> <extensionDir>
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const [base, ws, ext] = process.argv.slice(2);
const TIMEOUT_MS = +(process.env.SUITE_TIMEOUT_MS || 180000);

(async () => {
  const t0 = Date.now();
  const host = new URL(base).host;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${host}${ext}`],
    ['extensionTestsPath', `vscode-remote://${host}${path.join(ext, 'out/test/suite/index.js')}`],
  ]);
  const browserDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chrome-'));
  const ctx = await chromium.launchPersistentContext(browserDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  let done;
  const exited = new Promise((r) => (done = r));
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  page.on('console', async (m) => {
    try {
      let a = await Promise.all(m.args().map((x) => x.jsonValue()));
      if (typeof a[0] === 'string' && a[0].startsWith('%c')) a = a.slice(2);
      const line = util.format(...a);
      if (process.env.VERBOSE || m.type() !== 'error') console.log(line);
    } catch {
      console.log(m.text());
    }
  });
  await page.goto(`${base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('TIMEOUT'), TIMEOUT_MS))]);
  if (code === 'TIMEOUT') await page.screenshot({ path: path.join(os.tmpdir(), 'l1vh-suite-timeout.png') });
  console.log(`extension tests exit code: ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  await ctx.close();
  fs.rmSync(browserDir, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
