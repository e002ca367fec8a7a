// UI check in code-server: opens a manifest, hovers `kind`, asserts on the hover's DOM text,
// opens the domain XML preview with the editor-title button, reads the Problems panel from the
// DOM, opens the target picker, and screenshots each (docs/images with UPDATE_SCREENSHOTS=1).
// Usage: CS_URL=… SHOTS=dir node drive-ui.js ; exit 0 only when every check passed.
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const URL_ = process.env.CS_URL;
const SHOTS = process.env.SHOTS || os.tmpdir();
const FILE = process.env.UI_FILE || 'vm-12000.yaml';
const VM = process.env.UI_VM || 'vm-12000';
const FIELD_FILE = 'vm-12000-video.yaml';

async function quickOpen(page, file) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10000 });
  await page.keyboard.type(file);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines .view-line', { timeout: 30000 });
  await page.waitForTimeout(500);
}

async function command(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10000 });
  await page.keyboard.type(title);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

/** Hovers the first editor token matching `re` until an l1vh hover with its links shows. */
async function hoverWord(page, re) {
  const word = page.locator('.monaco-editor .view-lines span', { hasText: re }).first();
  await word.waitFor({ timeout: 30000 });
  let text = '';
  for (let i = 0; i < 15 && !text.includes('Open domain XML preview'); i++) {
    await page.mouse.move(5, 5);
    await word.hover();
    try {
      await page.waitForSelector('.monaco-hover:not(.hidden) .rendered-markdown', { timeout: 3000 });
      await page.waitForTimeout(300);
      text = (await page.locator('.monaco-hover:not(.hidden)').allTextContents()).join(' | ');
    } catch { /* hover not shown yet: retry */ }
  }
  return text;
}

(async () => {
  const t0 = Date.now();
  const lap = (m) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const failures = [];
  const check = (ok, what) => { lap(`${ok ? 'ok' : 'FAILED'}: ${what}`); if (!ok) failures.push(what); };
  const browserDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chrome-'));
  const ctx = await chromium.launchPersistentContext(browserDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 860 },
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('pageerror', (e) => lap('pageerror: ' + e.message));
  await page.goto(URL_);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  // Quick Open the manifest
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  await quickOpen(page, FILE);
  lap('editor open');
  // more room for the screenshots: hide the side bar
  await page.keyboard.press('Control+B');
  // the CodeLens appears above the VM
  const lens = await page.waitForSelector('.monaco-editor .codelens-decoration', { timeout: 30000 }).then((e) => e.textContent()).catch(() => '');
  lap('codelens: ' + JSON.stringify(lens));
  check(/Preview XML/.test(lens), 'CodeLens with "Preview XML" above the VM');
  const text = await hoverWord(page, /^kind$/);
  lap('hover text: ' + JSON.stringify(text.trim()));
  check(text.includes('l1vh') && text.includes(VM), `hover names the VM ${VM}`);
  check(/Open domain XML preview/.test(text) && /Explain in full/.test(text), 'hover has the command links');
  check(/MSHV|KVM|QEMU|Cannot launch/.test(text), 'hover states the hypervisor or why it cannot launch');
  check(/Overhead/.test(text) && /Launcher pod/.test(text), 'hover has overhead and launcher lines');
  await page.screenshot({ path: path.join(SHOTS, 'vscode-hover.png') });
  // preview from the editor-title button (VS Code passes it the file's Uri and { groupId })
  await page.mouse.move(700, 800);
  await page.keyboard.press('Escape');
  const button = page.locator('.editor-actions .action-label[aria-label*="Open Domain XML Preview"]').first();
  const hasButton = await button.waitFor({ timeout: 10000 }).then(() => true).catch(() => false);
  check(hasButton, 'editor-title button "Open Domain XML Preview"');
  if (hasButton) await button.click();
  const warning = await page.waitForSelector('.notifications-toasts .notification-list-item-message', { timeout: 1500 }).then((e) => e.textContent()).catch(() => '');
  check(!/no VirtualMachine-like object/.test(warning || ''), `no "no VirtualMachine-like object" warning (${JSON.stringify(warning)})`);
  const tab = await page.waitForSelector(`.tabs-container .tab[aria-label*="${VM}.domain.xml"]`, { timeout: 20000 }).then(() => true).catch(() => false);
  check(tab, `preview tab ${VM}.domain.xml opened`);
  await page.waitForTimeout(1000);
  const editors = await page.locator('.editor-group-container').count();
  check(editors >= 2, 'preview opened beside the manifest');
  const previewText = (await page.locator('.editor-group-container').last().locator('.view-lines').allTextContents()).join('\n');
  lap('preview text starts: ' + JSON.stringify(previewText.slice(0, 160)));
  check(/<domain|<!--/.test(previewText), 'preview shows domain XML or the reason');
  const status = await page.locator('.statusbar-item', { hasText: 'L1VH nodes' }).first().textContent().catch(() => '');
  lap('status bar: ' + JSON.stringify(status));
  check(/KubeVirt .* L1VH nodes/.test(status), 'status bar shows the target cluster');
  await page.screenshot({ path: path.join(SHOTS, 'vscode-preview.png') });
  // a field that changes the outcome: its hover says how
  await command(page, 'View: Close All Editors');
  await quickOpen(page, FIELD_FILE);
  const field = await hoverWord(page, /^autoattachGraphicsDevice$/);
  lap('field hover text: ' + JSON.stringify(field.trim().slice(0, 300)));
  check(/autoattachGraphicsDevice/.test(field) && /adds [\d.]+Mi overhead/.test(field), 'field hover says what autoattachGraphicsDevice adds');
  await page.screenshot({ path: path.join(SHOTS, 'vscode-hover-field.png') });

  // Problems panel, read from the DOM: the cross-file instancetype resolves (no unknown-instancetype
  // on vm-cirros-csmall, only KubeVirt's overhead-vs-guest warning), the undecodable VM is rejected
  await page.mouse.move(700, 800);
  await page.keyboard.press('Escape');
  await command(page, 'View: Close All Editors');
  await command(page, 'View: Focus Problems');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20000 }).catch(() => undefined);
  await command(page, 'View: Toggle Maximized Panel');
  await page.waitForTimeout(1500);
  const problems = (await page.locator('.markers-panel .monaco-list-row').allTextContents()).join('\n');
  lap('problems: ' + JSON.stringify(problems.slice(0, 1200)));
  check(/vm-cirros-csmall\.yaml/.test(problems) && /memory-too-small/.test(problems), 'Problems: memory-too-small on vm-cirros-csmall.yaml (128Mi guest < 288Mi overhead)');
  check(!/"csmall" is not in/.test(problems), 'Problems: no unknown-instancetype for csmall (it comes from instancetypes/csmall.yaml)');
  check(/vm-invalid-memory\.yaml/.test(problems) && /memory\.guest/.test(problems), 'Problems: the undecodable memory.guest of vm-invalid-memory.yaml');
  await page.screenshot({ path: path.join(SHOTS, 'vscode-problems.png') });
  await command(page, 'View: Toggle Maximized Panel');

  // edit the instancetype file (not the VM's): 128Mi → 1Gi, and the VM's warning leaves Problems
  await quickOpen(page, 'csmall.yaml');
  await page.keyboard.press('Control+G');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  for (let i = 0; i < '128Mi'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('1Gi');
  let after = '';
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(500);
    after = (await page.locator('.markers-panel .monaco-list-row').allTextContents()).join('\n');
    if (!/128Mi is smaller/.test(after)) break;
  }
  lap('problems after the instancetype edit: ' + JSON.stringify(after.slice(0, 400)));
  check(!/guest memory 128Mi is smaller/.test(after) && /vm-invalid-memory\.yaml/.test(after), 'Problems: vm-cirros-csmall\'s warning gone after editing instancetypes/csmall.yaml to 1Gi');
  await command(page, 'File: Revert File');
  await command(page, 'View: Close Panel');

  // target picker from the status bar: only contexts of existing kubeconfig files (none here)
  await quickOpen(page, FILE);
  await page.locator('.statusbar-item', { hasText: 'L1VH nodes' }).first().click();
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  const picks = (await page.locator('.quick-input-list .monaco-list-row').allTextContents()).join(' | ');
  lap('picker: ' + JSON.stringify(picks));
  check(/Choose offline profile file/.test(picks), 'picker offers an offline profile file');
  check(!/loaded-context/.test(picks), 'picker has no phantom "loaded-context"');
  await page.screenshot({ path: path.join(SHOTS, 'vscode-picker.png') });
  await page.keyboard.press('Escape');
  await ctx.close();
  fs.rmSync(browserDir, { recursive: true, force: true });
  console.log(`ui check: ${failures.length === 0 ? 'passed' : 'FAILED: ' + failures.join('; ')}`);
  process.exit(failures.length === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
